// Approval rules HQ sets on a screen (issue 15, "Rules without code"): a document type, a
// condition with its threshold, optionally a site, and the role(s) that must approve, one or two
// levels. They live in the organisation's `approval-rules` config as `value.rules`, beside the
// purchase budgets that key already holds (finance/purchasing.ts), so adding a rule needs no app
// update. A document a rule catches is held at its site until every level has approved it.
import type { ConfigDoc, DocumentDoc } from '../../schemas';
import type { LedgerView } from '../ledger-view';
import { roundMoney, roundQty } from '../numbers';
import { countVariance } from '../postings/stock-count';
import { issueUnitCost } from '../valuation';
import { documentAmounts } from '../vat';

/**
 * Documents a rule may hold: ones a person posts in one step at a site. A till sale never waits:
 * of sales, only one on a customer's account can trip a rule, its credit limit (issue 17). A
 * customer's order (销售订单) waits before it is confirmed, by its value or the credit limit.
 */
export const holdableDocumentTypes = ['stock-count', 'waste', 'goods-receipt', 'return', 'consumption', 'sale', 'sales-order'] as const;
export type HoldableDocumentType = (typeof holdableDocumentTypes)[number];

export const approvalConditions = [
  'amount-over',
  'quantity-over',
  'count-variance-over',
  'price-deviation-over',
  'over-credit-limit',
] as const;
export type ApprovalCondition = (typeof approvalConditions)[number];

/** Which conditions read a figure each type has (a waste has no count variance). */
export const conditionsOfType: Readonly<Record<HoldableDocumentType, readonly ApprovalCondition[]>> = {
  'stock-count': ['amount-over', 'quantity-over', 'count-variance-over'],
  waste: ['amount-over', 'quantity-over'],
  'goods-receipt': ['amount-over', 'quantity-over', 'price-deviation-over'],
  return: ['amount-over', 'quantity-over'],
  consumption: ['amount-over', 'quantity-over'],
  sale: ['over-credit-limit'],
  'sales-order': ['over-credit-limit', 'amount-over'],
};

/** What a command knows beside the document and the ledger, for conditions the ledger cannot answer. */
export interface MeasureFacts {
  /** How far past the customer's credit limit a sale on account takes it (shared/domain/credit.ts). */
  creditLimitExcess?: number;
}

export interface ApprovalRule {
  id: string;
  documentType: HoldableDocumentType;
  condition: ApprovalCondition;
  /** Yuan for amounts (and the excess over a credit limit allowed), base units for quantities, percent for variance and price deviation. */
  threshold: number;
  /** Only this site's documents; every site's when absent. */
  siteId?: string;
  /** Role codes (built-in or custom) approving in order: one level, or two. */
  approverRoles: string[];
}

export function isHoldableType(type: string): type is HoldableDocumentType {
  return (holdableDocumentTypes as readonly string[]).includes(type);
}

function readRule(raw: unknown): ApprovalRule | null {
  const rule = raw as Partial<ApprovalRule> | null;
  if (!rule || typeof rule.id !== 'string' || typeof rule.documentType !== 'string' || !isHoldableType(rule.documentType)) return null;
  if (typeof rule.condition !== 'string' || !(approvalConditions as readonly string[]).includes(rule.condition)) return null;
  // A condition the type has no figure for (a till sale's amount) never reads as a rule.
  if (!(conditionsOfType[rule.documentType] as readonly string[]).includes(rule.condition)) return null;
  if (typeof rule.threshold !== 'number' || !Number.isFinite(rule.threshold) || rule.threshold < 0) return null;
  const roles = Array.isArray(rule.approverRoles)
    ? rule.approverRoles.filter((role): role is string => typeof role === 'string' && !!role)
    : [];
  if (roles.length === 0) return null;
  return {
    id: rule.id,
    documentType: rule.documentType,
    condition: rule.condition,
    threshold: rule.threshold,
    ...(typeof rule.siteId === 'string' && rule.siteId ? { siteId: rule.siteId } : {}),
    approverRoles: roles.slice(0, 2),
  };
}

/** The organisation's rules (its `approval-rules` config without a site), skipping what does not read as one. */
export function approvalRulesFrom(config: readonly ConfigDoc[]): ApprovalRule[] {
  const doc = config.find((entry) => entry.key === 'approval-rules' && !entry.siteId);
  const list = (doc?.value as { rules?: unknown } | undefined)?.rules;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: unknown) => readRule(raw) ?? []);
}

