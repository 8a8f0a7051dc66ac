// Customer orders and output VAT (issue 17): an order is confirmed or held for approval, delivered
// in sales on account at its prices and VAT rates, never past what is left; the sale books its
// tax-inclusive amount to the receivable, its amount net of VAT to revenue and the tax to 2221, and
// a credit note takes both back. A property test: for random orders and delivery splits, nothing is
// delivered twice, the receivable is the deliveries' 价税合计, and revenue + VAT is that total.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customerBalance,
  InvalidStateError,
  lineAmounts,
  NoSalePriceError,
  postDocument,
  salesOrderProgress,
  ValidationError,
  type PostingResult,
} from '../../../shared/domain';
import type { ConfigDoc, DocumentDoc, JournalDoc, PartnerDoc, PersonDoc, SalesOrderDoc } from '../../../shared/schemas';
import { run, stampFor, type World } from '../commands/harness';
import { batch, ledgerWith, ok, product, sumBy } from '../domain/fixtures';

const customer: PartnerDoc = {
  id: 'franchise-1',
  kind: 'customer',
  code: 'F1',
  name: '加盟一店',
  active: true,
  creditLimit: 1_000,
  updatedAt: '2025-03-01T00:00:00.000Z',
};
// 13 % VAT: ¥11.30 a jar is ¥10.00 and ¥1.30 tax.
const sauce = product('sauce', { taxRate: 0.13 });
const rice = product('rice');

function shop() {
  const ledger = ledgerWith(
    [sauce, rice],
    [
      batch('s1', 'sauce', { unitCost: 4, expiryDate: '2025-06-01' }),
      batch('s2', 'sauce', { unitCost: 5, expiryDate: '2025-09-01' }),
      batch('r1', 'rice'),
    ],
    [
      { batchId: 's1', qty: 30 },
      { batchId: 's2', qty: 100 },
      { batchId: 'r1', qty: 500 },
    ],
  );
  const documents: DocumentDoc[] = [];
  const journal: JournalDoc[] = [];
  const numbering = stampFor();
  const world = (extra: Partial<World> = {}): World => ({
    ledger,
    documents,
    partners: [customer],
    ...extra,
    // One numbering across the test: the person signed in may change, ids and numbers run on.
    stamp: { ...stampFor({ operator: extra.stamp?.operator ?? null }), newId: numbering.newId, nextNumber: numbering.nextNumber },
  });
  const post = (document: DocumentDoc): PostingResult => {
    const result = ok(postDocument(document, ledger));
    ledger.commit(result);
    journal.push(...result.journal);
    documents.push(result.document);
    return result;
  };
  const order = (lines: { productId: string; qty: number; unitPrice?: number }[], extra: Partial<World> = {}) => {
    const outcome = run('sales-order.submit', { partnerId: customer.id, deliveryDate: '2025-03-05', lines }, world(extra));
    const written = outcome.writes?.documents?.[0] as SalesOrderDoc;
    documents.push(written);
    return { outcome, order: written };
  };
  const deliver = (orderId: string, lines: { productId: string; qty: number }[]) =>
    post(run('sales-order.deliver', { orderId, lines }, world()).post!.document);
  const account = (code: string) =>
    sumBy(
      journal.flatMap((entry) => entry.lines.filter((line) => line.accountCode === code)),
      (line) => line.debit - line.credit,
    );
  return { ledger, documents, journal, order, deliver, post, world, account };
}

