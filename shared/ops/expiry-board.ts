/**
 * Expiry board (临期看板, issue 6): a site's stock at a business date by expiry status, with
 * days left and value at risk, and the once-a-day notice it raises.
 */
import { daysBetween, derivedId, expiryStatus, QTY_EPSILON, roundMoney, roundQty, type ExpiryStatus, type StockPosition } from '../domain';
import type { BatchDoc, EventDoc, ProductDoc } from '../schemas';

export interface ExpiryBoardLine {
  batchId: string;
  productId: string;
  productName: string;
  lotCode: string;
  expiryDate?: string;
  /** Negative once expired; undefined for batches without an expiry. */
  daysLeft?: number;
  status: ExpiryStatus;
  qty: number;
  unitCost: number;
  /** qty × the batch's unit cost. */
  valueAtRisk: number;
}

export interface ExpiryGroup {
  status: ExpiryStatus;
  lines: ExpiryBoardLine[];
  count: number;
  value: number;
}

export interface ExpiryBoard {
  siteId: string;
  businessDate: string;
  expired: ExpiryGroup;
  nearExpiry: ExpiryGroup;
  ok: ExpiryGroup;
}

export interface ExpiryLookup {
  batch(id: string): BatchDoc | undefined;
  product(id: string): ProductDoc | undefined;
}

function group(status: ExpiryStatus, lines: ExpiryBoardLine[]): ExpiryGroup {
  // Soonest first; batches without expiry last, then by product and lot for a stable list.
  lines.sort(
    (a, b) =>
      (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.productName.localeCompare(b.productName) || (a.lotCode < b.lotCode ? -1 : 1),
  );
  return { status, lines, count: lines.length, value: roundMoney(lines.reduce((sum, line) => sum + line.valueAtRisk, 0)) };
}

/**
 * Batches with on-hand > 0 at the site, grouped by status at `businessDate` (`at` decides for
 * shelf lives in hours). `positions` may span sites; only `siteId`'s count.
 */
export function buildExpiryBoard(
  siteId: string,
  businessDate: string,
  positions: Iterable<StockPosition>,
  lookup: ExpiryLookup,
  at?: string,
): ExpiryBoard {
  const byStatus: Record<ExpiryStatus, ExpiryBoardLine[]> = { expired: [], 'near-expiry': [], ok: [] };
  for (const position of positions) {
    if (position.siteId !== siteId || position.qty <= QTY_EPSILON) continue;
    const batch = lookup.batch(position.batchId);
    const product = lookup.product(position.productId);
    if (!batch || !product) continue;
    const status = expiryStatus(batch, product, businessDate, at);
    const qty = roundQty(position.qty);
    byStatus[status].push({
      batchId: batch.id,
      productId: product.id,
      productName: product.name,
      lotCode: batch.lotCode,
      ...(batch.expiryDate === undefined ? {} : { expiryDate: batch.expiryDate, daysLeft: daysBetween(businessDate, batch.expiryDate) }),
      status,
      qty,
      unitCost: batch.unitCost,
      valueAtRisk: roundMoney(qty * batch.unitCost),
    });
  }
  return {
    siteId,
    businessDate,
    expired: group('expired', byStatus.expired),
    nearExpiry: group('near-expiry', byStatus['near-expiry']),
    ok: group('ok', byStatus.ok),
  };
}

export interface ExpiryNotice {
  /** Same for every terminal of the site on that date, so the notice is written once a day. */
  key: string;
  siteId: string;
  businessDate: string;
  expiredCount: number;
  expiredValue: number;
  nearExpiryCount: number;
  nearExpiryValue: number;
}

export function expiryNoticeKey(siteId: string, businessDate: string): string {
  return derivedId('expiry-notice', siteId, businessDate);
}

/** The daily summary, or null when nothing is near expiry or expired. */
export function dailyExpiryNotice(board: ExpiryBoard): ExpiryNotice | null {
  if (board.expired.count === 0 && board.nearExpiry.count === 0) return null;
  return {
    key: expiryNoticeKey(board.siteId, board.businessDate),
    siteId: board.siteId,
    businessDate: board.businessDate,
    expiredCount: board.expired.count,
    expiredValue: board.expired.value,
    nearExpiryCount: board.nearExpiry.count,
    nearExpiryValue: board.nearExpiry.value,
  };
}

/**
 * The notice as a `near-expiry` event whose id is the notice key: events are append-only and
 * keyed by id, so a second terminal (or a second run the same day) writes nothing new.
 */
export function expiryNoticeEvent(notice: ExpiryNotice, at: string, terminalId?: string): EventDoc {
  return {
    id: notice.key,
    siteId: notice.siteId,
    kind: 'near-expiry',
    severity: notice.expiredCount > 0 ? 'error' : 'warning',
    at,
    message: `${notice.businessDate}: ${notice.expiredCount} expired batches (¥${notice.expiredValue.toFixed(2)}), ${notice.nearExpiryCount} near expiry (¥${notice.nearExpiryValue.toFixed(2)})`,
    data: {
      businessDate: notice.businessDate,
      expiredCount: notice.expiredCount,
      expiredValue: notice.expiredValue,
      nearExpiryCount: notice.nearExpiryCount,
      nearExpiryValue: notice.nearExpiryValue,
    },
    updatedAt: at,
    ...(terminalId === undefined ? {} : { terminalId }),
  };
}

/** Whether today's notice is still to be raised, given the ids of events already stored. */
export function noticeDue(siteId: string, businessDate: string, existingEventIds: ReadonlySet<string>): boolean {
  return !existingEventIds.has(expiryNoticeKey(siteId, businessDate));
}
