// What the store receives, whichever way the dispatch reached it: the synced dispatch document or
// the QR code printed on the dispatch note (an offline store). Pure, so it is unit-tested; the
// `receipt.receive` command (shared/commands/receiving.ts) builds and posts the receipt with it.
import { derivedId } from '../domain/ids';
import { roundQty } from '../domain/numbers';
import type { LedgerView } from '../domain/ledger-view';
import type { BatchDoc, ShipmentDoc, StoreReceiptDoc } from '../schemas';
import type { DispatchQrPayload } from './qr-payload';

export interface IncomingLine {
  productId: string;
  batchId: string;
  lotCode?: string;
  expiryDate?: string;
  /** As shipped, in base units. */
  qty: number;
  unitCost: number;
}

export interface IncomingDispatch {
  dispatchId: string;
  number: string;
  /** The shipping kitchen. */
  fromSiteId: string;
  toSiteId: string;
  businessDate: string;
  shippedAt: string;
  lines: IncomingLine[];
  source: 'synced' | 'qr';
}

/** What the clerk entered for one line; short is what neither arrived nor was refused. */
export interface LineEntry {
  accepted: number;
  rejected: number;
  rejectReason?: string;
  note?: string;
}

/**
 * One store receipt per dispatch, whoever receives it and however: the id is derived from the
 * dispatch, so a receipt by QR offline and one after sync can never both count.
 */
export function storeReceiptId(dispatchId: string): string {
  return derivedId('store-receipt', dispatchId);
}

export function fromDispatchDoc(dispatch: ShipmentDoc, view: Pick<LedgerView, 'batch'>): IncomingDispatch {
  return {
    dispatchId: dispatch.id,
    number: dispatch.number,
    fromSiteId: dispatch.siteId,
    toSiteId: dispatch.toSiteId,
    businessDate: dispatch.businessDate,
    shippedAt: dispatch.at,
    source: 'synced',
    lines: dispatch.lines.flatMap((line) => {
      if (line.batchId === undefined) return [];
      const batch = view.batch(line.batchId);
      const lotCode = line.lotCode ?? batch?.lotCode;
      const expiryDate = line.expiryDate ?? batch?.expiryDate;
      return [
        {
          productId: line.productId,
          batchId: line.batchId,
          ...(lotCode !== undefined ? { lotCode } : {}),
          ...(expiryDate !== undefined ? { expiryDate } : {}),
          qty: line.qty,
          unitCost: line.unitCost ?? batch?.unitCost ?? 0,
        },
      ];
    }),
  };
}

export function fromQrPayload(payload: DispatchQrPayload): IncomingDispatch {
  return {
    dispatchId: payload.dispatchId,
    number: payload.number,
    fromSiteId: payload.siteId,
    toSiteId: payload.toSiteId,
    businessDate: payload.businessDate,
    shippedAt: payload.shippedAt,
    source: 'qr',
    lines: payload.lines.map((line) => ({ ...line })),
  };
}

export function defaultEntries(incoming: IncomingDispatch): LineEntry[] {
  return incoming.lines.map((line) => ({ accepted: line.qty, rejected: 0 }));
}

/**
 * The line as stored: accepted and rejected at the kept precision (rejected never more than what
 * accepted leaves), short the rest. On a shipped quantity at that precision the three sum to it
 * exactly, so the posting's check and out + in + loss = 0 hold for whatever the form allowed.
 */
export function splitOf(line: IncomingLine, entry: LineEntry): { accepted: number; short: number; rejected: number } {
  const qty = roundQty(line.qty);
  const accepted = roundQty(entry.accepted);
  const rejected = Math.min(roundQty(entry.rejected), Math.max(0, roundQty(qty - accepted)));
  return { accepted, short: roundQty(qty - accepted - rejected), rejected };
}

export function shortOf(line: IncomingLine, entry: LineEntry): number {
  return roundQty(line.qty - roundQty(entry.accepted) - roundQty(entry.rejected));
}

export type LineProblem = 'negative' | 'too-much' | 'reason-missing';

