import { describe, expect, it } from 'vitest';
import {
  ExpiredBatchError,
  FifoViolationError,
  QuarantinedBatchError,
  checkBatchChoice,
  compareForPicking,
  pickingRule,
  proposeBatches,
} from '../../../shared/domain';
import { KITCHEN, batch, ledgerWith, perishable, product } from './fixtures';

const milk = perishable('milk');
const salt = product('salt');
const request = { siteId: KITCHEN, productId: 'milk', businessDate: '2025-03-05' };

describe('picking order', () => {
  it('uses FEFO for perishables and FIFO otherwise', () => {
    expect(pickingRule(milk)).toBe('fefo');
    expect(pickingRule(salt)).toBe('fifo');
    expect(pickingRule(product('x', { shelfLifeDays: 30 }))).toBe('fefo');
  });

  it('FEFO: earliest expiry, then earliest receipt, then lot code', () => {
    const late = batch('late', 'milk', { expiryDate: '2025-03-20', receivedAt: '2025-01-01T00:00:00Z' });
    const earlyB = batch('earlyB', 'milk', { expiryDate: '2025-03-10', receivedAt: '2025-02-02T00:00:00Z', lotCode: 'A' });
    const earlyA = batch('earlyA', 'milk', { expiryDate: '2025-03-10', receivedAt: '2025-02-01T00:00:00Z', lotCode: 'Z' });
    const sameDayLotB = batch('lotB', 'milk', { expiryDate: '2025-03-10', receivedAt: '2025-02-01T00:00:00Z', lotCode: 'Y' });
    const sorted = [late, earlyB, earlyA, sameDayLotB].sort((a, b) => compareForPicking(a, b, 'fefo'));
    expect(sorted.map((b) => b.id)).toEqual(['lotB', 'earlyA', 'earlyB', 'late']);
  });

  it('FIFO ignores expiry', () => {
    const a = batch('a', 'salt', { receivedAt: '2025-02-01T00:00:00Z', expiryDate: '2026-01-01' });
    const b = batch('b', 'salt', { receivedAt: '2025-02-02T00:00:00Z', expiryDate: '2025-06-01' });
    expect([b, a].sort((x, y) => compareForPicking(x, y, 'fifo')).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('proposeBatches', () => {
  const batches = [
    batch('b-mar10', 'milk', { expiryDate: '2025-03-10' }),
    batch('b-mar08', 'milk', { expiryDate: '2025-03-08' }),
    batch('b-expired', 'milk', { expiryDate: '2025-03-04' }),
    batch('b-held', 'milk', { expiryDate: '2025-03-06', qcStatus: 'quarantined' }),
    batch('b-pending', 'milk', { expiryDate: '2025-03-06', qcStatus: 'pending' }),
  ];
  const ledger = ledgerWith([milk], batches, [
    { batchId: 'b-mar10', qty: 10 },
    { batchId: 'b-mar08', qty: 4 },
    { batchId: 'b-expired', qty: 50 },
    { batchId: 'b-held', qty: 50 },
    { batchId: 'b-pending', qty: 50 },
  ]);

  it('takes the earliest-expiring usable batch whole before the next', () => {
    expect(proposeBatches(ledger, { ...request, qty: 6 })).toEqual({
      allocations: [
        { batchId: 'b-mar08', qty: 4 },
        { batchId: 'b-mar10', qty: 2 },
      ],
      shortfall: 0,
    });
  });

  it('never selects expired or quarantined batches and reports the shortfall', () => {
    expect(proposeBatches(ledger, { ...request, qty: 20 })).toEqual({
      allocations: [
        { batchId: 'b-mar08', qty: 4 },
        { batchId: 'b-mar10', qty: 10 },
      ],
      shortfall: 6,
    });
  });

  it('refuses a later batch while an earlier usable one has stock, unless a reason is given', () => {
    expect(() => checkBatchChoice(ledger, { ...request, batchId: 'b-mar10' })).toThrow(FifoViolationError);
    try {
      checkBatchChoice(ledger, { ...request, batchId: 'b-mar10' });
    } catch (error) {
      expect(error).toMatchObject({ chosenBatchId: 'b-mar10', earlierBatchId: 'b-mar08', code: 'fifo-violation' });
    }
    expect(checkBatchChoice(ledger, { ...request, batchId: 'b-mar10', overrideReason: '  customer asked  ' })).toEqual({
      chosenBatchId: 'b-mar10',
      earlierBatchId: 'b-mar08',
      reason: 'customer asked',
    });
    expect(checkBatchChoice(ledger, { ...request, batchId: 'b-mar08' })).toBeNull();
  });

  it('refuses expired and held batches even with a reason', () => {
    expect(() => checkBatchChoice(ledger, { ...request, batchId: 'b-expired', overrideReason: 'x' })).toThrow(ExpiredBatchError);
    expect(() => checkBatchChoice(ledger, { ...request, batchId: 'b-held', overrideReason: 'x' })).toThrow(QuarantinedBatchError);
    expect(() => checkBatchChoice(ledger, { ...request, batchId: 'b-pending' })).toThrow(QuarantinedBatchError);
  });
});
