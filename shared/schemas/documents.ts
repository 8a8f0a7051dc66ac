import {
  businessDateField,
  customValuesField,
  fileHashListField,
  idField,
  instantField,
  longTextField,
  moneyField,
  quantityField,
  refField,
  shortTextField,
  updatedAtField,
} from './common';
import { qcStatuses } from './batches';
import { documentStatuses, documentTypes, paymentMethods, wasteReasons } from './document-types';
import type { DocumentType, SettlementMethod } from './document-types';
import type { FromSchema } from './json-schema-types';

/**
 * One line shape for every document kind (a superset), so the collection stays a single RxDB
 * collection (COL23 caps collections). Which fields a kind needs is stated by the per-kind
 * types below and checked by the posting rules.
 */
const documentLineSchema = {
  type: 'object',
  properties: {
    productId: refField,
    /** Base-unit quantity: received, sold, shipped, consumed, wasted, counted … */
    qty: quantityField,
    /** Chosen (or, on receipts, created) batch; absent means "propose by FEFO/FIFO". */
    batchId: refField,
    unitCost: moneyField,
    unitPrice: moneyField,
    /** (v6) Sale, sales order, customer return: the VAT rate (0.13 = 13 %) `unitPrice` includes (shared/domain/vat.ts). */
    taxRate: { type: 'number', minimum: 0, maximum: 1 },
    lotCode: { type: 'string', maxLength: 64 },
    productionDate: businessDateField,
    expiryDate: businessDateField,
    certificateHashes: fileHashListField,
    qcStatus: { type: 'string', enum: qcStatuses, maxLength: 16 },
    /** Store receipt: how the shipped `qty` split (accepted + short + rejected = qty). */
    accepted: quantityField,
    short: quantityField,
    rejected: quantityField,
    rejectReason: shortTextField,
    /** Stock count: the instant this line was counted (count-while-trading rule). */
    countedAt: instantField,
    /** (v2) Goods receipt: why a batch already past its expiry was taken in (else it is quarantined). */
    expiredReceiptReason: shortTextField,
    /** Reason given for picking a later batch than FEFO/FIFO proposes (强制校验). */
    fifoOverrideReason: shortTextField,
    note: shortTextField,
    /** (v1) The unit the quantity was entered in (a pack unit such as 箱, or the base unit). */
    unit: { type: 'string', maxLength: 16 },
    /** (v1) The quantity as entered, in `unit`; `qty` stays in the base unit. */
    unitQty: quantityField,
  },
  required: ['productId', 'qty'],
  additionalProperties: false,
} as const;

/** Every business document (单据). Transactional, written only by terminals of `siteId`. */
export const documentSchema = {
  title: 'documents',
  description: 'A business document with lines: receipt, production run, dispatch, count, sale …',
  // v3: type 'opening-stock' (期初库存).
  // v4: operatorId (who signed in and wrote it).
  // v5: custom (values of the custom fields HQ defines for a kind of document; issue 15); type
  // 'transfer' (调拨单, store → store; issue 17); type 'payment' (收款/付款) with its amount and
  // direction, and the payment methods transfer, WeChat and Alipay (issue 17).
  // v6: type 'sales-order' (销售订单) and salesOrderId on the sales that deliver it; lines[].taxRate,
  // the output VAT a sale's price includes (issue 17).
  version: 6,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    // Open enums (SYNC-PROTOCOL.md, Schema evolution): later versions may add values; a reader
    // that does not know one shows the document read-only as another document.
    type: { type: 'string', enum: documentTypes, maxLength: 32, 'x-open': true },
    siteId: refField,
    /** Addressee site of a dispatch (and of documents answering one). */
    toSiteId: refField,
    /** Human document number (单号) printed and used for drill-through from the journal. */
    number: { type: 'string', maxLength: 64 },
    status: { type: 'string', enum: documentStatuses, maxLength: 16, 'x-open': true },
    businessDate: businessDateField,
    /** Business time of posting. */
    at: instantField,
    partnerId: refField,
    /** Store receipt (and discrepancy): the dispatch or transfer it answers. */
    dispatchId: refField,
    /** Reversal: the document whose postings it cancels. */
    reversesDocId: refField,
    wasteReason: { type: 'string', enum: wasteReasons, maxLength: 16, 'x-open': true },
    paymentMethod: { type: 'string', enum: paymentMethods, maxLength: 16, 'x-open': true },
    /** (v5) Payment: money from a customer (收款) or to a supplier (付款). */
    paymentDirection: { type: 'string', enum: ['from-customer', 'to-supplier'], maxLength: 16, 'x-open': true },
    /** (v5) Payment: the amount of money, in yuan. */
    amount: moneyField,
    returnDirection: { type: 'string', enum: ['to-supplier', 'from-customer'], maxLength: 16 },
    /** Production run output. */
    outputProductId: refField,
    outputQty: quantityField,
    outputBatchId: refField,
    outputLotCode: { type: 'string', maxLength: 64 },
    /** Stock count scope: full site or a cycle count of some categories. */
    countScope: { type: 'string', enum: ['full', 'cycle'], maxLength: 16 },
    blind: { type: 'boolean' },
    terminalId: refField,
    /** (v4) The person signed in who made the document's current state (issue 15); absent before sign-in existed. */
    operatorId: refField,
    // (v1) Links that v0 kept as tags in `note`; free text stays free (no structured data in it).
    /** Dispatch: the store requests (要货单) it answers. */
    requestIds: { type: 'array', items: refField },
    /** Goods receipt: the purchase order it receives against. */
    purchaseOrderId: refField,
    /** (v6) Sale on account: the customer's order (销售订单) it delivers. */
    salesOrderId: refField,
    /** Purchase order: the delivery date asked of the supplier. */
    expectedDate: businessDateField,
    /** Store request: the day the store wants the goods. Sales order (v6): the day the customer wants them. */
    deliveryDate: businessDateField,
    /**
     * Approval: the document it decides, and that document's type. Customer return: the sale it
     * answers, whose cost the goods come back at (docs/valuation.md). Supplier return: the goods
     * receipt its batches came in on.
     */
    subjectDocId: refField,
    subjectDocType: { type: 'string', enum: documentTypes, maxLength: 32, 'x-open': true },
    note: longTextField,
    /** (v5) Values of HQ's custom fields for this kind of document (config 'custom-fields'), by field id. */
    custom: customValuesField,
    lines: { type: 'array', items: documentLineSchema },
    updatedAt: updatedAtField,
  },
  required: ['id', 'type', 'siteId', 'number', 'status', 'businessDate', 'at', 'terminalId', 'lines', 'updatedAt'],
  // No index on toSiteId: it is optional, and Dexie storage refuses indexes on optional fields (DXE1).
  indexes: [['siteId', 'type']],
  additionalProperties: false,
} as const;

