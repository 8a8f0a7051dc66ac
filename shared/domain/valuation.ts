import { UnknownReferenceError } from './errors';
import type { LedgerView } from './ledger-view';
import { QTY_EPSILON } from './numbers';
import { compareForPicking } from './selection';

/**
 * Moving-average unit cost of a product at a site: stock value ÷ on-hand; undefined at zero. Short
 * (negative) stock is held at the cost it left at (value = qty × that cost), so the same division
 * gives that cost: issuing further short keeps it, and a receipt settles it (postings/settlement.ts).
 */
export function movingAverageCost(view: LedgerView, siteId: string, productId: string): number | undefined {
  const totals = view.productTotals(siteId, productId);
  return Math.abs(totals.qty) > QTY_EPSILON ? totals.value / totals.qty : undefined;
}

/**
 * Cost per unit of stock leaving a batch, by the site's costing method: the batch's own cost
 * (FIFO cost layers follow from batch selection) or the site's moving average.
 */
export function issueUnitCost(view: LedgerView, siteId: string, productId: string, batchId: string): number {
  const batch = view.batch(batchId);
  if (!batch) throw new UnknownReferenceError('batches', batchId);
  if (view.policy(siteId).costing === 'moving-average') {
    return movingAverageCost(view, siteId, productId) ?? batch.unitCost;
  }
  return batch.unitCost;
}

export interface CostLayer {
  batchId: string;
  qty: number;
  unitCost: number;
  value: number;
}

/**
 * FIFO cost layers of a product at a site: batches with stock in receipt order. A batch sold short
 * is a negative layer at its cost, as the valuation report counts it, until a receipt settles it.
 */
export function fifoCostLayers(view: LedgerView, siteId: string, productId: string): CostLayer[] {
  const layers: { layer: CostLayer; receivedAt: string; lotCode: string }[] = [];
  for (const position of view.positionsOf(siteId, productId)) {
    if (Math.abs(position.qty) <= QTY_EPSILON) continue;
    const batch = view.batch(position.batchId);
    if (!batch) throw new UnknownReferenceError('batches', position.batchId);
    layers.push({
      layer: { batchId: batch.id, qty: position.qty, unitCost: batch.unitCost, value: position.qty * batch.unitCost },
      receivedAt: batch.receivedAt,
      lotCode: batch.lotCode,
    });
  }
  return layers
    .sort((a, b) => {
      const batchA = view.batch(a.layer.batchId);
      const batchB = view.batch(b.layer.batchId);
      return batchA && batchB ? compareForPicking(batchA, batchB, 'fifo') : 0;
    })
    .map((entry) => entry.layer);
}

export interface StockValuation {
  qty: number;
  value: number;
  unitCost: number;
}

/** Stock value of a product at a site under the site's costing method. */
export function valueStock(view: LedgerView, siteId: string, productId: string): StockValuation {
  if (view.policy(siteId).costing === 'moving-average') {
    const totals = view.productTotals(siteId, productId);
    return { qty: totals.qty, value: totals.value, unitCost: totals.qty > QTY_EPSILON ? totals.value / totals.qty : 0 };
  }
  const layers = fifoCostLayers(view, siteId, productId);
  const qty = layers.reduce((sum, layer) => sum + layer.qty, 0);
  const value = layers.reduce((sum, layer) => sum + layer.value, 0);
  return { qty, value, unitCost: qty > QTY_EPSILON ? value / qty : 0 };
}
