/** The documents the near-expiry board's one-click actions write. Pure, so they are unit-tested. */
import type { ExpiryBoardLine } from './expiry-board';
import type { EventDoc, WasteDoc } from '../schemas';

export interface ExpiryActionStamp {
  id: string;
  siteId: string;
  terminalId: string;
  businessDate: string;
  at: string;
}

/** Wastes the whole remaining quantity of expired batches (报损, reason expired), one line each. */
export function expiredWasteDocument(lines: readonly ExpiryBoardLine[], stamp: ExpiryActionStamp & { number: string }): WasteDoc {
  return {
    id: stamp.id,
    type: 'waste',
    siteId: stamp.siteId,
    number: stamp.number,
    status: 'draft',
    businessDate: stamp.businessDate,
    at: stamp.at,
    terminalId: stamp.terminalId,
    wasteReason: 'expired',
    note: `Expired: lots ${lines.map((line) => line.lotCode).join(', ')}`.slice(0, 500),
    lines: lines.map((line) => ({ productId: line.productId, qty: line.qty, batchId: line.batchId, unitCost: line.unitCost })),
    updatedAt: stamp.at,
  };
}

export const markdownAction = 'markdown';

/**
 * A markdown note (打折处理) is a `near-expiry` event about the batch: it changes no stock, it
 * tells the till and the next shift that the lot is being sold off at a discount.
 */
export function markdownEvent(line: ExpiryBoardLine, stamp: ExpiryActionStamp, discountPct: number, note: string): EventDoc {
  return {
    id: stamp.id,
    siteId: stamp.siteId,
    kind: 'near-expiry',
    severity: 'info',
    at: stamp.at,
    productId: line.productId,
    batchId: line.batchId,
    message: `Markdown ${discountPct}% on lot ${line.lotCode}${note ? `: ${note}` : ''}`,
    data: { action: markdownAction, discountPct, note, qty: line.qty, businessDate: stamp.businessDate },
    terminalId: stamp.terminalId,
    updatedAt: stamp.at,
  };
}

/** The latest markdown per batch, from the site's near-expiry events. */
export function markdownsByBatch(events: readonly EventDoc[]): Map<string, number> {
  const latest = new Map<string, { at: string; pct: number }>();
  for (const event of events) {
    if (event.kind !== 'near-expiry' || event.batchId === undefined || event.data.action !== markdownAction) continue;
    const pct = typeof event.data.discountPct === 'number' ? event.data.discountPct : 0;
    const seen = latest.get(event.batchId);
    if (!seen || seen.at < event.at) latest.set(event.batchId, { at: event.at, pct });
  }
  return new Map([...latest].map(([batchId, { pct }]) => [batchId, pct]));
}