/** The shape the schema admits, whatever the kind. */
export type DocumentRecord = FromSchema<typeof documentSchema>;
export type DocumentLine = DocumentRecord['lines'][number];

type DocumentOf<T extends DocumentType, Header = object, Line = object> = Omit<DocumentRecord, 'type' | 'lines'> & {
  type: T;
  lines: (DocumentLine & Line)[];
} & Header;

export type PurchaseOrderDoc = DocumentOf<'purchase-order', { partnerId: string }, { unitCost: number }>;
/** Each line creates the batch `batchId` at `siteId`. */
export type GoodsReceiptDoc = DocumentOf<'goods-receipt', { partnerId: string }, { batchId: string; lotCode: string; unitCost: number }>;
/** Lines are the ingredients to consume; the output batch is created from the header. */
export type ProductionRunDoc = DocumentOf<
  'production-run',
  { outputProductId: string; outputQty: number; outputBatchId: string; outputLotCode: string }
>;
export type StoreRequestDoc = DocumentOf<'store-request', { toSiteId: string }>;
export type DispatchDoc = DocumentOf<'dispatch', { toSiteId: string }>;
/** 收款单 / 付款单: no lines; `amount` by `paymentMethod`, against `partnerId`'s balance. */
export type PaymentDoc = DocumentOf<
  'payment',
  { partnerId: string; paymentDirection: 'from-customer' | 'to-supplier'; paymentMethod: SettlementMethod; amount: number }
>;
/**
 * 销售订单: what a customer ordered of `siteId` at the agreed prices, for `deliveryDate`. It moves
 * no stock; sales on account naming it in `salesOrderId` deliver it (shared/domain/sales-orders.ts).
 */
export type SalesOrderDoc = DocumentOf<'sales-order', { partnerId: string }, { unitPrice: number }>;
/** 调拨单: a store's shipment to another store, shipped and received exactly as a dispatch. */
export type TransferDoc = DocumentOf<'transfer', { toSiteId: string }>;
/** A dispatch or a transfer: what a store receipt answers. */
export type ShipmentDoc = DispatchDoc | TransferDoc;
/** Written by the receiving store (`siteId`); `toSiteId` names the shipping kitchen. */
export type StoreReceiptDoc = DocumentOf<
  'store-receipt',
  { dispatchId: string; toSiteId: string },
  { batchId: string; accepted: number; short: number; rejected: number }
>;
export type StockCountDoc = DocumentOf<'stock-count', object, { batchId: string; countedAt: string }>;
export type SaleDoc = DocumentOf<'sale', object, { unitPrice: number }>;
export type ConsumptionDoc = DocumentOf<'consumption'>;
export type WasteDoc = DocumentOf<'waste', { wasteReason: DocumentRecord['wasteReason'] & string }, { batchId: string }>;
export type ReturnDoc = DocumentOf<'return', { returnDirection: 'to-supplier' | 'from-customer'; partnerId: string }, { batchId: string }>;
export type ReversalDoc = DocumentOf<'reversal', { reversesDocId: string }>;
export type DiscrepancyDoc = DocumentOf<'discrepancy', { dispatchId: string }>;
export type ApprovalDoc = DocumentOf<'approval'>;
/** 期初库存: each line creates its batch at `siteId` with the stock counted on the first day, at its cost. */
export type OpeningStockDoc = DocumentOf<'opening-stock', object, { batchId: string; lotCode: string; unitCost: number }>;

/** Every document, discriminated by `type`. */
export type DocumentDoc =
  | PurchaseOrderDoc
  | GoodsReceiptDoc
  | ProductionRunDoc
  | StoreRequestDoc
  | DispatchDoc
  | StoreReceiptDoc
  | StockCountDoc
  | SaleDoc
  | ConsumptionDoc
  | WasteDoc
  | ReturnDoc
  | ReversalDoc
  | DiscrepancyDoc
  | ApprovalDoc
  | OpeningStockDoc
  | TransferDoc
  | PaymentDoc
  | SalesOrderDoc;

/** Compile-time proof that every kind fits the stored shape and every type has a variant. */
type AssertTrue<T extends true> = T;
export type DocumentKindsCovered = AssertTrue<DocumentType extends DocumentDoc['type'] ? true : false>;
export type DocumentKindsFitSchema = AssertTrue<DocumentDoc extends DocumentRecord ? true : false>;
