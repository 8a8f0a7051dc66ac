import { businessDateField, fileHashListField, idField, instantField, moneyField, refField, updatedAtField } from './common';
import type { FromSchema } from './json-schema-types';

/** QC (检疫/质检) states; only `released` batches are ever selected for stock leaving a site. */
export const qcStatuses = ['pending', 'released', 'quarantined', 'rejected'] as const;
export type QcStatus = (typeof qcStatuses)[number];

/** A lot of one product. Reference data, written by the site named in `siteId`. */
export const batchSchema = {
  title: 'batches',
  description: 'A lot (批次) of one product with its dates, unit cost, supplier and QC status.',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    productId: refField,
    /** Site of origin: the only site that writes this batch. */
    siteId: refField,
    lotCode: { type: 'string', maxLength: 64 },
    productionDate: businessDateField,
    /** Last usable business date; stock is expired on the day after. */
    expiryDate: businessDateField,
    /** Exact expiry instant for shelf lives given in hours. */
    expiresAt: instantField,
    /** Business time the batch entered stock; FIFO order and the FEFO tie-break. */
    receivedAt: instantField,
    unitCost: moneyField,
    supplierId: refField,
    certificateHashes: fileHashListField,
    qcStatus: { type: 'string', enum: qcStatuses, maxLength: 16 },
    /** The document that created this batch (goods receipt, production run). */
    sourceDocId: refField,
    updatedAt: updatedAtField,
  },
  required: ['id', 'productId', 'siteId', 'lotCode', 'receivedAt', 'unitCost', 'certificateHashes', 'qcStatus', 'updatedAt'],
  indexes: ['productId'],
  additionalProperties: false,
} as const;

export type BatchDoc = FromSchema<typeof batchSchema>;
