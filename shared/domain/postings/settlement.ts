// Stock arriving while the site is short (docs/valuation.md, "Short stock, then a receipt"): the
// arriving units first cover the negative quantity, and the units sold short are re-costed at the
// arriving cost, as ERPNext's FIFO queue and Odoo's vacuum of negative layers do (oversell 10,
// receive 10@30 and 10@40: 10 on hand worth 400). The ledger is append-only and the arrival keeps
// its own batch whole (lot trace, out + in + loss = 0 per dispatched batch), so the cover is a
// pair of `count-adjust` movements booked against cost of goods sold: −qty from the arriving batch
// at the arriving cost, +qty into the short batch at the cost its short units left at.
import type { LedgerView } from '../ledger-view';
import { QTY_EPSILON } from '../numbers';
import { compareForPicking } from '../selection';

export interface Cover {
  /** The short batch the arriving units cover (the arriving batch itself when it was short). */
  batchId: string;
  qty: number;
  /** The cost the short units left at: the batch's cost, or the moving average then. */
  unitCost: number;
}

interface Arrival {
  siteId: string;
  productId: string;
  batchId: string;
  qty: number;
  unitCost: number;
}

/** Batches of the product at the site below zero, oldest first. */
function shortBatches(view: LedgerView, siteId: string, productId: string): { batchId: string; short: number; unitCost: number }[] {
  return view
    .positionsOf(siteId, productId)
    .flatMap((position) => {
      const onHand = view.onHand(siteId, position.batchId);
      const batch = view.batch(position.batchId);
      return batch && onHand < -QTY_EPSILON ? [{ batch, short: -onHand }] : [];
    })
    .sort((a, b) => compareForPicking(a.batch, b.batch, 'fifo'))
    .map(({ batch, short }) => ({ batchId: batch.id, short, unitCost: batch.unitCost }));
}

/**
 * What an arrival covers, read before it is written. Batch costing covers every negative batch of
 * the product at the site (each batch is its own cost layer); an arriving batch that was itself
 * short covers itself, at its own cost, with no pair. Moving average covers the product's negative
 * total, at the cost the short units left at (value ÷ quantity of the short total), so the average
 * is never built from a negative quantity; a short arriving batch is covered first.
 */
export function coversForArrival(view: LedgerView, arrival: Arrival): Cover[] {
  const { siteId, productId } = arrival;
  const shorts = shortBatches(view, siteId, productId);
  const own = shorts.find((entry) => entry.batchId === arrival.batchId);
  const others = shorts.filter((entry) => entry.batchId !== arrival.batchId);
  const covers: Cover[] = [];
  if (view.policy(siteId).costing === 'moving-average') {
    const totals = view.productTotals(siteId, productId);
    if (totals.qty >= -QTY_EPSILON) return [];
    const shortCost = totals.value / totals.qty;
    let remaining = Math.min(arrival.qty, -totals.qty);
    for (const entry of own ? [own, ...others] : others) {
      if (remaining <= QTY_EPSILON) break;
      const qty = Math.min(remaining, entry.short);
      covers.push({ batchId: entry.batchId, qty, unitCost: shortCost });
      remaining -= qty;
    }
    return covers;
  }
  let remaining = arrival.qty - Math.min(arrival.qty, own?.short ?? 0);
  for (const entry of others) {
    if (remaining <= QTY_EPSILON) break;
    const qty = Math.min(remaining, entry.short);
    covers.push({ batchId: entry.batchId, qty, unitCost: entry.unitCost });
    remaining -= qty;
  }
  return covers;
}