describe('output VAT on a sale', () => {
  it('splits the tax-inclusive amount per line as a fapiao does: 价税合计 ¥113.00 = 金额 ¥100.00 + 税额 ¥13.00', () => {
    expect(lineAmounts({ qty: 10, unitPrice: 11.3, taxRate: 0.13 })).toEqual({ gross: 113, tax: 13, net: 100 });
    // Rounded per line to the fen: ¥9.99 at 9 % holds ¥0.82 of tax.
    expect(lineAmounts({ qty: 1, unitPrice: 9.99, taxRate: 0.09 })).toMatchObject({ tax: 0.82 });
    expect(lineAmounts({ qty: 3, unitPrice: 2.5 })).toEqual({ gross: 7.5, tax: 0, net: 7.5 });
  });

  it('a sale on account books Dr 1122 ¥113 / Cr 6001 ¥100, Cr 2221 ¥13; its credit note takes back ¥20 and ¥2.60', () => {
    const s = shop();
    const sale = s.post(
      run('sale.post', { kind: 'sale', partnerId: customer.id, lines: [{ productId: 'sauce', qty: 10, unitPrice: 11.3 }] }, s.world()).post!
        .document,
    );
    expect(sale.document.lines[0]).toMatchObject({ taxRate: 0.13 });
    expect(s.account('1122')).toBeCloseTo(113, 6);
    expect(s.account('6001')).toBeCloseTo(-100, 6);
    expect(s.account('2221')).toBeCloseTo(-13, 6);
    const credit = run(
      'customer-return.post',
      { saleId: sale.document.id, reason: '破损', lines: [{ productId: 'sauce', batchId: 's1', qty: 2 }] },
      s.world(),
    ).post!.document;
    expect(credit.lines[0]).toMatchObject({ unitPrice: 11.3, taxRate: 0.13 });
    s.post(credit);
    expect(s.account('1122')).toBeCloseTo(90.4, 6);
    expect(s.account('2221')).toBeCloseTo(-10.4, 6);
    expect(s.account('6001')).toBeCloseTo(-80, 6);
    for (const entry of s.journal) expect(sumBy(entry.lines, (line) => line.debit - line.credit)).toBeCloseTo(0, 6);
  });

  it('a product without a rate carries no tax, as every sale before the rate was stamped', () => {
    const s = shop();
    s.post(run('sale.post', { kind: 'sale', lines: [{ productId: 'rice', qty: 4, unitPrice: 2.5 }] }, s.world()).post!.document);
    expect(s.account('6001')).toBeCloseTo(-10, 6);
    expect(s.account('2221')).toBe(0);
  });
});

