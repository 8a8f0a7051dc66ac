import { describe, expect, it } from 'vitest';
import { budgetRulesFromConfig, contractPricesFromConfig, decidePurchaseOrder } from '../../../shared/finance';
import type { PurchaseOrderDoc } from '../../../shared/schemas';
import {
  decisionFor,
  expectedDateOf,
  leadTimesFromConfig,
  noteText,
  patchRules,
  poState,
  storedBudgets,
  withBudget,
  withContractPrice,
  withTags,
} from '../../../renderer/features/purchasing/model';

const at = '2025-03-10T02:00:00.000Z';
const order: PurchaseOrderDoc = {
  id: 'po-1',
  type: 'purchase-order',
  siteId: 'kitchen',
  number: 'PO-1',
  status: 'submitted',
  businessDate: '2025-03-10',
  at,
  terminalId: 't-k',
  partnerId: 'sup-1',
  note: 'expected:2025-03-12 morning please',
  lines: [{ productId: 'p1', qty: 10, unitCost: 5 }],
  updatedAt: at,
};

describe('purchasing screen model', () => {
  it('stores per-site budgets and org contract prices where shared/finance reads them', () => {
    const site = patchRules(undefined, 'kitchen', { budgets: withBudget([], { category: 'meat', month: '2025-03', amount: 100 }) }, at);
    const replaced = patchRules(
      site,
      'kitchen',
      { budgets: withBudget(storedBudgets(site), { category: 'meat', month: '2025-03', amount: 200 }) },
      at,
    );
    const org = patchRules(
      undefined,
      undefined,
      { contractPrices: withContractPrice([], { partnerId: 'sup-1', productId: 'p1', unitCost: 4 }), leadTimes: { 'sup-1': 2 } },
      at,
    );
    expect(replaced.id).toBe(site.id);
    expect(budgetRulesFromConfig([org, replaced], 'kitchen').budgets).toEqual([{ category: 'meat', month: '2025-03', amount: 200 }]);
    expect(budgetRulesFromConfig([org, replaced], 'store-renmin').budgets).toEqual([]);
    expect(contractPricesFromConfig([org, replaced])).toEqual([{ partnerId: 'sup-1', productId: 'p1', unitCost: 4 }]);
    expect(leadTimesFromConfig([org])).toEqual({ 'sup-1': 2 });
  });

  it('reads and writes note tags without losing the free text', () => {
    expect(expectedDateOf(order)).toBe('2025-03-12');
    expect(noteText(order.note)).toBe('morning please');
    expect(withTags(' call first ', { po: 'po-1', expected: undefined })).toBe('po:po-1 call first');
    expect(withTags('', {})).toBeUndefined();
  });

  it('finds HQ’s decision for a held PO and derives what the ordering site shows', () => {
    const outcome = decidePurchaseOrder(order, {
      decision: 'approved',
      userId: 'hq',
      at,
      businessDate: '2025-03-10',
      terminalId: 't-hq',
      number: 'AP-1',
    });
    const approval = { ...outcome.approval, siteId: 'hq', toSiteId: 'kitchen' };
    expect(decisionFor(order, [approval])?.status).toBe('approved');
    expect(decisionFor({ id: 'po-2' }, [approval])).toBeUndefined();
    expect(poState(order, [], 'open')).toBe('held');
    expect(poState(order, [approval], 'open')).toBe('approved');
    expect(poState(order, [approval], 'partially-received')).toBe('partially-received');
    expect(poState({ ...order, status: 'approved' }, [], 'closed')).toBe('received');
  });
});
