// Quantities at the kept precision (shared/domain/numbers.ts): what the receive form lets a clerk
// enter must be what the posting rule accepts. A 1.2345 kg line with 1 accepted was refused,
// because short was rounded to 3 decimals while the rule compared the sum within 1e-9.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postDispatchShip, postDocument, roundQty, sameQty, type PostingResult } from '../../../shared/domain';
import { buildStoreReceipt, fromDispatchDoc, lineProblem, shortOf, type LineEntry } from '../../../shared/dispatch/store-receipt';
import type { DispatchDoc, GoodsReceiptDoc, StoreReceiptDoc } from '../../../shared/schemas';
import { KITCHEN, STORE, T0, batch, doc, ledgerWith, perishable } from '../domain/fixtures';
import { run, stampFor } from '../commands/harness';

function ok(outcome: ReturnType<typeof postDocument>): PostingResult {
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

const flour = perishable('flour', 30, { baseUnit: 'kg' });
const header = { storeSiteId: STORE, terminalId: 'store-t1', number: 'SH-1', businessDate: '2025-03-01', at: T0 };

function shipped(qty: number) {
  const kitchen = ledgerWith([flour], [batch('k1', 'flour', { expiryDate: '2025-03-20', unitCost: 3 })], [{ batchId: 'k1', qty: 1e7 }]);
  const dispatch = doc<DispatchDoc>({ type: 'dispatch', siteId: KITCHEN, toSiteId: STORE, lines: [{ productId: 'flour', qty }] });
  const out = ok(postDispatchShip(dispatch, kitchen));
  kitchen.commit(out);
  return { kitchen, out, incoming: fromDispatchDoc(out.document as DispatchDoc, kitchen) };
}

describe('store receipt quantities at the kept precision', () => {
  it('receives a 1.2345 kg line with 1 accepted: 0.2345 short, posted', () => {
    const { kitchen, incoming } = shipped(1.2345);
    const entries: LineEntry[] = [{ accepted: 1, rejected: 0 }];
    expect(lineProblem(incoming.lines[0]!, entries[0]!)).toBeNull();
    expect(shortOf(incoming.lines[0]!, entries[0]!)).toBe(0.2345);
    const outcome = run(
      'receipt.receive',
      { incoming, entries },
      { ledger: kitchen, stamp: stampFor({ siteId: STORE, siteKind: 'store' }) },
    );
    const receipt = outcome.post?.document as StoreReceiptDoc;
    expect(receipt.lines[0]).toMatchObject({ accepted: 1, short: 0.2345, rejected: 0 });
    const posted = ok(postDocument(receipt, kitchen));
    expect(posted.movements.map((m) => [m.kind, m.qty])).toEqual([
      ['dispatch-in', 1],
      ['transit-loss', 0.2345],
    ]);
  });

  it('a positive quantity that rounds to nothing is refused, not posted as a zero movement', () => {
    const ledger = ledgerWith([flour], []);
    const receipt = doc<GoodsReceiptDoc>({
      type: 'goods-receipt',
      siteId: STORE,
      partnerId: 'supplier-1',
      lines: [{ productId: 'flour', qty: 2e-7, batchId: 'b-new', lotCode: 'L1', unitCost: 3, expiryDate: '2025-03-20' }],
    });
    const outcome = postDocument(receipt, ledger);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toContain('lines[0].qty');
  });

  // What the form can produce: InputNumber without a precision takes any number in [0, shipped]
  // (typed decimals or arithmetic noise); the form lets the clerk post when lineProblem is null.
  const typed = (max: number) =>
    fc.oneof(
      fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 10_000 }).map((n) => Math.min(max, roundQty((n / 10_000) * max))),
      fc.integer({ min: 0, max: Math.floor(max * 10_000) }).map((n) => n / 10_000),
      fc.constant(max),
      fc.constant(0),
    );
  const shippedQty = fc.oneof(
    fc.integer({ min: 1, max: 1_000_000_000 }).map((n) => n / 10_000),
    fc
      .double({ min: 1e-6, max: 100_000, noNaN: true })
      .map(roundQty)
      .filter((q) => q > 0),
  );
  const split = shippedQty.chain((qty) =>
    typed(qty).chain((accepted) =>
      fc.record({ qty: fc.constant(qty), accepted: fc.constant(accepted), rejected: typed(Math.max(0, qty - accepted)) }),
    ),
  );

  it('property: every split the form allows posts, and out + in + loss = 0 for the batch', () => {
    fc.assert(
      fc.property(split, ({ qty, accepted, rejected }) => {
        const { kitchen, out, incoming } = shipped(qty);
        const entry: LineEntry = { accepted, rejected, ...(rejected > 0 ? { rejectReason: 'damaged' } : {}) };
        if (lineProblem(incoming.lines[0]!, entry) !== null) return; // the form would not let it through
        const receipt = buildStoreReceipt(incoming, [entry], header);
        const line = receipt.lines[0]!;
        expect(line.short).toBeGreaterThanOrEqual(0);
        expect(sameQty(line.accepted + line.short + line.rejected, qty)).toBe(true);
        const posted = ok(postDocument(receipt, kitchen));
        const sum = [...out.movements, ...posted.movements].reduce((total, m) => total + m.qty, 0);
        expect(roundQty(sum)).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
