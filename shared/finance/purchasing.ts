/**
 * Purchasing controls (DOMAIN.md, Valuation and bookkeeping → Controls): purchase-order totals,
 * the monthly budget check that holds a PO for approval, the approval decision with its audit
 * event and price-deviation warnings on goods receipts (receipt progress: receipt-progress.ts).
 */
import type {
  ApprovalDoc,
  ConfigDoc,
  DocumentDoc,
  DocumentLine,
  EventDoc,
  GoodsReceiptDoc,
  ProductDoc,
  PurchaseOrderDoc,
} from '../schemas';
import { derivedId, InvalidStateError, roundMoney, ValidationError, type SitePolicy } from '../domain';

// ---------------------------------------------------------------- totals

export interface PurchaseOrderLineTotal {
  lineNo: number;
  productId: string;
  qty: number;
  unitCost: number;
  amount: number;
}

export interface PurchaseOrderTotals {
  lines: PurchaseOrderLineTotal[];
  total: number;
}

/** Line amounts rounded to cents and the total as the sum of the rounded lines, as printed. */
export function purchaseOrderTotals(order: Pick<PurchaseOrderDoc, 'lines'>): PurchaseOrderTotals {
  const lines = order.lines.map((line, lineNo) => ({
    lineNo,
    productId: line.productId,
    qty: line.qty,
    unitCost: line.unitCost ?? 0,
    amount: roundMoney(line.qty * (line.unitCost ?? 0)),
  }));
  return { lines, total: roundMoney(lines.reduce((sum, line) => sum + line.amount, 0)) };
}

// ---------------------------------------------------------------- budgets

/**
 * Budgets live under the existing `approval-rules` config key (config.ts has no `budgets` key):
 * `value.budgets = [{ category, month: 'YYYY-MM', amount }]`, with `category: '*'` meaning the
 * whole site's purchasing that month. `value.budgetCategories` optionally maps a product
 * category to a budget category (several product categories sharing one budget line).
 */
export interface BudgetLine {
  category: string;
  month: string;
  amount: number;
}

export interface BudgetRules {
  budgets: BudgetLine[];
  budgetCategories: Record<string, string>;
  /** An order above this total waits for approval whatever the budgets say (`value.largeOrderAmount`). */
  largeOrderAmount?: number;
}

/**
 * Without a rule, an order above ¥100,000 waits for HQ: more than a month of a busy store's
 * purchasing, so one such order is either a deliberate purchase worth a second look or a slip.
 */
export const DEFAULT_LARGE_ORDER_AMOUNT = 100_000;

export const ALL_CATEGORIES = '*';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Budget rules for a site: organisation-wide `approval-rules` (no `siteId`) first, the site's own
 * on top, a site line replacing the organisation line for the same category and month.
 */
export function budgetRulesFromConfig(configs: readonly ConfigDoc[], siteId: string): BudgetRules {
  const relevant = configs
    .filter((config) => config.key === 'approval-rules' && (config.siteId === undefined || config.siteId === siteId))
    .sort((a, b) => Number(a.siteId !== undefined) - Number(b.siteId !== undefined));
  const budgets = new Map<string, BudgetLine>();
  const budgetCategories: Record<string, string> = {};
  let largeOrderAmount = DEFAULT_LARGE_ORDER_AMOUNT;
  for (const config of relevant) {
    const large = config.value.largeOrderAmount;
    if (typeof large === 'number' && Number.isFinite(large) && large > 0) largeOrderAmount = large;
    const raw = config.value.budgets;
    if (Array.isArray(raw)) {
      for (const entry of raw) {
        if (!isRecord(entry)) continue;
        const { category, month, amount } = entry;
        if (typeof category !== 'string' || typeof month !== 'string' || !/^\d{4}-\d{2}$/.test(month)) continue;
        if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) continue;
        budgets.set(`${category}\u0000${month}`, { category, month, amount });
      }
    }
    const map = config.value.budgetCategories;
    if (isRecord(map)) {
      for (const [productCategory, budgetCategory] of Object.entries(map)) {
        if (typeof budgetCategory === 'string') budgetCategories[productCategory] = budgetCategory;
      }
    }
  }
  return { budgets: [...budgets.values()], budgetCategories, largeOrderAmount };
}

