// FEFO/FIFO selection (DOMAIN.md): the one place that orders batches, proposes them, checks a
// chosen one and splits a document's lines across batches. Postings, commands and the screens'
// previews all call these; no other module sorts batches for picking.
import type { BatchDoc, DocumentLine, ProductDoc } from '../schemas';
import { DomainError, ExpiredBatchError, FifoViolationError, QuarantinedBatchError, UnknownReferenceError } from './errors';
import { expiryStatus, isExpired, type ExpiryStatus } from './expiry';
import type { LedgerView } from './ledger-view';
import { QTY_EPSILON, roundQty } from './numbers';

/** FEFO (earliest expiry first) for perishables, FIFO (earliest receipt first) otherwise. */
export type PickingRule = 'fefo' | 'fifo';

export function pickingRule(product: Pick<ProductDoc, 'perishable' | 'shelfLifeDays' | 'shelfLifeHours'>): PickingRule {
  return product.perishable || product.shelfLifeDays !== undefined || (product.shelfLifeHours ?? 0) > 0 ? 'fefo' : 'fifo';
}

function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1; // a missing expiry sorts last: it never forces an earlier pick
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** Picking order (DOMAIN.md): FEFO by expiry, then receipt, then lot code; FIFO by receipt, then lot code. */
export function compareForPicking(a: BatchDoc, b: BatchDoc, rule: PickingRule): number {
  if (rule === 'fefo') {
    const byExpiry = compareText(a.expiresAt ?? a.expiryDate, b.expiresAt ?? b.expiryDate);
    if (byExpiry !== 0) return byExpiry;
  }
  return compareText(a.receivedAt, b.receivedAt) || compareText(a.lotCode, b.lotCode) || compareText(a.id, b.id);
}

export type UnusableReason = 'expired' | 'quarantined';

/** Why a batch may not leave stock by sale, dispatch or consumption; null when it may. */
export function unusableReason(batch: BatchDoc, businessDate: string, at?: string): UnusableReason | null {
  if (batch.qcStatus !== 'released') return 'quarantined';
  if (isExpired(batch, businessDate, at)) return 'expired';
  return null;
}

export interface PickRequest {
  siteId: string;
  productId: string;
  businessDate: string;
  at?: string;
}

export interface PickCandidate {
  batch: BatchDoc;
  onHand: number;
}

/** Usable batches of the product with stock at the site, in picking order. */
export function pickingCandidates(view: LedgerView, request: PickRequest): PickCandidate[] {
  const product = view.product(request.productId);
  if (!product) throw new UnknownReferenceError('products', request.productId);
  const rule = pickingRule(product);
  const candidates: PickCandidate[] = [];
  for (const position of view.positionsOf(request.siteId, request.productId)) {
    const batch = view.batch(position.batchId);
    if (!batch || unusableReason(batch, request.businessDate, request.at) !== null) continue;
    const onHand = view.onHand(request.siteId, position.batchId);
    if (onHand > QTY_EPSILON) candidates.push({ batch, onHand });
  }
  return candidates.sort((a, b) => compareForPicking(a.batch, b.batch, rule));
}

export interface Allocation {
  batchId: string;
  qty: number;
}

export interface Proposal {
  allocations: Allocation[];
  /** What the usable stock could not cover. */
  shortfall: number;
}

/** Splits a quantity across batches in picking order, taking each batch whole before the next. */
export function proposeBatches(view: LedgerView, request: PickRequest & { qty: number }): Proposal {
  const allocations: Allocation[] = [];
  let remaining = request.qty;
  for (const candidate of pickingCandidates(view, request)) {
    if (remaining <= QTY_EPSILON) break;
    const take = Math.min(candidate.onHand, remaining);
    allocations.push({ batchId: candidate.batch.id, qty: take });
    remaining -= take;
  }
  return { allocations, shortfall: remaining > QTY_EPSILON ? remaining : 0 };
}

export interface BatchChoice extends PickRequest {
  batchId: string;
  overrideReason?: string;
}

export interface FifoOverride {
  chosenBatchId: string;
  earlierBatchId: string;
  reason: string;
}

/**
 * Enforces the picking rule on a user-chosen batch (强制校验): expired and quarantined batches
 * are refused outright; a later batch while an earlier usable one has stock is refused unless
 * an override reason is given, in which case the override is returned for the audit trail.
 */
export function checkBatchChoice(view: LedgerView, choice: BatchChoice): FifoOverride | null {
  const batch = view.batch(choice.batchId);
  if (!batch) throw new UnknownReferenceError('batches', choice.batchId);
  const reason = unusableReason(batch, choice.businessDate, choice.at);
  if (reason === 'quarantined') throw new QuarantinedBatchError(batch.id, batch.qcStatus);
  if (reason === 'expired') throw new ExpiredBatchError(batch.id, batch.expiresAt ?? batch.expiryDate ?? '', choice.businessDate);
  const product = view.product(choice.productId);
  if (!product) throw new UnknownReferenceError('products', choice.productId);
  const rule = pickingRule(product);
  const earlier = pickingCandidates(view, choice).find(
    (candidate) => candidate.batch.id !== batch.id && compareForPicking(candidate.batch, batch, rule) < 0,
  );
  if (!earlier) return null;
  const overrideReason = choice.overrideReason?.trim();
  if (!overrideReason) throw new FifoViolationError(choice.productId, batch.id, earlier.batch.id);
  return { chosenBatchId: batch.id, earlierBatchId: earlier.batch.id, reason: overrideReason };
}

