import { idField, instantField, moneyField, quantityField, refField, updatedAtField } from './common';
import { documentTypes } from './document-types';
import type { FromSchema } from './json-schema-types';

/**
 * `transit-loss` closes a dispatch's in-transit balance (out + in + loss = 0 per batch); it is
 * a memo movement that holds no stock at any site — see `affectsOnHand` in shared/domain.
 */
export const movementKinds = [
  'receipt',
  'sale',
  'consumption',
  'dispatch-out',
  'dispatch-in',
  'transit-loss',
  'production-consume',
  'production-output',
  'waste',
  'count-adjust',
  'return',
  /** (v2) Stock a site already held when it started on Larder (期初), at its counted cost. */
  'opening',
] as const;
export type MovementKind = (typeof movementKinds)[number];

/** One signed change of stock of one batch at one site (库存流水). Immutable, append-only. */
export const movementSchema = {
  title: 'movements',
  description: 'One signed change of stock of one batch at one site. Append-only.',
  // v1: enums declared open (later versions may add values; readers handle unknown ones).
  // v2: kind 'opening', docType 'opening-stock' (opening stock, 期初库存).
  // v3: docTypes 'transfer' (调拨单) and 'payment' (收付款单), issue 17.
  // v4: docType 'sales-order' (销售订单), issue 17.
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    siteId: refField,
    productId: refField,
    batchId: refField,
    /** Signed, in the product's base unit. */
    qty: quantityField,
    kind: { type: 'string', enum: movementKinds, maxLength: 32, 'x-open': true },
    /** Cost per base unit this movement carries in or out. */
    unitCost: moneyField,
    docType: { type: 'string', enum: documentTypes, maxLength: 32, 'x-open': true },
    docId: refField,
    /** Index of the document line that produced it (deterministic ids derive from it). */
    lineNo: { type: 'integer', minimum: 0 },
    /** Business time of the change. */
    at: instantField,
    terminalId: refField,
    /** Set on a correcting movement: the id of the movement it cancels. */
    reversalOf: refField,
    updatedAt: updatedAtField,
  },
  required: [
    'id',
    'siteId',
    'productId',
    'batchId',
    'qty',
    'kind',
    'unitCost',
    'docType',
    'docId',
    'lineNo',
    'at',
    'terminalId',
    'updatedAt',
  ],
  // No indexes: no query selects movements (a terminal folds them all into its ledger at
  // start-up), and every index cost each write — posting, initial pull — its upkeep.
  additionalProperties: false,
} as const;

export type MovementDoc = FromSchema<typeof movementSchema>;
