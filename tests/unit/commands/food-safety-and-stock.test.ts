// Food-safety commands (QC with audit, the certificate hold rule, temperature, the daily notice)
// and the stock postings stamped by commands.
import { describe, expect, it } from 'vitest';
import { InvalidStateError, UnknownReferenceError, ValidationError } from '../../../shared/domain';
import { expiryNoticeKey, type StorageArea } from '../../../shared/ops';
import type { ConfigDoc } from '../../../shared/schemas';
import { batch, KITCHEN, ledgerWith, perishable, product } from '../domain/fixtures';
import { AT, run, stampFor } from './harness';

const milk = perishable('milk', 7);
const flour = product('flour');
const policy = (value: Record<string, unknown>): ConfigDoc => ({
  id: `site-policy-${KITCHEN}`,
  key: 'site-policy',
  siteId: KITCHEN,
  value,
  updatedAt: AT,
});

describe('QC holds and releases', () => {
  it('batch.release writes the batch and an audit event naming the change and the reason', () => {
    const held = batch('b-1', 'milk', { qcStatus: 'pending', lotCode: 'L-1' });
    const outcome = run('batch.release', { batchId: 'b-1', reason: 'certificate attached' }, { ledger: ledgerWith([milk], [held]) });
    expect(outcome.writes?.batches).toEqual([{ ...held, qcStatus: 'released', updatedAt: AT }]);
    expect(outcome.writes?.events?.[0]).toMatchObject({
      kind: 'audit',
      batchId: 'b-1',
      data: { action: 'qc-status', from: 'pending', to: 'released', reason: 'certificate attached' },
    });
    expect(() => run('batch.hold', { batchId: 'b-x', reason: 'x' }, { ledger: ledgerWith([milk], [held]) })).toThrow(UnknownReferenceError);
    expect(() => run('batch.hold', { batchId: 'b-1', reason: ' ' }, { ledger: ledgerWith([milk], [held]) })).toThrow(ValidationError);
  });

  it('batch.hold-uncertified holds this site’s uncertified supplier batches in stock, only with the policy on, and once', () => {
    const uncertified = batch('b-u', 'milk', { supplierId: 'sup' });
    const certified = batch('b-c', 'milk', { supplierId: 'sup', certificateHashes: ['a'.repeat(64)] });
    const made = batch('b-m', 'milk'); // produced here, no supplier: not the rule's
    const empty = batch('b-e', 'milk', { supplierId: 'sup' });
    const ledger = ledgerWith(
      [milk],
      [uncertified, certified, made, empty],
      [
        { batchId: 'b-u', qty: 5 },
        { batchId: 'b-c', qty: 5 },
        { batchId: 'b-m', qty: 5 },
      ],
    );
    expect(run('batch.hold-uncertified', {}, { ledger, config: [policy({})] }).result.held).toBe(0);
    const outcome = run('batch.hold-uncertified', {}, { ledger, config: [policy({ holdBatchesWithoutCertificate: true })] });
    expect(outcome.writes?.batches?.map((b) => [b.id, b.qcStatus])).toEqual([['b-u', 'pending']]);
    ledger.upsertBatch({ ...uncertified, qcStatus: 'pending' });
    expect(run('batch.hold-uncertified', {}, { ledger, config: [policy({ holdBatchesWithoutCertificate: true })] }).result.held).toBe(0);
  });
});

describe('temperature', () => {
  const fridge: StorageArea = { id: `${KITCHEN}:fridge`, siteId: KITCHEN, name: '冷藏库', areaClass: 'chilled' };
  const ledger = () =>
    ledgerWith(
      [milk, flour],
      [batch('b-milk', 'milk'), batch('b-flour', 'flour')],
      [
        { batchId: 'b-milk', qty: 3 },
        { batchId: 'b-flour', qty: 3 },
      ],
    );

  it('a reading is kept whatever follows; quarantining the same reading writes the chilled batches only', () => {
    const recorded = run('temperature.record', { area: fridge, celsius: 9 }, { ledger: ledger() });
    expect(recorded.result.outcome.status).toBe('too-warm');
    expect(recorded.writes?.batches).toBeUndefined();
    expect(recorded.writes?.events?.map((event) => event.kind)).toEqual(['temperature', 'temperature']);
    const quarantine = run(
      'temperature.quarantine',
      { area: fridge, celsius: 9, readingAt: recorded.result.readingAt },
      { ledger: ledger() },
    );
    expect(quarantine.writes?.batches?.map((b) => [b.id, b.qcStatus])).toEqual([['b-milk', 'quarantined']]);
    expect(() => run('temperature.record', { area: fridge, celsius: Number.NaN }, { ledger: ledger() })).toThrow(ValidationError);
  });
});