describe('a customer order', () => {
  it('is confirmed, delivered FEFO in two sales at its prices, then is delivered; more than is left is refused by name', () => {
    const s = shop();
    const { order, outcome } = s.order([
      { productId: 'sauce', qty: 40, unitPrice: 11.3 },
      { productId: 'rice', qty: 100, unitPrice: 2 },
    ]);
    expect(outcome.result.heldFor).toBeNull();
    expect(order).toMatchObject({ type: 'sales-order', number: 'SO-1', status: 'approved', deliveryDate: '2025-03-05' });
    expect(order.lines[0]).toMatchObject({ taxRate: 0.13 });

    const first = s.deliver(order.id, [{ productId: 'sauce', qty: 35 }]);
    expect(first.document).toMatchObject({ salesOrderId: order.id, partnerId: customer.id, paymentMethod: 'credit' });
    // FEFO: the 30 of the earlier batch, then 5 of the later.
    expect(first.movements.map((movement) => [movement.batchId, movement.qty])).toEqual([
      ['s1', -30],
      ['s2', -5],
    ]);
    let progress = salesOrderProgress(order, s.documents);
    expect(progress.state).toBe('partly-delivered');
    expect(progress.lines.map((line) => line.remaining)).toEqual([5, 100]);
    expect(progress.remainingValue).toBeCloseTo(256.5, 6);

    expect(() => s.deliver(order.id, [{ productId: 'sauce', qty: 6 }])).toThrow(
      new ValidationError('lines[0].qty', '6 is more than the 5 order SO-1 has left to deliver'),
    );
    s.deliver(order.id, [
      { productId: 'sauce', qty: 5 },
      { productId: 'rice', qty: 100 },
    ]);
    progress = salesOrderProgress(order, s.documents);
    expect(progress.state).toBe('delivered');
    expect(progress.deliveries).toHaveLength(2);
    expect(() => s.deliver(order.id, [{ productId: 'rice', qty: 1 }])).toThrow(InvalidStateError);
    expect(s.account('1122')).toBeCloseTo(40 * 11.3 + 200, 6);
  });

  it('a cancelled order delivers nothing more; what was delivered stays', () => {
    const s = shop();
    const { order } = s.order([{ productId: 'rice', qty: 10, unitPrice: 2 }]);
    s.deliver(order.id, [{ productId: 'rice', qty: 4 }]);
    const cancelled = run('sales-order.cancel', { orderId: order.id, reason: '客户改单' }, s.world()).writes!
      .documents![0] as SalesOrderDoc;
    expect(cancelled).toMatchObject({ status: 'cancelled', note: '客户改单' });
    const progress = salesOrderProgress(cancelled, s.documents);
    expect(progress).toMatchObject({ state: 'cancelled', remainingValue: 0 });
    expect(progress.lines[0]).toMatchObject({ delivered: 4, remaining: 0 });
    expect(() => run('sales-order.cancel', { orderId: order.id, reason: ' ' }, s.world())).toThrow(ValidationError);
  });

  it('waits for approval when it takes the customer past its credit limit, counting its other open orders', () => {
    const rules: ConfigDoc = {
      id: 'approval-rules',
      key: 'approval-rules',
      value: {
        rules: [{ id: 'credit', documentType: 'sale', condition: 'over-credit-limit', threshold: 0, approverRoles: ['store-manager'] }],
      },
      updatedAt: '2025-03-01T00:00:00.000Z',
    };
    // The rule on sales on account does not reach orders; a rule on orders does.
    const orderRules: ConfigDoc = {
      ...rules,
      value: {
        rules: [
          { id: 'credit-o', documentType: 'sales-order', condition: 'over-credit-limit', threshold: 0, approverRoles: ['store-manager'] },
        ],
      },
    };
    const clerk: PersonDoc = {
      id: 'fang@k',
      personId: 'fang',
      siteId: stampFor().siteId,
      name: '方',
      roles: ['clerk'],
      active: true,
      updatedAt: '2025-03-01T00:00:00.000Z',
    };
    const s = shop();
    const asClerk = (config: ConfigDoc) => ({ config: [config], people: [clerk], stamp: stampFor({ operator: 'fang' }) });
    expect(s.order([{ productId: 'rice', qty: 300, unitPrice: 2 }], asClerk(orderRules)).outcome.result.heldFor).toBeNull();
    // ¥600 open + ¥600 = ¥1,200 > ¥1,000.
    const held = s.order([{ productId: 'rice', qty: 300, unitPrice: 2 }], asClerk(orderRules));
    expect(held.outcome.result.heldFor).toEqual(['store-manager']);
    expect(held.order.status).toBe('submitted');
    expect(held.outcome.writes?.events?.[0]?.data).toMatchObject({ tripped: [{ condition: 'over-credit-limit', measured: 200 }] });
    expect(salesOrderProgress(held.order, s.documents).state).toBe('awaiting-approval');
    expect(() => s.deliver(held.order.id, [{ productId: 'rice', qty: 1 }])).toThrow(InvalidStateError);
    expect(s.order([{ productId: 'rice', qty: 300, unitPrice: 2 }], asClerk(rules)).outcome.result.heldFor).toBeNull();
  });

  it('counts neither a reversed delivery toward the credit limit nor as delivered', () => {
    const s = shop();
    const { order } = s.order([{ productId: 'rice', qty: 300, unitPrice: 2 }]);
    const sale = s.deliver(order.id, [{ productId: 'rice', qty: 300 }]).document;
    expect(customerBalance(s.documents, customer.id, order.siteId)).toBe(600);
    s.post({
      id: 'rev-1',
      type: 'reversal',
      siteId: order.siteId,
      number: 'HC-1',
      status: 'draft',
      businessDate: '2025-03-01',
      at: '2025-03-01T09:00:00.000Z',
      terminalId: 'term-1',
      reversesDocId: sale.id,
      lines: [],
      updatedAt: '2025-03-01T09:00:00.000Z',
    });
    expect(customerBalance(s.documents, customer.id, order.siteId)).toBe(0);
    expect(s.account('1122')).toBeCloseTo(0, 6);
    expect(salesOrderProgress(order, s.documents)).toMatchObject({ state: 'open', remainingValue: 600 });
  });

  it('refuses a non-customer, an unknown product and an order of nothing', () => {
    const s = shop();
    expect(() => run('sales-order.submit', { partnerId: 'nobody', lines: [{ productId: 'rice', qty: 1 }] }, s.world())).toThrow(
      new ValidationError('partnerId', 'an order names one of the customers'),
    );
    expect(() => s.order([{ productId: 'caviar', qty: 1, unitPrice: 1 }])).toThrow(/caviar/);
    expect(() => s.order([{ productId: 'rice', qty: 0 }])).toThrow(new ValidationError('lines', 'the order has no quantity'));
    // No price typed (or ¥0) and none listed: refused by name, never ordered at ¥0.
    expect(() => s.order([{ productId: 'rice', qty: 1, unitPrice: 0 }])).toThrow(NoSalePriceError);
  });
});

