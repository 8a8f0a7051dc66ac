import type { BatchDoc, ProductDoc } from '../schemas';
import { ExpiredBatchError, FifoViolationError, QuarantinedBatchError, UnknownReferenceError } from './errors';
import { isExpired } from './expiry';
import type { LedgerView } from './ledger-view';
import { QTY_EPSILON } from './numbers';

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
