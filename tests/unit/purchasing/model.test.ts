import { describe, expect, it } from 'vitest';
import { budgetRulesFromConfig, contractPricesFromConfig, decidePurchaseOrder } from '../../../shared/finance';
import type { ConfigDoc, PurchaseOrderDoc } from '../../../shared/schemas';
import { leadTimesFromConfig, poState, storedBudgets, withBudget, withContractPrice } from '../../../renderer/features/purchasing/model';
import { run } from '../commands/harness';

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
  expectedDate: '2025-03-12',
  note: 'morning please',
  lines: [{ productId: 'p1', qty: 10, unitCost: 5 }],
  updatedAt: at,
};

describe('purchasing screen model', () => {
  it('stores per-site budgets and org contract prices where shared/finance reads them (config.save)', () => {
    const save = (config: ConfigDoc[], siteId: string | undefined, patch: Record<string, unknown>) =>
      run('config.save', { key: 'approval-rules', ...(siteId ? { siteId } : {}), patch }, { config }).writes?.config?.[0] as ConfigDoc;
    const site = save([], 'kitchen', { budgets: withBudget([], { category: 'meat', month: '2025-03', amount: 100 }) });
    const replaced = save([site], 'kitchen', {
      budgets: withBudget(storedBudgets(site), { category: 'meat', month: '2025-03', amount: 200 }),
    });
    const org = save([site], undefined, {
      contractPrices: withContractPrice([], { partnerId: 'sup-1', productId: 'p1', unitCost: 4 }),
      leadTimes: { 'sup-1': 2 },
    });
    const lead = save([org], undefined, { leadTimes: { 'sup-1': 3 } });
    expect([site.id, org.id]).toEqual(['approval-rules:kitchen', 'approval-rules:org']);
    expect(replaced.id).toBe(site.id);
    expect(lead.value.contractPrices).toEqual(org.value.contractPrices); // a patch keeps the other fields
    expect(budgetRulesFromConfig([org, replaced], 'kitchen').budgets).toEqual([{ category: 'meat', month: '2025-03', amount: 200 }]);
    expect(budgetRulesFromConfig([org, replaced], 'store-renmin').budgets).toEqual([]);
    expect(contractPricesFromConfig([org, replaced])).toEqual([{ partnerId: 'sup-1', productId: 'p1', unitCost: 4 }]);
    expect(leadTimesFromConfig([org])).toEqual({ 'sup-1': 2 });
  });

  it('finds HQ’s decision for a held PO and derives what the ordering site shows', () => {
    const outcome = decidePurchaseOrder(order, {
      decision: 'approved',
      siteId: 'hq',
      userId: 'hq',
      at,
      businessDate: '2025-03-10',
      terminalId: 't-hq',
      number: 'AP-1',
    });
    const approval = outcome.approval;
    expect(poState(order, [], 'open')).toBe('held');
    expect(poState(order, [approval], 'open')).toBe('approved');
    expect(poState(order, [approval], 'partially-received')).toBe('partially-received');
    expect(poState({ ...order, status: 'approved' }, [], 'closed')).toBe('received');
  });
});
