import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../shared/domain';
import { buildExpiryBoard, dailyExpiryNotice, expiryNoticeEvent, noticeDue } from '../../../shared/ops/expiry-board';
import { batch, KITCHEN, movement, product, STORE } from './fixtures';

const milk = product('milk', { name: '牛奶', perishable: true, shelfLifeDays: 7, nearExpiryDays: 2 });
const salt = product('salt', { name: '盐' });
const batches = [
  batch('m-exp', 'milk', { lotCode: 'M0', expiryDate: '2025-03-09', unitCost: 8 }),
  batch('m-today', 'milk', { lotCode: 'M1', expiryDate: '2025-03-10', unitCost: 8 }),
  batch('m-near', 'milk', { lotCode: 'M2', expiryDate: '2025-03-12', unitCost: 8.5 }),
  batch('m-ok', 'milk', { lotCode: 'M3', expiryDate: '2025-03-13', unitCost: 9 }),
  batch('m-empty', 'milk', { lotCode: 'M4', expiryDate: '2025-03-01', unitCost: 9 }),
  batch('salt-1', 'salt', { lotCode: 'S1', unitCost: 2 }),
];
const ledger = Ledger.fromMovements({ products: [milk, salt], batches }, [
  movement({ siteId: STORE, productId: 'milk', batchId: 'm-exp', qty: 3, kind: 'receipt' }),
  movement({ siteId: STORE, productId: 'milk', batchId: 'm-today', qty: 5, kind: 'receipt' }),
  movement({ siteId: STORE, productId: 'milk', batchId: 'm-near', qty: 2, kind: 'receipt' }),
  movement({ siteId: STORE, productId: 'milk', batchId: 'm-ok', qty: 10, kind: 'receipt' }),
  movement({ siteId: STORE, productId: 'milk', batchId: 'm-empty', qty: 4, kind: 'receipt' }),
  movement({ siteId: STORE, productId: 'milk', batchId: 'm-empty', qty: -4, kind: 'waste' }),
  movement({ siteId: STORE, productId: 'salt', batchId: 'salt-1', qty: 50, kind: 'receipt' }),
  movement({ siteId: KITCHEN, productId: 'milk', batchId: 'm-exp', qty: 100, kind: 'receipt' }),
]);

describe('expiry board', () => {
  const board = buildExpiryBoard(STORE, '2025-03-10', ledger.positions(), ledger);

  it('groups the site’s batches with stock by status, soonest first, with days left and value at risk', () => {
    expect(board.expired.lines.map((l) => [l.batchId, l.daysLeft, l.qty, l.valueAtRisk])).toEqual([['m-exp', -1, 3, 24]]);
    expect(board.nearExpiry.lines.map((l) => [l.batchId, l.daysLeft, l.valueAtRisk])).toEqual([
      ['m-today', 0, 40],
      ['m-near', 2, 17],
    ]);
    expect(board.ok.lines.map((l) => [l.batchId, l.daysLeft])).toEqual([
      ['m-ok', 3],
      ['salt-1', undefined],
    ]);
    expect([board.expired.value, board.nearExpiry.value, board.ok.value]).toEqual([24, 57, 190]);
  });

  it('raises one notice per site and date', () => {
    const notice = dailyExpiryNotice(board);
    expect(notice).toMatchObject({ expiredCount: 1, expiredValue: 24, nearExpiryCount: 2, nearExpiryValue: 57 });
    if (!notice) return;
    const event = expiryNoticeEvent(notice, '2025-03-10T01:00:00.000Z', 'term-1');
    const again = expiryNoticeEvent(
      dailyExpiryNotice(buildExpiryBoard(STORE, '2025-03-10', ledger.positions(), ledger)) ?? notice,
      '2025-03-10T05:00:00.000Z',
    );
    expect(again.id).toBe(event.id);
    expect(event).toMatchObject({
      kind: 'near-expiry',
      severity: 'error',
      message: '2025-03-10: 1 expired batches (¥24.00), 2 near expiry (¥57.00)',
    });
    expect(noticeDue(STORE, '2025-03-10', new Set([event.id]))).toBe(false);
    expect(noticeDue(STORE, '2025-03-11', new Set([event.id]))).toBe(true);
    expect(dailyExpiryNotice(buildExpiryBoard(STORE, '2025-03-01', ledger.positions(), ledger))).toBeNull();
  });
});