export interface BudgetExcess {
  /** Over a budget line, or a large order (then `budget` is the large-order amount, `category` '*'). */
  kind: 'budget' | 'large-order';
  category: string;
  month: string;
  budget: number;
  /** Other open or approved POs of the site in that category and month. */
  alreadyCommitted: number;
  thisOrder: number;
  excess: number;
  message: string;
}

export interface BudgetCheck {
  status: 'within-budget' | 'held-for-approval';
  month: string;
  /** This PO's amount per budget category. */
  byCategory: Record<string, number>;
  excesses: BudgetExcess[];
}

/** POs in these states have committed money; drafts, rejected and cancelled ones have not. */
const committingStatuses: ReadonlySet<DocumentDoc['status']> = new Set<DocumentDoc['status']>(['submitted', 'approved', 'posted']);

export function monthOf(businessDate: string): string {
  return businessDate.slice(0, 7);
}

function amountsByBudgetCategory(
  order: Pick<PurchaseOrderDoc, 'lines'>,
  product: (id: string) => ProductDoc | undefined,
  rules: BudgetRules,
): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const line of purchaseOrderTotals(order).lines) {
    const productCategory = product(line.productId)?.category ?? 'uncategorised';
    const category = rules.budgetCategories[productCategory] ?? productCategory;
    amounts.set(category, (amounts.get(category) ?? 0) + line.amount);
  }
  return amounts;
}

/**
 * Checks a PO against its site's budgets for the PO's month. Each budget line (per category, and
 * `*` for the whole site) must hold already-committed + this PO; any excess holds the PO for
 * approval with the reason spelled out. Categories without a budget line are not limited.
 */
export function checkBudget(
  order: PurchaseOrderDoc,
  context: { otherOrders: readonly DocumentDoc[]; products: (id: string) => ProductDoc | undefined; rules: BudgetRules },
): BudgetCheck {
  const month = monthOf(order.businessDate);
  const mine = amountsByBudgetCategory(order, context.products, context.rules);
  const committed = new Map<string, number>();
  for (const other of context.otherOrders) {
    if (other.type !== 'purchase-order' || other.id === order.id || other.siteId !== order.siteId) continue;
    if (!committingStatuses.has(other.status) || monthOf(other.businessDate) !== month) continue;
    for (const [category, amount] of amountsByBudgetCategory(other, context.products, context.rules)) {
      committed.set(category, (committed.get(category) ?? 0) + amount);
    }
  }
  const total = (amounts: Map<string, number>): number => [...amounts.values()].reduce((sum, amount) => sum + amount, 0);
  const excesses: BudgetExcess[] = [];
  for (const budget of context.rules.budgets) {
    if (budget.month !== month) continue;
    const wholeSite = budget.category === ALL_CATEGORIES;
    const thisOrder = roundMoney(wholeSite ? total(mine) : (mine.get(budget.category) ?? 0));
    if (thisOrder <= 0) continue;
    const alreadyCommitted = roundMoney(wholeSite ? total(committed) : (committed.get(budget.category) ?? 0));
    const excess = roundMoney(alreadyCommitted + thisOrder - budget.amount);
    if (excess <= 0) continue;
    excesses.push({
      kind: 'budget',
      category: budget.category,
      month,
      budget: budget.amount,
      alreadyCommitted,
      thisOrder,
      excess,
      message:
        `Budget ${wholeSite ? 'for all categories' : `"${budget.category}"`} ${month}: ${budget.amount.toFixed(2)}; ` +
        `already committed ${alreadyCommitted.toFixed(2)} + this order ${thisOrder.toFixed(2)} exceeds it by ${excess.toFixed(2)}`,
    });
  }
  const largeOrder = largeOrderExcess(roundMoney(total(mine)), month, context.rules.largeOrderAmount ?? DEFAULT_LARGE_ORDER_AMOUNT);
  if (largeOrder) excesses.push(largeOrder);
  const byCategory: Record<string, number> = {};
  for (const [category, amount] of mine) byCategory[category] = roundMoney(amount);
  return { status: excesses.length > 0 ? 'held-for-approval' : 'within-budget', month, byCategory, excesses };
}