/** The figure a condition compares with its threshold, for one document. */
export function measure(document: DocumentDoc, condition: ApprovalCondition, view: LedgerView, facts: MeasureFacts = {}): number {
  if (condition === 'over-credit-limit') return facts.creditLimitExcess ?? 0;
  if (document.type === 'stock-count') {
    const lines = countVariance(document, view);
    if (condition === 'amount-over') return roundMoney(lines.reduce((sum, line) => sum + Math.abs(line.varianceValue), 0));
    if (condition === 'quantity-over') return Math.max(0, ...lines.map((line) => Math.abs(line.varianceQty)));
    if (condition === 'count-variance-over') return Math.max(0, ...lines.map((line) => variancePercent(line.expected, line.varianceQty)));
    return 0;
  }
  // An order's amount is what the customer is to pay (价税合计), not what the goods cost.
  if (document.type === 'sales-order' && condition === 'amount-over') return documentAmounts(document.lines).gross;
  if (condition === 'quantity-over') return roundQty(Math.max(0, ...document.lines.map((line) => line.qty)));
  if (condition === 'amount-over')
    return roundMoney(document.lines.reduce((sum, line) => sum + line.qty * lineCost(document, line, view), 0));
  if (condition === 'price-deviation-over' && document.type === 'goods-receipt')
    return Math.max(
      0,
      ...document.lines.map((line) => {
        const listed = view.product(line.productId)?.purchasePrice;
        return listed ? (Math.abs(line.unitCost - listed) / listed) * 100 : 0;
      }),
    );
  return 0;
}

/** A count line's difference as a percentage of the book quantity (a find where the book said none is 100 %). */
export function variancePercent(expected: number, varianceQty: number): number {
  if (varianceQty === 0) return 0;
  if (expected <= 0) return 100;
  return (Math.abs(varianceQty) / expected) * 100;
}

function lineCost(document: DocumentDoc, line: DocumentDoc['lines'][number], view: LedgerView): number {
  if (line.unitCost !== undefined) return line.unitCost;
  if (line.batchId && view.batch(line.batchId)) return issueUnitCost(view, document.siteId, line.productId, line.batchId);
  return view.product(line.productId)?.purchasePrice ?? 0;
}

/** A rule a document trips, with the figure that tripped it. */
export interface TrippedRule {
  ruleId: string;
  condition: ApprovalCondition;
  threshold: number;
  measured: number;
}

export interface ApprovalNeed {
  /** Roles still to approve, in order (a role the poster holds is satisfied by their posting). */
  levels: string[];
  tripped: TrippedRule[];
}

/** Who posts: their roles, and whether they hold the permission to post count variances over a threshold. */
export interface Poster {
  roles: readonly string[];
  mayPostCountVariance: boolean;
}

/**
 * What `document` needs before it may post: null when no rule of its type and site trips, or
 * when the poster holds every role the tripped rules ask for (their posting is the approval). A
 * poster with the permission "post count variances over the threshold" is not held by a
 * count-variance rule.
 */
export function approvalNeeded(
  document: DocumentDoc,
  rules: readonly ApprovalRule[],
  view: LedgerView,
  poster: Poster,
  facts: MeasureFacts = {},
): ApprovalNeed | null {
  const tripped: TrippedRule[] = [];
  const levels: string[] = [];
  const posterRoles = poster.roles;
  for (const rule of rules) {
    if (rule.documentType !== document.type || (rule.siteId && rule.siteId !== document.siteId)) continue;
    if (rule.condition === 'count-variance-over' && poster.mayPostCountVariance) continue;
    if (!conditionsOfType[rule.documentType].includes(rule.condition)) continue;
    const measured = measure(document, rule.condition, view, facts);
    if (!(measured > rule.threshold)) continue;
    tripped.push({ ruleId: rule.id, condition: rule.condition, threshold: rule.threshold, measured: Math.round(measured * 100) / 100 });
    for (const role of rule.approverRoles) if (!posterRoles.includes(role) && !levels.includes(role)) levels.push(role);
  }
  return levels.length > 0 ? { levels, tripped } : null;
}
