import type { EventDoc, MovementDoc } from '../schemas';
import { derivedId } from './ids';
import { QTY_EPSILON, roundQty } from './numbers';
import { affectsOnHand } from './projection';

export interface StockException {
  siteId: string;
  productId: string;
  batchId: string;
  onHand: number;
  shortfall: number;
  /** Movements that took the batch from its last non-negative balance below zero, in order. */
  movementIds: string[];
}

/**
 * After sync merged concurrent offline postings (two tills selling the last units), the ledger
 * keeps every movement and some batches may stand below zero. This lists them for the site to
 * resolve by a count or a reversing posting (DOMAIN.md, Negative stock). `movements` in server
 * order; each id counts once.
 */
export function listStockExceptions(movements: Iterable<MovementDoc>, siteId?: string): StockException[] {
  interface Running {
    productId: string;
    qty: number;
    sinceNonNegative: string[];
  }
  const seen = new Set<string>();
  const running = new Map<string, Map<string, Running>>();
  for (const movement of movements) {
    if (seen.has(movement.id) || !affectsOnHand(movement.kind)) continue;
    if (siteId !== undefined && movement.siteId !== siteId) continue;
    seen.add(movement.id);
    let site = running.get(movement.siteId);
    if (!site) running.set(movement.siteId, (site = new Map()));
    let batch = site.get(movement.batchId);
    if (!batch) site.set(movement.batchId, (batch = { productId: movement.productId, qty: 0, sinceNonNegative: [] }));
    batch.qty += movement.qty;
    if (batch.qty >= -QTY_EPSILON) batch.sinceNonNegative = [];
    else if (movement.qty < 0) batch.sinceNonNegative.push(movement.id);
  }
  const exceptions: StockException[] = [];
  for (const [exceptionSiteId, batches] of running) {
    for (const [batchId, batch] of batches) {
      if (batch.qty >= -QTY_EPSILON) continue;
      const onHand = roundQty(batch.qty);
      exceptions.push({
        siteId: exceptionSiteId,
        productId: batch.productId,
        batchId,
        onHand,
        shortfall: -onHand,
        movementIds: batch.sinceNonNegative,
      });
    }
  }
  return exceptions.sort((a, b) => (a.siteId + a.batchId < b.siteId + b.batchId ? -1 : 1));
}

/**
 * One `stock-exception` event per exception. The id derives from the batch and the first
 * offending movement, so every terminal of the site raising it writes the same event once.
 */
export function stockExceptionEvents(exceptions: readonly StockException[], at: string, terminalId?: string): EventDoc[] {
  return exceptions.map((exception) => ({
    id: derivedId('stock-exception', exception.siteId, exception.batchId, exception.movementIds[0] ?? ''),
    siteId: exception.siteId,
    kind: 'stock-exception',
    severity: 'error',
    at,
    productId: exception.productId,
    batchId: exception.batchId,
    message: `Batch ${exception.batchId} stands at ${exception.onHand} after sync; count it or reverse the wrong posting`,
    data: { onHand: exception.onHand, shortfall: exception.shortfall, movementIds: exception.movementIds },
    updatedAt: at,
    ...(terminalId === undefined ? {} : { terminalId }),
  }));
}