/** A large order joins the budget rule as one more reason to hold it: its total above the amount. */
function largeOrderExcess(orderTotal: number, month: string, threshold: number): BudgetExcess | undefined {
  const excess = roundMoney(orderTotal - threshold);
  if (excess <= 0) return undefined;
  return {
    kind: 'large-order',
    category: ALL_CATEGORIES,
    month,
    budget: threshold,
    alreadyCommitted: 0,
    thisOrder: orderTotal,
    excess,
    message: `Large order: ${orderTotal.toFixed(2)} is above the ${threshold.toFixed(2)} that needs approval`,
  };
}

/** Submitting a PO: within budget it is approved at once, otherwise it waits (`submitted`). */
export function submitPurchaseOrder(order: PurchaseOrderDoc, check: BudgetCheck, at: string): PurchaseOrderDoc {
  return { ...order, status: check.status === 'within-budget' ? 'approved' : 'submitted', updatedAt: at };
}

// ---------------------------------------------------------------- approval

export interface ApprovalDecision {
  decision: 'approved' | 'rejected';
  /** The deciding site (HQ): the approval is its document, addressed to the ordering site. */
  siteId: string;
  userId: string;
  /** Required for a rejection; kept in the audit trail either way. */
  reason?: string;
  at: string;
  businessDate: string;
  terminalId: string;
  /** Printed number of the approval document (the caller's numbering scheme). */
  number: string;
}

export interface ApprovalOutcome {
  order: PurchaseOrderDoc;
  approval: ApprovalDoc;
  event: EventDoc;
}

/**
 * Decides a held PO. HQ cannot rewrite another site's PO (single writer), so the decision is HQ's
 * own approval document, addressed to the ordering site and naming the PO in `subjectDocId`; it
 * copies the PO's lines (what was approved, frozen) and keeps the reason as its note. The audit
 * event carries the PO as `docId` for drill-through. Ids derive from the PO id and decision, so
 * deciding twice on two terminals writes the same documents.
 */
export function decidePurchaseOrder(order: PurchaseOrderDoc, decision: ApprovalDecision, check?: BudgetCheck): ApprovalOutcome {
  if (order.status !== 'submitted') throw new InvalidStateError('purchase-order', order.number, order.status, ['submitted']);
  const reason = decision.reason?.trim() ?? '';
  if (decision.decision === 'rejected' && reason === '') throw new ValidationError('reason', 'a rejection needs a reason');
  const approvalId = derivedId(order.id, 'approval', decision.decision);
  const verb = decision.decision === 'approved' ? 'approved' : 'rejected';
  const approval: ApprovalDoc = {
    id: approvalId,
    type: 'approval',
    siteId: decision.siteId,
    ...(decision.siteId === order.siteId ? {} : { toSiteId: order.siteId }),
    number: decision.number,
    status: decision.decision,
    businessDate: decision.businessDate,
    at: decision.at,
    partnerId: order.partnerId,
    terminalId: decision.terminalId,
    subjectDocId: order.id,
    subjectDocType: 'purchase-order',
    ...(reason ? { note: reason } : {}),
    lines: order.lines.map((line): DocumentLine => ({ ...line })),
    updatedAt: decision.at,
  };
  const event: EventDoc = {
    id: derivedId(approvalId, 'event', 'decision'),
    siteId: decision.siteId,
    ...(decision.siteId === order.siteId ? {} : { toSiteId: order.siteId }),
    kind: 'audit',
    severity: 'info',
    at: decision.at,
    docType: 'purchase-order',
    docId: order.id,
    message: `Purchase order ${order.number} ${verb} by ${decision.userId}${reason ? `: ${reason}` : ''}`,
    data: {
      action: `purchase-order-${verb}`,
      approvalId,
      userId: decision.userId,
      reason,
      total: purchaseOrderTotals(order).total,
      excesses: (check?.excesses ?? []).map((excess) => ({ ...excess })),
    },
    terminalId: decision.terminalId,
    updatedAt: decision.at,
  };
  return { order: { ...order, status: decision.decision, updatedAt: decision.at }, approval, event };
}

/** The newest decision on a PO: the approval documents naming it (a later one replaces an earlier). */
export function decisionFor(order: Pick<PurchaseOrderDoc, 'id'>, documents: readonly DocumentDoc[]): ApprovalDoc | undefined {
  return documents
    .filter((doc): doc is ApprovalDoc => doc.type === 'approval' && doc.subjectDocId === order.id)
    .sort((a, b) => (a.at < b.at ? 1 : -1))[0];
}

