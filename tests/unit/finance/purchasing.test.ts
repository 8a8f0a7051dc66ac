import { describe, expect, it } from 'vitest';
import type { ConfigDoc, GoodsReceiptDoc, PurchaseOrderDoc } from '../../../shared/schemas';
import { defaultSitePolicy, InvalidStateError, ValidationError } from '../../../shared/domain';
import {
  budgetRulesFromConfig,
  checkBudget,
  contractPricesFromConfig,
  decidePurchaseOrder,
  decisionFor,
  priceDeviations,
  purchaseOrderTotals,
  receiptProgress,
  receiptsForOrder,
  submitPurchaseOrder,
} from '../../../shared/finance';
import { KITCHEN, STORE, doc, product } from './fixtures';

const products = [
  product('beef', { category: 'meat', name: '牛肉' }),
  product('pork', { category: 'meat' }),
  product('rice', { category: 'dry' }),
];
const lookup = (id: string) => products.find((p) => p.id === id);
const po = (lines: PurchaseOrderDoc['lines'], fields: Partial<PurchaseOrderDoc> = {}): PurchaseOrderDoc =>
  doc<PurchaseOrderDoc>({ type: 'purchase-order', siteId: KITCHEN, partnerId: 'sup', lines, businessDate: '2025-03-10', ...fields });
const config = (value: Record<string, unknown>, siteId?: string): ConfigDoc => ({
  id: `c-${siteId ?? 'org'}`,
  key: 'approval-rules',
  value,
  updatedAt: '2025-03-01T00:00:00Z',
  ...(siteId ? { siteId } : {}),
});

const rules = budgetRulesFromConfig(
  [
    config({
      budgets: [
        { category: 'meat', month: '2025-03', amount: 1000 },
        { category: 'dry', month: '2025-03', amount: 50 },
      ],
    }),
    // The site's own meat line replaces the organisation's; a whole-site cap too; junk is ignored.
    config(
      {
        budgets: [
          { category: 'meat', month: '2025-03', amount: 800 },
          { category: '*', month: '2025-03', amount: 900 },
          { category: 'x', month: 'March', amount: 1 },
        ],
      },
      KITCHEN,
    ),
    config({ budgets: [{ category: 'meat', month: '2025-03', amount: 1 }] }, STORE),
  ],
  KITCHEN,
);

describe('purchase orders and budgets', () => {
  it('totals lines to the cent', () => {
    expect(
      purchaseOrderTotals(
        po([
          { productId: 'beef', qty: 3, unitCost: 33.333 },
          { productId: 'rice', qty: 2, unitCost: 0.125 },
        ]),
      ),
    ).toMatchObject({ total: 100.25, lines: [{ amount: 100 }, { amount: 0.25 }] });
  });

  it('reads budgets org-wide then per site', () => {
    expect(rules.budgets).toEqual([
      { category: 'meat', month: '2025-03', amount: 800 },
      { category: 'dry', month: '2025-03', amount: 50 },
      { category: '*', month: '2025-03', amount: 900 },
    ]);
  });

  it('holds an over-budget PO with the reason: category, month, budget, committed, this PO, excess', () => {
    const earlier = [
      { ...po([{ productId: 'pork', qty: 10, unitCost: 50 }]), status: 'approved' as const },
      { ...po([{ productId: 'beef', qty: 100, unitCost: 50 }]), status: 'draft' as const },
      { ...po([{ productId: 'beef', qty: 100, unitCost: 50 }], { businessDate: '2025-04-01' }), status: 'approved' as const },
      { ...po([{ productId: 'beef', qty: 100, unitCost: 50 }], { siteId: STORE }), status: 'approved' as const },
    ];
    const order = po([{ productId: 'beef', qty: 4, unitCost: 100 }]);
    const check = checkBudget(order, { otherOrders: earlier, products: lookup, rules });
    expect(check.status).toBe('held-for-approval');
    expect(check.excesses).toEqual([
      expect.objectContaining({ category: 'meat', month: '2025-03', budget: 800, alreadyCommitted: 500, thisOrder: 400, excess: 100 }),
    ]);
    expect(check.excesses[0]?.message).toContain('exceeds it by 100.00');
    expect(submitPurchaseOrder(order, check, 'now').status).toBe('submitted');

    const small = po([{ productId: 'beef', qty: 3, unitCost: 100 }]);
    const ok = checkBudget(small, { otherOrders: earlier, products: lookup, rules });
    expect(ok).toMatchObject({ status: 'within-budget', excesses: [] });
    expect(submitPurchaseOrder(small, ok, 'now').status).toBe('approved');
  });

  it('the whole-site cap (*) adds every category', () => {
    // meat 800 (at its budget, not over), dry 120 (50 → +70), whole site 920 (900 → +20).
    const check = checkBudget(
      po([
        { productId: 'beef', qty: 8, unitCost: 100 },
        { productId: 'rice', qty: 2, unitCost: 60 },
      ]),
      { otherOrders: [], products: lookup, rules },
    );
    expect(check.excesses.map((e) => [e.category, e.excess])).toEqual([
      ['dry', 70],
      ['*', 20],
    ]);
    expect(check.byCategory).toEqual({ meat: 800, dry: 120 });
  });
});

