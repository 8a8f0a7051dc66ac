// Rows of the stock screen, derived from the ledger's positions (every number from the ledger).
// Pure, so the filters and the per-product roll-up are unit-tested.
import { daysBetween, expiryStatus, type ExpiryStatus, type StockPosition } from '../../../shared/domain';
import type { BatchDoc, DocumentDoc, ProductDoc, QcStatus } from '../../../shared/schemas';

export interface BatchInfo {
  lotCode?: string;
  expiryDate?: string;
  expiresAt?: string;
  qcStatus?: QcStatus;
}

export interface StockRow {
  key: string;
  siteId: string;
  productId: string;
  /** Empty on per-product rows. */
  batchId: string;
  product?: ProductDoc;
  lotCode?: string;
  expiryDate?: string;
  daysLeft?: number;
  status: ExpiryStatus;
  qcStatus?: QcStatus;
  qty: number;
  unitCost: number;
  value: number;
  batchCount: number;
}

export type StatusFilter = ExpiryStatus | 'qc-held';

export interface StockFilter {
  siteId?: string;
  /** Products the search matched; null means no search. */
  productIds?: ReadonlySet<string> | null;
  /** Text also matched against lot codes. */
  lotQuery?: string;
  category?: string;
  storageClass?: string;
  status?: StatusFilter;
}

const epsilon = 1e-9;

/**
 * Lot and expiry that store receipts carry, for batches whose kitchen document has not synced
 * yet (received offline by QR).
 */
export function receiptBatchInfo(receipts: readonly DocumentDoc[]): Map<string, BatchInfo> {
  const info = new Map<string, BatchInfo>();
  for (const receipt of receipts) {
    for (const line of receipt.lines) {
      if (line.batchId === undefined || info.has(line.batchId)) continue;
      info.set(line.batchId, {
        ...(line.lotCode ? { lotCode: line.lotCode } : {}),
        ...(line.expiryDate ? { expiryDate: line.expiryDate } : {}),
      });
    }
  }
  return info;
}

interface Lookup {
  product(id: string): ProductDoc | undefined;
  batch(id: string): BatchDoc | undefined;
}

/** One row per batch with stock (positive, or negative to be resolved), at the given sites. */
export function batchRows(
  positions: Iterable<StockPosition>,
  lookup: Lookup,
  fallback: ReadonlyMap<string, BatchInfo>,
  businessDate: string,
  siteIds: ReadonlySet<string> | null,
): StockRow[] {
  const rows: StockRow[] = [];
  for (const position of positions) {
    if (Math.abs(position.qty) < epsilon) continue;
    if (siteIds && !siteIds.has(position.siteId)) continue;
    const product = lookup.product(position.productId);
    const batch: BatchInfo | undefined = lookup.batch(position.batchId) ?? fallback.get(position.batchId);
    const expiryDate = batch?.expiryDate;
    const status = batch && product ? expiryStatus(batch, product, businessDate) : 'ok';
    rows.push({
      key: `${position.siteId}|${position.batchId}`,
      siteId: position.siteId,
      productId: position.productId,
      batchId: position.batchId,
      ...(product ? { product } : {}),
      ...(batch?.lotCode ? { lotCode: batch.lotCode } : {}),
      ...(expiryDate ? { expiryDate, daysLeft: daysBetween(businessDate, expiryDate) } : {}),
      status,
      ...(batch?.qcStatus ? { qcStatus: batch.qcStatus } : {}),
      qty: position.qty,
      unitCost: position.qty > epsilon ? position.value / position.qty : 0,
      value: position.value,
      batchCount: 1,
    });
  }
  return rows.sort(compareRows);
}

const statusRank: Record<ExpiryStatus, number> = { expired: 0, 'near-expiry': 1, ok: 2 };

function compareRows(a: StockRow, b: StockRow): number {
  const nameA = a.product?.sku ?? a.productId;
  const nameB = b.product?.sku ?? b.productId;
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  if (a.siteId !== b.siteId) return a.siteId < b.siteId ? -1 : 1;
  return (a.expiryDate ?? '9999') < (b.expiryDate ?? '9999') ? -1 : (a.expiryDate ?? '9999') > (b.expiryDate ?? '9999') ? 1 : 0;
}

/** Per product (and site): totals, the soonest expiry and the worst status among its batches. */
export function productRows(rows: readonly StockRow[]): StockRow[] {
  const grouped = new Map<string, StockRow>();
  for (const row of rows) {
    const key = `${row.siteId}|${row.productId}`;
    const current = grouped.get(key);
    if (!current) {
      grouped.set(key, { ...row, key, batchId: '', batchCount: 1 });
      continue;
    }
    const soonest = (row.expiryDate ?? '9999') < (current.expiryDate ?? '9999') ? row : current;
    const qty = current.qty + row.qty;
    const value = current.value + row.value;
    grouped.set(key, {
      ...current,
      qty,
      value,
      unitCost: qty > epsilon ? value / qty : 0,
      batchCount: current.batchCount + 1,
      status: statusRank[row.status] < statusRank[current.status] ? row.status : current.status,
      ...(soonest.expiryDate ? { expiryDate: soonest.expiryDate } : {}),
      ...(soonest.daysLeft !== undefined ? { daysLeft: soonest.daysLeft } : {}),
      ...(soonest.lotCode ? { lotCode: soonest.lotCode } : {}),
    });
  }
  return [...grouped.values()].sort(compareRows);
}

const heldStatuses: ReadonlySet<string> = new Set(['pending', 'quarantined', 'rejected']);

export function filterRows(rows: readonly StockRow[], filter: StockFilter): StockRow[] {
  const lot = filter.lotQuery?.trim().toLowerCase() ?? '';
  return rows.filter((row) => {
    if (filter.siteId && row.siteId !== filter.siteId) return false;
    if (filter.productIds) {
      const byLot = lot.length > 0 && (row.lotCode ?? '').toLowerCase().includes(lot);
      if (!filter.productIds.has(row.productId) && !byLot) return false;
    }
    if (filter.category && row.product?.category !== filter.category) return false;
    if (filter.storageClass && row.product?.storageClass !== filter.storageClass) return false;
    if (filter.status === 'qc-held') return row.qcStatus !== undefined && heldStatuses.has(row.qcStatus);
    if (filter.status && row.status !== filter.status) return false;
    return true;
  });
}

export interface StockSummary {
  products: number;
  batches: number;
  value: number;
  nearExpiry: number;
  expired: number;
}

export function summarise(rows: readonly StockRow[]): StockSummary {
  const products = new Set<string>();
  const summary: StockSummary = { products: 0, batches: 0, value: 0, nearExpiry: 0, expired: 0 };
  for (const row of rows) {
    products.add(`${row.siteId}|${row.productId}`);
    summary.batches += row.batchCount;
    summary.value += row.value;
    if (row.status === 'near-expiry') summary.nearExpiry += 1;
    if (row.status === 'expired') summary.expired += 1;
  }
  summary.products = products.size;
  return summary;
}