/**
 * The site's purchase orders as the budget sees them: an order HQ rejected no longer counts,
 * although the ordering site's document still says `submitted` (HQ cannot rewrite it).
 */
export function ordersAsDecided(documents: readonly DocumentDoc[], siteId: string): PurchaseOrderDoc[] {
  return documents
    .filter((doc): doc is PurchaseOrderDoc => doc.type === 'purchase-order' && doc.siteId === siteId)
    .map((order) => (decisionFor(order, documents)?.status === 'rejected' ? { ...order, status: 'rejected' as const } : order));
}

// ---------------------------------------------------------------- price deviation

/** A supplier's agreed price for a product (no schema holds these; see contractPricesFromConfig). */
export interface ContractPrice {
  partnerId: string;
  productId: string;
  unitCost: number;
  /** Inclusive business dates; open-ended when absent. */
  validFrom?: string;
  validTo?: string;
}

/** Contract prices are read from `approval-rules` config `value.contractPrices` (no fitting key exists). */
export function contractPricesFromConfig(configs: readonly ConfigDoc[]): ContractPrice[] {
  const prices: ContractPrice[] = [];
  for (const config of configs) {
    if (config.key !== 'approval-rules' || !Array.isArray(config.value.contractPrices)) continue;
    for (const entry of config.value.contractPrices) {
      if (!isRecord(entry)) continue;
      const { partnerId, productId, unitCost, validFrom, validTo } = entry;
      if (typeof partnerId !== 'string' || typeof productId !== 'string' || typeof unitCost !== 'number' || unitCost <= 0) continue;
      prices.push({
        partnerId,
        productId,
        unitCost,
        ...(typeof validFrom === 'string' ? { validFrom } : {}),
        ...(typeof validTo === 'string' ? { validTo } : {}),
      });
    }
  }
  return prices;
}

export interface PriceDeviationWarning {
  lineNo: number;
  productId: string;
  productName: string;
  unitCost: number;
  reference: number;
  referenceKind: 'contract' | 'last-receipt';
  /** Signed: positive when paying more than the reference. */
  deviationPct: number;
  /** (price − reference) × qty when paying more; 0 when paying less. */
  excessAmount: number;
  message: string;
}

export interface PriceReferenceSource {
  product(productId: string): ProductDoc | undefined;
  lastReceiptCost(siteId: string, productId: string): number | undefined;
}

/**
 * Warns on each receipt line whose price deviates from its reference by more than the site's
 * `priceDeviationPct`. A valid contract price with this supplier takes precedence (it is what was
 * agreed); otherwise the last receipt cost at the site. Run before posting, so "last" is the
 * previous receipt, not this one.
 */
export function priceDeviations(
  receipt: GoodsReceiptDoc,
  view: PriceReferenceSource,
  policy: SitePolicy,
  contracts: readonly ContractPrice[] = [],
): PriceDeviationWarning[] {
  const warnings: PriceDeviationWarning[] = [];
  receipt.lines.forEach((line, lineNo) => {
    const contract = contracts.find(
      (price) =>
        price.partnerId === receipt.partnerId &&
        price.productId === line.productId &&
        (price.validFrom === undefined || price.validFrom <= receipt.businessDate) &&
        (price.validTo === undefined || receipt.businessDate <= price.validTo),
    );
    const last = view.lastReceiptCost(receipt.siteId, line.productId);
    const reference = contract?.unitCost ?? last;
    if (reference === undefined || reference <= 0) return;
    const referenceKind = contract ? 'contract' : 'last-receipt';
    const deviationPct = ((line.unitCost - reference) / reference) * 100;
    if (Math.abs(deviationPct) <= policy.priceDeviationPct) return;
    const product = view.product(line.productId);
    const productName = product?.name ?? line.productId;
    const rounded = Math.round(deviationPct * 10) / 10;
    warnings.push({
      lineNo,
      productId: line.productId,
      productName,
      unitCost: line.unitCost,
      reference,
      referenceKind,
      deviationPct: rounded,
      excessAmount: roundMoney(Math.max(0, line.unitCost - reference) * line.qty),
      message:
        `${productName}: price ${line.unitCost} vs ${referenceKind === 'contract' ? 'contract' : 'last receipt'} price ${reference} ` +
        `(${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}%, limit ${policy.priceDeviationPct}%)`,
    });
  });
  return warnings;
}