describe('approval', () => {
  const held = { ...po([{ productId: 'beef', qty: 4, unitCost: 100 }]), status: 'submitted' as const };
  const decision = {
    userId: 'u-boss',
    siteId: 'hq',
    at: '2025-03-11T09:00:00.000Z',
    businessDate: '2025-03-11',
    terminalId: 't-hq',
    number: 'AP-1',
  };

  it('approving writes the approval document and an audit event, deterministically', () => {
    const outcome = decidePurchaseOrder(held, { ...decision, decision: 'approved' });
    expect(outcome.order.status).toBe('approved');
    // HQ's own document, addressed to the ordering site, naming the PO in a field (not in its note).
    expect(outcome.approval).toMatchObject({
      type: 'approval',
      status: 'approved',
      siteId: 'hq',
      toSiteId: KITCHEN,
      subjectDocId: held.id,
      subjectDocType: 'purchase-order',
      number: 'AP-1',
      lines: held.lines,
    });
    expect(outcome.approval.note).toBeUndefined();
    expect(decisionFor(held, [outcome.approval])?.status).toBe('approved');
    expect(decisionFor({ id: 'po-other' }, [outcome.approval])).toBeUndefined();
    expect(outcome.event).toMatchObject({
      kind: 'audit',
      docType: 'purchase-order',
      docId: held.id,
      data: { userId: 'u-boss', approvalId: outcome.approval.id, total: 400 },
    });
    expect(decidePurchaseOrder(held, { ...decision, decision: 'approved' }).event.id).toBe(outcome.event.id);
  });

  it('a rejection needs a reason, and only a submitted PO can be decided', () => {
    expect(() => decidePurchaseOrder(held, { ...decision, decision: 'rejected', reason: ' ' })).toThrow(ValidationError);
    const rejected = decidePurchaseOrder(held, { ...decision, decision: 'rejected', reason: '超预算' });
    expect(rejected.order.status).toBe('rejected');
    expect(rejected.event.message).toContain('超预算');
    expect(rejected.approval.note).toBe('超预算');
    expect(() => decidePurchaseOrder(rejected.order, { ...decision, decision: 'approved' })).toThrow(InvalidStateError);
  });
});

describe('price deviation on receipts', () => {
  const receipt = doc<GoodsReceiptDoc>({
    type: 'goods-receipt',
    siteId: KITCHEN,
    partnerId: 'sup',
    lines: [
      { productId: 'beef', qty: 10, unitCost: 60, batchId: 'b1', lotCode: 'L1' },
      { productId: 'pork', qty: 5, unitCost: 18, batchId: 'b2', lotCode: 'L2' },
      { productId: 'rice', qty: 5, unitCost: 4.2, batchId: 'b3', lotCode: 'L3' },
    ],
  });
  const view = { product: lookup, lastReceiptCost: (_site: string, productId: string) => ({ beef: 40, pork: 20, rice: 4 })[productId] };
  const contracts = contractPricesFromConfig([
    config({
      contractPrices: [
        { partnerId: 'sup', productId: 'beef', unitCost: 50 },
        { partnerId: 'other', productId: 'rice', unitCost: 1 },
        { partnerId: 'sup', productId: 'bad' },
      ],
    }),
  ]);

  it('names product, price, reference and deviation; contract price first, else last receipt', () => {
    const warnings = priceDeviations(receipt, view, defaultSitePolicy, contracts);
    // beef 60 vs contract 50 = +20 % (excess 10 × 10); pork 18 vs last 20 = −10 % (not beyond 10 %); rice +5 %.
    expect(warnings).toEqual([
      expect.objectContaining({
        lineNo: 0,
        productName: '牛肉',
        unitCost: 60,
        reference: 50,
        referenceKind: 'contract',
        deviationPct: 20,
        excessAmount: 100,
      }),
    ]);
    expect(warnings[0]?.message).toBe('牛肉: price 60 vs contract price 50 (+20.0%, limit 10%)');
    const strict = priceDeviations(receipt, view, { ...defaultSitePolicy, priceDeviationPct: 4 });
    expect(strict.map((w) => [w.productId, w.referenceKind, w.deviationPct, w.excessAmount])).toEqual([
      ['beef', 'last-receipt', 50, 200],
      ['pork', 'last-receipt', -10, 0],
      ['rice', 'last-receipt', 5, 1],
    ]);
  });
});

describe('receipt progress', () => {
  const order = po([
    { productId: 'beef', qty: 10, unitCost: 50 },
    { productId: 'rice', qty: 4, unitCost: 5 },
  ]);
  const gr = (lines: GoodsReceiptDoc['lines'], status: GoodsReceiptDoc['status'] = 'posted') =>
    doc<GoodsReceiptDoc>({
      type: 'goods-receipt',
      siteId: KITCHEN,
      partnerId: 'sup',
      status,
      purchaseOrderId: order.id,
      lines,
    });
  const line = (productId: string, qty: number) => ({ productId, qty, unitCost: 1, batchId: `b-${productId}-${qty}`, lotCode: 'L' });

  it('open → partially received → closed; drafts and receipts of other orders do not count', () => {
    expect(receiptProgress(order, []).status).toBe('open');
    const first = gr([line('beef', 6), line('rice', 4)]);
    const draft = gr([line('beef', 4)], 'draft');
    const other = { ...gr([line('beef', 4)]), purchaseOrderId: 'someone-else' };
    const found = receiptsForOrder(order, [first, draft, other]);
    expect(found.map((r) => r.id)).toEqual([first.id, draft.id]);
    expect(receiptProgress(order, found)).toEqual({
      status: 'partially-received',
      lines: [
        { productId: 'beef', ordered: 10, received: 6, outstanding: 4 },
        { productId: 'rice', ordered: 4, received: 4, outstanding: 0 },
      ],
    });
    expect(receiptProgress(order, [...found, gr([line('beef', 2), line('beef', 2)])]).status).toBe('closed');
  });
});
