import { idField, instantField, longTextField, refField, updatedAtField } from './common';
import { documentTypes } from './document-types';
import type { FromSchema } from './json-schema-types';

export const eventKinds = [
  'audit',
  'fifo-override',
  'temperature',
  'stock-exception',
  'negative-stock',
  'discrepancy',
  'price-deviation',
  'near-expiry',
  'notice',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** Audit trail, overrides, readings, exceptions and notices. Append-only. */
export const eventSchema = {
  title: 'events',
  description: 'Append-only audit and notice events (FIFO overrides, stock exceptions …).',
  // v1: enums declared open (later versions may add values; readers handle unknown ones).
  // v2: docType 'opening-stock'.
  // v3: operatorId (who signed in when it was recorded).
  // v4: docTypes 'transfer' (调拨单) and 'payment' (收付款单), issue 17.
  // v5: docType 'sales-order' (销售订单), issue 17.
  version: 5,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    siteId: refField,
    /** Addressee site, e.g. the kitchen told about a store's discrepancy. */
    toSiteId: refField,
    kind: { type: 'string', enum: eventKinds, maxLength: 32, 'x-open': true },
    severity: { type: 'string', enum: ['info', 'warning', 'error'], maxLength: 16 },
    at: instantField,
    docType: { type: 'string', enum: documentTypes, maxLength: 32, 'x-open': true },
    docId: refField,
    productId: refField,
    batchId: refField,
    message: longTextField,
    /** Kind-specific details (JSON values only). */
    data: { type: 'object' },
    terminalId: refField,
    /** (v3) The person signed in at the terminal (issue 15). */
    operatorId: refField,
    updatedAt: updatedAtField,
  },
  required: ['id', 'siteId', 'kind', 'severity', 'at', 'message', 'data', 'updatedAt'],
  indexes: [['siteId', 'kind']],
  additionalProperties: false,
} as const;

export type EventDoc = FromSchema<typeof eventSchema>;
