/**
 * Which batch a scanned or searched product is counted into (盘点选批次). A scan once put 2,001 g
 * into an expired batch: the picker listed empty and expired batches first (earliest expiry)
 * and Enter took the top one. Now batches with stock that may still be sold are proposed in
 * FEFO/FIFO order; empty, negative and expired batches are listed apart, to be taken only by an
 * explicit choice; a blind count carries no book quantity to the screen.
 */
import { compareForPicking, isExpired, pickingRule, QTY_EPSILON, roundQty, type LedgerView } from '../domain';
import type { BatchDoc, ProductDoc } from '../schemas';

export interface CountBatchContext {
  siteId: string;
  businessDate: string;
  /** The moment of the scan: hour shelf lives expire at an instant. */
  at: string;
  blind: boolean;
}

export interface CountBatchOption {
  batch: BatchDoc;
  /** Book quantity at the site; absent in a blind count. */
  onHand?: number;
  /** Why an option is not proposed: the clerk must choose it on purpose. */
  why?: 'expired' | 'empty';
}

export type CountBatchChoice =
  { kind: 'take'; batchId: string } | { kind: 'ask'; proposed: CountBatchOption[]; others: CountBatchOption[] };

/**
 * `known`: batches of the product known locally (the scan catalogue) beside those the site holds.
 * `named`: batches a barcode names (lot or expiry in a GS1 code); one named batch is taken as is.
 */
export function countBatchChoice(
  view: Pick<LedgerView, 'positionsOf' | 'batch' | 'onHand'>,
  context: CountBatchContext,
  product: ProductDoc,
  known: readonly BatchDoc[],
  named: readonly string[],
): CountBatchChoice {
  const batches = new Map<string, BatchDoc>();
  for (const position of view.positionsOf(context.siteId, product.id)) {
    const batch = view.batch(position.batchId);
    if (batch) batches.set(batch.id, batch);
  }
  for (const batch of known) if (batch.productId === product.id && !batches.has(batch.id)) batches.set(batch.id, batch);
  let all = [...batches.values()];
  if (named.length > 0) {
    const narrowed = all.filter((batch) => named.includes(batch.id));
    if (narrowed.length === 1) return { kind: 'take', batchId: (narrowed[0] as BatchDoc).id };
    if (narrowed.length > 1) all = narrowed;
  }
  const rule = pickingRule(product);
  all.sort((a, b) => compareForPicking(a, b, rule));
  const proposed: CountBatchOption[] = [];
  const expired: CountBatchOption[] = [];
  const empty: CountBatchOption[] = [];
  let othersWithStock = 0;
  for (const batch of all) {
    const onHand = roundQty(view.onHand(context.siteId, batch.id));
    const shown = context.blind ? {} : { onHand };
    if (isExpired(batch, context.businessDate, context.at)) {
      expired.push({ batch, ...shown, why: 'expired' });
      if (Math.abs(onHand) > QTY_EPSILON) othersWithStock += 1;
    } else if (onHand > QTY_EPSILON) proposed.push({ batch, ...shown });
    else {
      empty.push({ batch, ...shown, why: 'empty' });
      if (Math.abs(onHand) > QTY_EPSILON) othersWithStock += 1;
    }
  }
  // One batch with stock and no other holding any: the shelf can only hold that one.
  if (named.length === 0 && proposed.length === 1 && othersWithStock === 0)
    return { kind: 'take', batchId: (proposed[0] as CountBatchOption).batch.id };
  return { kind: 'ask', proposed, others: [...expired, ...empty] };
}
