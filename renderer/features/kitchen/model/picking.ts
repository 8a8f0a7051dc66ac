// Batch picking for dispatch lines, as the screen shows it before anything is posted. The
// posting (shared/domain) enforces the same rules again; these helpers only let the kitchen
// see the outcome and fix a line before pressing "ship".
import {
  checkBatchChoice,
  DomainError,
  expiryStatus,
  proposeBatches,
  roundQty,
  unusableReason,
  type ExpiryStatus,
  type FifoOverride,
  type LedgerView,
  type UnusableReason,
} from '../../../../shared/domain';
import type { DispatchQrPayload } from '../../../../shared/dispatch/qr-payload';
import type { DispatchDoc, DocumentLine } from '../../../../shared/schemas';
import { toGtin14 } from '../../../../shared/ops/scan';

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

/** What the posting would say about a line's chosen batch (FIFO, expired, quarantined). */
export function checkLine(view: LedgerView, siteId: string, businessDate: string, line: DocumentLine): LineCheck {
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
 * Marking a dispatch picked fixes its batches: a line without a chosen batch is split across
 * batches by FEFO/FIFO (what the picker takes off the shelf); chosen batches stay as chosen.
 * Quantities the stock cannot cover stay on a line without batch, so shipping names the shortfall.
 */
export function resolvePicking(view: LedgerView, dispatch: Pick<DispatchDoc, 'siteId' | 'businessDate' | 'lines'>): DocumentLine[] {
  const taken = new Map<string, number>();
  const lines: DocumentLine[] = [];
  const pendingView: LedgerView = {
    ...bindView(view),
    onHand: (site, batch) => view.onHand(site, batch) - (site === dispatch.siteId ? (taken.get(batch) ?? 0) : 0),
  };
  for (const line of dispatch.lines) {
    if (line.batchId !== undefined) {
      taken.set(line.batchId, (taken.get(line.batchId) ?? 0) + line.qty);
      lines.push(line);
      continue;
    }
    const proposal = proposeBatches(pendingView, {
      siteId: dispatch.siteId,
      productId: line.productId,
      businessDate: dispatch.businessDate,
      qty: line.qty,
    });
    for (const allocation of proposal.allocations) {
      taken.set(allocation.batchId, (taken.get(allocation.batchId) ?? 0) + allocation.qty);
      lines.push({ ...line, batchId: allocation.batchId, qty: roundQty(allocation.qty) });
    }
    if (proposal.shortfall > 0) lines.push({ ...line, qty: roundQty(proposal.shortfall) });
  }
  return lines;
}

/** A plain object with the view's methods bound, so one can be replaced. */
function bindView(view: LedgerView): LedgerView {
  return {
    product: (id) => view.product(id),
    batch: (id) => view.batch(id),
    document: (id) => view.document(id),
    policy: (id) => view.policy(id),
    onHand: (site, batch) => view.onHand(site, batch),
    onHandAt: (site, batch, at) => view.onHandAt(site, batch, at),
    positionsOf: (site, product) => view.positionsOf(site, product),
    productTotals: (site, product) => view.productTotals(site, product),
    movementsOfDocument: (id) => view.movementsOfDocument(id),
    journalOfDocument: (id) => view.journalOfDocument(id),
    lastReceiptCost: (site, product) => view.lastReceiptCost(site, product),
  };
}

/** The QR payload of a shipped dispatch: its resolved lines with batch, lot, expiry and cost. */
export function dispatchQrPayload(dispatch: DispatchDoc, view: Pick<LedgerView, 'batch'>): DispatchQrPayload {
  return {
    dispatchId: dispatch.id,
    number: dispatch.number,
    siteId: dispatch.siteId,
    toSiteId: dispatch.toSiteId,
    businessDate: dispatch.businessDate,
    shippedAt: dispatch.at,
    lines: dispatch.lines.map((line) => {
      const batch = line.batchId === undefined ? undefined : view.batch(line.batchId);
      return {
        productId: line.productId,
        batchId: line.batchId ?? '',
        lotCode: batch?.lotCode ?? line.lotCode ?? '',
        ...(batch?.expiryDate === undefined ? {} : { expiryDate: batch.expiryDate }),
        qty: line.qty,
        unitCost: line.unitCost ?? batch?.unitCost ?? 0,
      };
    }),
  };
}

/**
 * What a batch label's QR code says: a GS1 element string in its human-readable form
 * ((01) GTIN, (17) expiry YYMMDD, (10) lot), so scanning the label at dispatch names the batch.
 * Without a valid barcode on the product, the lot code alone.
 */
export function batchLabelCode(barcodes: readonly string[], lotCode: string, expiryDate: string | undefined): string {
  const gtin = barcodes.map((code) => toGtin14(code)).find((value) => value !== undefined);
  if (!gtin) return lotCode;
  const expiry = expiryDate ? `(17)${expiryDate.slice(2, 4)}${expiryDate.slice(5, 7)}${expiryDate.slice(8, 10)}` : '';
  return `(01)${gtin}${expiry}(10)${lotCode}`;
}
