// Store requests (门店要货) as the kitchen works them: an open request becomes part of the
// morning picking list, then of one dispatch per store. A request belongs to the store (only the
// store's terminals write it), so the kitchen cannot mark it answered; instead the dispatch names
// the requests it answers in `requestIds` (documents v1), which both sides can read.
import type { DispatchDoc, DocumentLine, StoreRequestDoc } from '../schemas';

type AnsweringDispatch = Pick<DispatchDoc, 'toSiteId' | 'status' | 'requestIds'>;

/** A request is answered once a (not cancelled) dispatch to its store names it. */
export function isRequestAnswered(request: Pick<StoreRequestDoc, 'id' | 'siteId'>, dispatches: readonly AnsweringDispatch[]): boolean {
  return dispatches.some(
    (dispatch) =>
      dispatch.toSiteId === request.siteId && dispatch.status !== 'cancelled' && (dispatch.requestIds ?? []).includes(request.id),
  );
}

/** The day the store wants the goods: its delivery date, else (a request without one) its business date. */
export function requestDeliveryDate(request: Pick<StoreRequestDoc, 'deliveryDate' | 'businessDate'>): string {
  return request.deliveryDate ?? request.businessDate;
}

/** Requests addressed to the kitchen, submitted, and not yet answered by a dispatch; earliest delivery first. */
export function openRequests(
  requests: readonly StoreRequestDoc[],
  kitchenId: string,
  dispatches: readonly AnsweringDispatch[],
): StoreRequestDoc[] {
  return requests
    .filter((request) => request.type === 'store-request' && request.toSiteId === kitchenId && request.status === 'submitted')
    .filter((request) => !isRequestAnswered(request, dispatches))
    .sort((a, b) => {
      const [dayA, dayB] = [requestDeliveryDate(a), requestDeliveryDate(b)];
      return dayA === dayB ? (a.number < b.number ? -1 : 1) : dayA < dayB ? -1 : 1;
    });
}

export interface PickingRow {
  /** The day the store wants it delivered. */
  deliveryDate: string;
  productId: string;
  total: number;
  /** Quantity per requesting store. */
  byStore: Record<string, number>;
  requestNumbers: string[];
}

/** The picking list: requested quantities summed per delivery date and product, with each store's share. */
export function aggregatePickingList(requests: readonly StoreRequestDoc[]): PickingRow[] {
  const rows = new Map<string, PickingRow>();
  for (const request of requests) {
    const deliveryDate = requestDeliveryDate(request);
    for (const line of request.lines) {
      if (!(line.qty > 0)) continue;
      const key = `${deliveryDate}\u0000${line.productId}`;
      let row = rows.get(key);
      if (!row) {
        row = { deliveryDate, productId: line.productId, total: 0, byStore: {}, requestNumbers: [] };
        rows.set(key, row);
      }
      row.total += line.qty;
      row.byStore[request.siteId] = (row.byStore[request.siteId] ?? 0) + line.qty;
      if (!row.requestNumbers.includes(request.number)) row.requestNumbers.push(request.number);
    }
  }
  return [...rows.values()].sort((a, b) =>
    a.deliveryDate === b.deliveryDate ? (a.productId < b.productId ? -1 : 1) : a.deliveryDate < b.deliveryDate ? -1 : 1,
  );
}

export interface DraftHeader {
  kitchenId: string;
  terminalId: string;
  businessDate: string;
  at: string;
  /** Makes the id and number of the draft for one store. */
  identify(storeId: string): { id: string; number: string };
}

/**
 * One draft dispatch per store from its requests: lines merged per product in the order first
 * requested, no batch named (picked FEFO when marked picked), the requests named in `requestIds`.
 */
export function draftDispatchesFromRequests(requests: readonly StoreRequestDoc[], header: DraftHeader): DispatchDoc[] {
  const byStore = new Map<string, StoreRequestDoc[]>();
  for (const request of requests) byStore.set(request.siteId, [...(byStore.get(request.siteId) ?? []), request]);
  const drafts: DispatchDoc[] = [];
  for (const [storeId, ofStore] of byStore) {
    const lines: DocumentLine[] = [];
    for (const request of ofStore) {
      for (const line of request.lines) {
        if (!(line.qty > 0)) continue;
        const existing = lines.find((candidate) => candidate.productId === line.productId);
        if (existing) existing.qty += line.qty;
        else lines.push({ productId: line.productId, qty: line.qty });
      }
    }
    if (lines.length === 0) continue;
    const { id, number } = header.identify(storeId);
    drafts.push({
      id,
      type: 'dispatch',
      siteId: header.kitchenId,
      toSiteId: storeId,
      number,
      status: 'draft',
      businessDate: header.businessDate,
      at: header.at,
      terminalId: header.terminalId,
      requestIds: ofStore.map((request) => request.id),
      lines,
      updatedAt: header.at,
    });
  }
  return drafts;
}