export interface BatchOption {
  batchId: string;
  lotCode: string;
  expiryDate?: string;
  onHand: number;
  status: ExpiryStatus;
  unusable: UnusableReason | null;
}

/** Every batch of the product with stock at the site, usable ones in picking order first. */
export function batchOptions(view: LedgerView, siteId: string, productId: string, businessDate: string): BatchOption[] {
  const product = view.product(productId);
  if (!product) return [];
  const proposal = proposeBatches(view, { siteId, productId, businessDate, qty: Number.MAX_SAFE_INTEGER });
  const order = new Map(proposal.allocations.map((allocation, index) => [allocation.batchId, index]));
  const options: BatchOption[] = [];
  for (const position of view.positionsOf(siteId, productId)) {
    const batch = view.batch(position.batchId);
    const onHand = view.onHand(siteId, position.batchId);
    if (!batch || onHand <= 0) continue;
    options.push({
      batchId: batch.id,
      lotCode: batch.lotCode,
      ...(batch.expiryDate === undefined ? {} : { expiryDate: batch.expiryDate }),
      onHand,
      status: expiryStatus(batch, product, businessDate),
      unusable: unusableReason(batch, businessDate),
    });
  }
  const rank = (option: BatchOption) => order.get(option.batchId) ?? Number.MAX_SAFE_INTEGER;
  return options.sort((a, b) => rank(a) - rank(b) || (a.lotCode < b.lotCode ? -1 : 1));
}

export type LineCheck = { ok: true; override: FifoOverride | null } | { ok: false; error: DomainError };

/** What the posting would say about a line's chosen batch (FIFO, expired, quarantined); a line without batch passes. */
export function checkLineChoice(view: LedgerView, siteId: string, businessDate: string, line: DocumentLine): LineCheck {
  if (line.batchId === undefined) return { ok: true, override: null };
  try {
    const override = checkBatchChoice(view, {
      siteId,
      productId: line.productId,
      businessDate,
      batchId: line.batchId,
      ...(line.fifoOverrideReason ? { overrideReason: line.fifoOverrideReason } : {}),
    });
    return { ok: true, override };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}

/**
 * Splits a document's lines across batches as the picker takes them off the shelf: a line without
 * a chosen batch is split by FEFO/FIFO over what the earlier lines left; chosen batches stay as
 * chosen. Quantities the stock cannot cover stay on a line without batch, so posting names the
 * shortfall.
 */
export function allocateLines(
  view: LedgerView,
  where: { siteId: string; businessDate: string; at?: string },
  lines: readonly DocumentLine[],
): DocumentLine[] {
  const taken = new Map<string, number>();
  const take = (batchId: string, qty: number) => taken.set(batchId, (taken.get(batchId) ?? 0) + qty);
  const pending = withReservations(view, where.siteId, taken);
  const allocated: DocumentLine[] = [];
  for (const line of lines) {
    if (line.batchId !== undefined) {
      take(line.batchId, line.qty);
      allocated.push(line);
      continue;
    }
    const proposal = proposeBatches(pending, { ...where, productId: line.productId, qty: line.qty });
    for (const allocation of proposal.allocations) {
      take(allocation.batchId, allocation.qty);
      allocated.push({ ...line, batchId: allocation.batchId, qty: roundQty(allocation.qty) });
    }
    if (proposal.shortfall > 0) allocated.push({ ...line, qty: roundQty(proposal.shortfall) });
  }
  return allocated;
}

/** The view with quantities already reserved at the site taken off each batch's on-hand. */
function withReservations(view: LedgerView, siteId: string, taken: ReadonlyMap<string, number>): LedgerView {
  return {
    product: (id) => view.product(id),
    batch: (id) => view.batch(id),
    document: (id) => view.document(id),
    policy: (id) => view.policy(id),
    siteTimeZone: (id) => view.siteTimeZone(id),
    onHand: (site, batch) => view.onHand(site, batch) - (site === siteId ? (taken.get(batch) ?? 0) : 0),
    onHandAt: (site, batch, at) => view.onHandAt(site, batch, at),
    positionsOf: (site, product) => view.positionsOf(site, product),
    productTotals: (site, product) => view.productTotals(site, product),
    movementsOfDocument: (id) => view.movementsOfDocument(id),
    journalOfDocument: (id) => view.journalOfDocument(id),
    lastReceiptCost: (site, product) => view.lastReceiptCost(site, product),
  };
}
