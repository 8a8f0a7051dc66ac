// Pure helpers of the purchasing screens: where budgets, contract prices and lead times live in
// the `approval-rules` config (written by the `config.save` command), and a PO's state as the
// ordering site sees it.
import { decisionFor, type BudgetLine, type ContractPrice } from '../../../shared/finance';
import type { ConfigDoc, DocumentDoc, PurchaseOrderDoc } from '../../../shared/schemas';

export function rulesDoc(configs: readonly ConfigDoc[], siteId?: string): ConfigDoc | undefined {
  return configs.find((config) => config.key === 'approval-rules' && config.siteId === siteId);
}

/** Budgets as stored in one rules doc, malformed entries skipped. */
export function storedBudgets(doc: ConfigDoc | undefined): BudgetLine[] {
  const raw = doc?.value.budgets;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { category, month, amount } = entry as Record<string, unknown>;
    return typeof category === 'string' && typeof month === 'string' && typeof amount === 'number' ? [{ category, month, amount }] : [];
  });
}

/** Adds or replaces the budget for (category, month). */
export function withBudget(budgets: readonly BudgetLine[], line: BudgetLine): BudgetLine[] {
  return [...budgets.filter((b) => !(b.category === line.category && b.month === line.month)), line].sort((a, b) =>
    a.month + a.category < b.month + b.category ? -1 : 1,
  );
}

export function withContractPrice(prices: readonly ContractPrice[], price: ContractPrice): ContractPrice[] {
  return [...prices.filter((p) => !(p.partnerId === price.partnerId && p.productId === price.productId)), price];
}

/** Lead time in days per supplier, under `value.leadTimes` of the organisation rules. */
export function leadTimesFromConfig(configs: readonly ConfigDoc[]): Record<string, number> {
  const raw = rulesDoc(configs)?.value.leadTimes;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] >= 0,
    ),
  );
}

export type PoState = 'draft' | 'held' | 'approved' | 'rejected' | 'partially-received' | 'received' | 'cancelled';

export function poState(
  order: PurchaseOrderDoc,
  approvals: readonly DocumentDoc[],
  receiptStatus: 'open' | 'partially-received' | 'closed',
): PoState {
  if (order.status === 'cancelled') return 'cancelled';
  if (order.status === 'draft') return 'draft';
  if (receiptStatus === 'closed') return 'received';
  if (receiptStatus === 'partially-received') return 'partially-received';
  const decision = order.status === 'submitted' ? decisionFor(order, approvals) : undefined;
  const status = decision?.status ?? order.status;
  if (status === 'rejected') return 'rejected';
  if (status === 'approved' || status === 'posted') return 'approved';
  return 'held';
}
