import type { MovementDoc } from '../schemas';
import type { StockPosition } from './ledger-view';
import { affectsOnHand, positionKey } from './projection';

/**
 * Stock per (site, product, batch) just before `fromInstant`, worked back from the current
 * positions (the projection) and the movements at or after that instant, so that a report over
 * a date range reads only the range's movements by index instead of every movement ever posted.
 *
 * - `transit-loss` holds no stock (`affectsOnHand`), so it is not taken back, as the projection
 *   never added it.
 * - Movements before `fromInstant` in `movementsSince` are skipped (an index read may start a
 *   little early); each movement id is taken back once, as the projection applied it once.
 * - Every current position is kept, even at zero: a batch received only after `fromInstant`
 *   opens at (about) zero, which every report reads the same as no position at all.
 */
export function openingPositions(
  current: Iterable<StockPosition>,
  movementsSince: Iterable<MovementDoc>,
  fromInstant: string,
): StockPosition[] {
  const cutoff = Date.parse(fromInstant);
  if (Number.isNaN(cutoff)) throw new RangeError(`Not an ISO instant: ${fromInstant}`);
  const opening = new Map<string, StockPosition>();
  for (const position of current) {
    const key = positionKey(position);
    const before = opening.get(key);
    // The projection keeps one position per key; should a caller hand in pieces, they add up.
    opening.set(key, before ? { ...before, qty: before.qty + position.qty, value: before.value + position.value } : { ...position });
  }
  const seen = new Set<string>();
  for (const movement of movementsSince) {
    if (!affectsOnHand(movement.kind) || seen.has(movement.id) || Date.parse(movement.at) < cutoff) continue;
    seen.add(movement.id);
    const key = positionKey(movement);
    const after = opening.get(key) ?? {
      siteId: movement.siteId,
      productId: movement.productId,
      batchId: movement.batchId,
      qty: 0,
      value: 0,
    };
    opening.set(key, { ...after, qty: after.qty - movement.qty, value: after.value - movement.qty * movement.unitCost });
  }
  return [...opening.values()];
}
