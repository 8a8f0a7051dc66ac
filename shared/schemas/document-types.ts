/** Every business document kind; movements and journal entries name the one that posted them. */
export const documentTypes = [
  'purchase-order',
  'goods-receipt',
  'production-run',
  'store-request',
  'dispatch',
  'store-receipt',
  'stock-count',
  'sale',
  'consumption',
  'waste',
  'return',
  'reversal',
  'discrepancy',
  'approval',
  /** (documents v3) 期初库存: a site's stock on the day it starts on Larder. */
  'opening-stock',
  /** (documents v5) 调拨单: a store sends stock to another store, shipped and received as a dispatch is. */
  'transfer',
  /** (documents v5) 收款单 / 付款单: money from a customer or to a supplier, against the partner's balance. */
  'payment',
  /** (documents v6) 销售订单: a customer's order at a kitchen or store, delivered by sales on account against it. */
  'sales-order',
] as const;
export type DocumentType = (typeof documentTypes)[number];

/**
 * Shipments between sites: a kitchen's dispatch to a store, a store's transfer to another store.
 * Both run `draft → picked → shipped`, post `dispatch-out`, and are answered by the receiving
 * site's store receipt (and discrepancy) naming them in `dispatchId`.
 */
export const shipmentTypes = ['dispatch', 'transfer'] as const;
export type ShipmentType = (typeof shipmentTypes)[number];

export function isShipmentType(type: string): type is ShipmentType {
  return type === 'dispatch' || type === 'transfer';
}

/** Statuses across kinds; a dispatch runs `draft → picked → shipped` (DOMAIN.md). */
export const documentStatuses = ['draft', 'submitted', 'approved', 'rejected', 'picked', 'shipped', 'posted', 'cancelled'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** How money moved: at the till (cash), on account (credit), or as a payment is made (documents v5). */
export const paymentMethods = ['cash', 'credit', 'transfer', 'wechat', 'alipay'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
/** The methods a payment (收款/付款) is made by: all but "on account". */
export const settlementMethods = ['cash', 'transfer', 'wechat', 'alipay'] as const;
export type SettlementMethod = (typeof settlementMethods)[number];

export const wasteReasons = ['expired', 'damaged', 'spoiled', 'prep-loss', 'other'] as const;
export type WasteReason = (typeof wasteReasons)[number];

const knownDocumentTypes: ReadonlySet<string> = new Set(documentTypes);

export function isKnownDocumentType(type: string): type is DocumentType {
  return knownDocumentTypes.has(type);
}

/** How a reader lists a document: by its type, or — a type a later version added — as another document. */
export interface ShownDocument {
  kind: DocumentType | 'other';
  number: string;
  /** A document of a type this version does not know is only shown, never edited or posted. */
  readOnly: boolean;
}

/**
 * `documents.type` is an open enum (SYNC-PROTOCOL.md, Schema evolution): a newer terminal may sync a
 * type this one has never heard of. Every list and view asks here instead of switching on the
 * type, so such a document shows as "other document" with its number and never breaks a screen.
 */
export function shownDocument(document: { type: string; number?: string | undefined }): ShownDocument {
  const known = isKnownDocumentType(document.type);
  return { kind: known ? (document.type as DocumentType) : 'other', number: document.number ?? '', readOnly: !known };
}