describe('deliveries of random orders (property)', () => {
  it('never deliver more than ordered; the receivable is their 价税合计 and equals revenue plus output VAT', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ qty: fc.integer({ min: 1, max: 20 }), price: fc.integer({ min: 1, max: 5_000 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 8 }),
        (orders, attempts) => {
          const s = shop();
          const made = orders.map((line) => s.order([{ productId: 'sauce', qty: line.qty, unitPrice: line.price / 100 }]).order);
          let billed = 0;
          attempts.forEach((qty, index) => {
            const order = made[index % made.length]!;
            const left = salesOrderProgress(order, s.documents).lines[0]!.remaining;
            if (qty > left) {
              expect(() => s.deliver(order.id, [{ productId: 'sauce', qty }])).toThrow();
              return;
            }
            const sale = s.deliver(order.id, [{ productId: 'sauce', qty }]);
            // FEFO may split a line over two batches: each carries the order's price.
            billed += sumBy(sale.document.lines, (line) => lineAmounts(line).gross);
          });
          for (const order of made) {
            const progress = salesOrderProgress(order, s.documents);
            expect(progress.lines[0]!.delivered).toBeLessThanOrEqual(order.lines[0]!.qty);
          }
          expect(s.account('1122')).toBeCloseTo(billed, 6);
          expect(-(s.account('6001') + s.account('2221'))).toBeCloseTo(billed, 6);
          for (const entry of s.journal) expect(sumBy(entry.lines, (line) => line.debit - line.credit)).toBeCloseTo(0, 6);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a customer’s agreed prices (协议价)', () => {
  const franchise: PartnerDoc = {
    ...customer,
    prices: [
      { productId: 'rice', price: 1.8, from: '2025-01-01' },
      { productId: 'rice', price: 1.6, from: '2025-03-01' },
      { productId: 'rice', price: 1.2, from: '2025-04-01' },
    ],
  };
  const riceListed = product('rice', { salePrices: [{ price: 2.5, from: '2000-01-01' }] });
  const world = (): World => ({
    ledger: ledgerWith([riceListed], [batch('r1', 'rice')], [{ batchId: 'r1', qty: 500 }]),
    partners: [franchise, { ...customer, id: 'walk-in-co', code: 'W' }],
  });

  it('price the customer’s orders and sales on account (the latest in force), before the store’s list', () => {
    const order = run('sales-order.submit', { partnerId: franchise.id, lines: [{ productId: 'rice', qty: 10 }] }, world());
    expect(order.writes?.documents?.[0]?.lines[0]).toMatchObject({ unitPrice: 1.6 });
    const onAccount = run('sale.post', { kind: 'sale', partnerId: franchise.id, lines: [{ productId: 'rice', qty: 10 }] }, world());
    expect(onAccount.post?.document.lines[0]).toMatchObject({ unitPrice: 1.6 });
  });

  it('leave walk-in sales and other customers on the store’s list', () => {
    const walkIn = run('sale.post', { kind: 'sale', paymentMethod: 'cash', lines: [{ productId: 'rice', qty: 1 }] }, world());
    expect(walkIn.post?.document.lines[0]).toMatchObject({ unitPrice: 2.5 });
    const other = run('sales-order.submit', { partnerId: 'walk-in-co', lines: [{ productId: 'rice', qty: 1 }] }, world());
    expect(other.writes?.documents?.[0]?.lines[0]).toMatchObject({ unitPrice: 2.5 });
  });

  it('are checked when HQ saves the customer, and kept by a sheet import that has no price column', () => {
    const save = (prices: PartnerDoc['prices']) =>
      run('partner.save', { partner: { kind: 'customer', code: 'F2', name: '加盟二店', active: true, prices } }, { partners: [] });
    expect(() => save([{ productId: 'rice', price: 0, from: '2025-03-01' }])).toThrow(
      new ValidationError('prices[0].price', 'more than ¥0'),
    );
    expect(() =>
      save([
        { productId: 'rice', price: 1, from: '2025-03-01' },
        { productId: 'rice', price: 2, from: '2025-03-01' },
      ]),
    ).toThrow(new ValidationError('prices[1].from', 'the product has another price from the same day'));
    const imported = run(
      'partner.import',
      { partners: [{ id: franchise.id, kind: 'customer', code: 'F1', name: '加盟一店', active: true }] },
      world(),
    );
    expect(imported.writes?.partners?.[0]?.prices).toEqual(franchise.prices);
  });
});
