// Pure helpers of the purchasing screens: where budgets, contract prices and lead times live in
// the `approval-rules` config, how a PO's decision reaches the ordering site, and the note tags
// that carry what the documents schema has no field for.
import type { BudgetLine, ContractPrice } from '../../../shared/finance';
import type { ApprovalDoc, ConfigDoc, DocumentDoc, PurchaseOrderDoc } from '../../../shared/schemas';

/** Organisation-wide rules (contract prices, lead times) and per-site budgets, one doc each. */
export const orgRulesId = 'approval-rules:org';
export const siteRulesId = (siteId: string) => `approval-rules:${siteId}`;

export function rulesDoc(configs: readonly ConfigDoc[], siteId?: string): ConfigDoc | undefined {
  return configs.find((config) => config.key === 'approval-rules' && config.siteId === siteId);
}

/** A config doc with `value` patched; a new one when none exists yet (HQ writes it). */
export function patchRules(
  existing: ConfigDoc | undefined,
  siteId: string | undefined,
  patch: Record<string, unknown>,
  at: string,
): ConfigDoc {
  return {
    id: existing?.id ?? (siteId ? siteRulesId(siteId) : orgRulesId),
    key: 'approval-rules',
    ...(siteId ? { siteId } : {}),
    value: { ...(existing?.value ?? {}), ...patch },
    updatedAt: at,
  };
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

// ---------------------------------------------------------------- note tags

/** `expected:YYYY-MM-DD` in a PO's note: the delivery date asked of the supplier. */
export function expectedDateOf(document: Pick<DocumentDoc, 'note'>): string | undefined {
  return /(?:^|\s)expected:(\d{4}-\d{2}-\d{2})(?:\s|$)/.exec(document.note ?? '')?.[1];
}

/** The note's free text without the machine tags (`po:…`, `expected:…`). */
export function noteText(note: string | undefined): string {
  return (note ?? '')
    .split(/\s+/)
    .filter((word) => !/^(po|expected):/.test(word))
    .join(' ');
}

export function withTags(text: string, tags: Record<string, string | undefined>): string | undefined {
  const words = Object.entries(tags).flatMap(([key, value]) => (value ? [`${key}:${value}`] : []));
  const note = [...words, text.trim()].filter(Boolean).join(' ');
  return note === '' ? undefined : note;
}

// ---------------------------------------------------------------- decisions

/**
 * The PO's decision as the ordering site sees it. HQ cannot rewrite another site's PO (single
 * writer), so its approval document names the PO in `note` (`… (<order id>)`, decidePurchaseOrder)
 * and is addressed to the ordering site; the newest decision wins.
 */
export function decisionFor(order: Pick<PurchaseOrderDoc, 'id'>, approvals: readonly DocumentDoc[]): ApprovalDoc | undefined {
  const marker = `(${order.id})`;
  return approvals
    .filter((doc): doc is ApprovalDoc => doc.type === 'approval' && (doc.note ?? '').includes(marker))
    .sort((a, b) => (a.at < b.at ? 1 : -1))[0];
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