/** Why a line cannot be posted as entered, or null. */
export function lineProblem(line: IncomingLine, entry: LineEntry): LineProblem | null {
  if (!(entry.accepted >= 0) || !(entry.rejected >= 0)) return 'negative';
  if (shortOf(line, entry) < 0) return 'too-much';
  if (roundQty(entry.rejected) > 0 && !entry.rejectReason?.trim()) return 'reason-missing';
  return null;
}

export interface ReceiptHeader {
  storeSiteId: string;
  terminalId: string;
  number: string;
  businessDate: string;
  at: string;
}

/** The store receipt document (draft; posting makes it `posted`). Lines carry lot and expiry so the store's screens can show them before the kitchen's batch syncs. */
export function buildStoreReceipt(incoming: IncomingDispatch, entries: readonly LineEntry[], header: ReceiptHeader): StoreReceiptDoc {
  return {
    id: storeReceiptId(incoming.dispatchId),
    type: 'store-receipt',
    siteId: header.storeSiteId,
    toSiteId: incoming.fromSiteId,
    dispatchId: incoming.dispatchId,
    number: header.number,
    status: 'draft',
    businessDate: header.businessDate,
    at: header.at,
    terminalId: header.terminalId,
    updatedAt: header.at,
    lines: incoming.lines.map((line, index) => {
      const entry = entries[index] ?? { accepted: line.qty, rejected: 0 };
      const split = splitOf(line, entry);
      const rejectReason = split.rejected > 0 ? entry.rejectReason?.trim() : undefined;
      const note = entry.note?.trim();
      return {
        productId: line.productId,
        batchId: line.batchId,
        qty: line.qty,
        accepted: split.accepted,
        short: split.short,
        rejected: split.rejected,
        unitCost: line.unitCost,
        ...(line.lotCode ? { lotCode: line.lotCode } : {}),
        ...(line.expiryDate ? { expiryDate: line.expiryDate } : {}),
        ...(rejectReason ? { rejectReason } : {}),
        ...(note ? { note } : {}),
      };
    }),
  };
}

/**
 * The kitchen's batch as the QR describes it, for the posting rules only: batches are written by
 * their own site, so the store never stores these; the real document replaces them on sync.
 */
export function batchesFromIncoming(incoming: IncomingDispatch): BatchDoc[] {
  return incoming.lines.map((line) => ({
    id: line.batchId,
    productId: line.productId,
    siteId: incoming.fromSiteId,
    lotCode: line.lotCode ?? '',
    ...(line.expiryDate ? { expiryDate: line.expiryDate } : {}),
    receivedAt: incoming.shippedAt,
    unitCost: line.unitCost,
    certificateHashes: [],
    qcStatus: 'released',
    updatedAt: incoming.shippedAt,
  }));
}

/** A ledger view that answers `batch(id)` from the QR when the local ledger lacks it. */
export function withBatchFallback<V extends LedgerView>(base: V, fallback: readonly BatchDoc[]): LedgerView {
  const byId = new Map(fallback.map((batch) => [batch.id, batch]));
  return {
    product: (id) => base.product(id),
    batch: (id) => base.batch(id) ?? byId.get(id),
    document: (id) => base.document(id),
    policy: (siteId) => base.policy(siteId),
    siteTimeZone: (siteId) => base.siteTimeZone(siteId),
    onHand: (siteId, batchId) => base.onHand(siteId, batchId),
    onHandAt: (siteId, batchId, at) => base.onHandAt(siteId, batchId, at),
    positionsOf: (siteId, productId) => base.positionsOf(siteId, productId),
    productTotals: (siteId, productId) => base.productTotals(siteId, productId),
    movementsOfDocument: (id) => base.movementsOfDocument(id),
    journalOfDocument: (id) => base.journalOfDocument(id),
    lastReceiptCost: (siteId, productId) => base.lastReceiptCost(siteId, productId),
  };
}

/** Batches of the dispatch the local ledger does not know yet. */
export function missingBatches(incoming: IncomingDispatch, view: Pick<LedgerView, 'batch'>): BatchDoc[] {
  return batchesFromIncoming(incoming).filter((batch) => view.batch(batch.id) === undefined);
}