describe('expiry.notice', () => {
  const expired = batch('b-old', 'milk', { expiryDate: '2025-02-27', unitCost: 2 });
  const ledger = () => ledgerWith([milk], [expired], [{ batchId: 'b-old', qty: 4 }]);

  it('raises today’s notice once per site and day under a derived id; HQ and an empty board stay quiet', () => {
    const outcome = run('expiry.notice', {}, { ledger: ledger() });
    const key = expiryNoticeKey(KITCHEN, '2025-03-01');
    expect(outcome.result).toMatchObject({ raised: true, notice: { key, expiredCount: 1 } });
    const event = outcome.writes?.events?.[0];
    expect(event?.id).toBe(key);
    expect(run('expiry.notice', {}, { ledger: ledger(), events: event ? [event] : [] }).result.raised).toBe(false);
    expect(run('expiry.notice', {}, { ledger: ledger(), stamp: stampFor({ siteKind: 'hq', siteId: 'hq' }) }).result.raised).toBe(false);
    expect(run('expiry.notice', {}, { ledger: ledgerWith([milk], []) }).writes).toBeUndefined();
  });
});

describe('stock postings', () => {
  it('sale.post keeps positive lines, prices them, and numbers by kind', () => {
    const sale = run('sale.post', {
      kind: 'sale',
      paymentMethod: 'cash',
      lines: [
        { productId: 'flour', qty: 2, unitPrice: 3.5 },
        { productId: 'flour', qty: 0 },
      ],
    });
    expect(sale.post?.document).toMatchObject({
      type: 'sale',
      number: 'XS-1',
      paymentMethod: 'cash',
      lines: [{ productId: 'flour', qty: 2, unitPrice: 3.5 }],
    });
    expect(run('sale.post', { kind: 'consumption', lines: [{ productId: 'flour', qty: 1 }] }).post?.document).toMatchObject({
      type: 'consumption',
      number: 'XH-1',
    });
    expect(() => run('sale.post', { kind: 'sale', lines: [{ productId: 'flour', qty: 0 }] })).toThrow(ValidationError);
  });

  it('return.post links the goods receipt in a field and keeps the note for the reason alone', () => {
    const lines = [
      { productId: 'flour', batchId: 'b1', qty: 2 },
      { productId: 'flour', batchId: 'b2', qty: 0 },
    ];
    const outcome = run('return.post', { partnerId: 'sup-1', receiptId: 'gr-7', reason: ' 破袋 ', lines });
    expect(outcome.post?.document).toEqual(
      expect.objectContaining({
        type: 'return',
        returnDirection: 'to-supplier',
        number: 'RT-1',
        subjectDocId: 'gr-7',
        subjectDocType: 'goods-receipt',
        note: '破袋',
        lines: [{ productId: 'flour', batchId: 'b1', qty: 2 }],
      }),
    );
    const silent = run('return.post', { partnerId: 'sup-1', receiptId: 'gr-7', reason: '  ', lines }).post?.document;
    expect(silent).not.toHaveProperty('note');
    expect(() => run('return.post', { partnerId: 'sup-1', receiptId: 'gr-7', reason: '', lines: [lines[1]!] })).toThrow(ValidationError);
  });

  it('production.post derives the output batch from the run and numbers the lot', () => {
    const outcome = run('production.post', { outputProductId: 'bread', outputQty: 10, lines: [{ productId: 'flour', qty: 5 }] });
    expect(outcome.post?.document).toMatchObject({ type: 'production-run', number: 'SC-1', outputLotCode: 'P1', outputQty: 10 });
    expect(() => run('production.post', { outputProductId: 'bread', outputQty: 0, lines: [] })).toThrow(/outputQty/);
  });

  it('sale.import and count.post post only documents of this site', () => {
    const count = {
      id: 'c-1',
      type: 'stock-count' as const,
      siteId: 'elsewhere',
      number: 'PD-1',
      status: 'submitted' as const,
      businessDate: '2025-03-01',
      at: AT,
      terminalId: 't',
      lines: [],
      updatedAt: AT,
    };
    expect(() => run('count.post', { document: count })).toThrow(/siteId/);
    expect(run('count.post', { document: { ...count, siteId: KITCHEN } }).post?.document.id).toBe('c-1');
    expect(() => run('count.post', { document: { ...count, siteId: KITCHEN, status: 'posted' } })).toThrow(InvalidStateError);
    expect(run('count.start', {}).result).toEqual({ id: 'id-1', number: 'PD-1', businessDate: '2025-03-01', startedAt: AT });
  });
});
