import { businessDateField, idField, instantField, refField, shortTextField, updatedAtField } from './common';
import { documentTypes } from './document-types';
import type { FromSchema } from './json-schema-types';

/** A double-entry voucher (凭证) produced by posting one document. Append-only. */
export const journalSchema = {
  title: 'journal',
  description: 'A balanced journal entry produced by a posting, carrying the document number.',
  // v1: enums declared open (later versions may add values; readers handle unknown ones).
  // v2: docType 'opening-stock'.
  // v3: docTypes 'transfer' (调拨单) and 'payment' (收付款单), issue 17.
  // v4: docType 'sales-order' (销售订单), issue 17.
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    siteId: refField,
    docType: { type: 'string', enum: documentTypes, maxLength: 32, 'x-open': true },
    docId: refField,
    /** Printed document number, for drill-through from the books to the document. */
    docNumber: { type: 'string', maxLength: 64 },
    businessDate: businessDateField,
    at: instantField,
    memo: shortTextField,
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          accountCode: { type: 'string', maxLength: 16 },
          debit: { type: 'number', minimum: 0 },
          credit: { type: 'number', minimum: 0 },
          memo: shortTextField,
          productId: refField,
          batchId: refField,
        },
        required: ['accountCode', 'debit', 'credit'],
        additionalProperties: false,
      },
    },
    /** Set on a reversing entry: the entry it cancels. */
    reversalOf: refField,
    updatedAt: updatedAtField,
  },
  required: ['id', 'siteId', 'docType', 'docId', 'docNumber', 'businessDate', 'at', 'lines', 'updatedAt'],
  // No indexes: the journal is read whole (journal and partner-ledger screens).
  additionalProperties: false,
} as const;

export type JournalDoc = FromSchema<typeof journalSchema>;
export type JournalLine = JournalDoc['lines'][number];
