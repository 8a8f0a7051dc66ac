// Released version 3 of the journal schema, as terminals of that release hold it. Frozen:
// never edit (tests/unit/schemas/schema-lock.json fingerprints it); version 4 adds the docType 'sales-order' (销售订单; issue 17)
// (shared/schemas/journal.ts).

export const journalV3 = {
  title: 'journal',
  description: 'A balanced journal entry produced by a posting, carrying the document number.',
  version: 3,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: {
      type: 'string',
      maxLength: 64,
    },
    siteId: {
      type: 'string',
      maxLength: 64,
    },
    docType: {
      type: 'string',
      enum: [
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
        'opening-stock',
        'transfer',
        'payment',
      ],
      maxLength: 32,
      'x-open': true,
    },
    docId: {
      type: 'string',
      maxLength: 64,
    },
    docNumber: {
      type: 'string',
      maxLength: 64,
    },
    businessDate: {
      type: 'string',
      maxLength: 10,
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    },
    at: {
      type: 'string',
      maxLength: 40,
    },
    memo: {
      type: 'string',
      maxLength: 200,
    },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          accountCode: {
            type: 'string',
            maxLength: 16,
          },
          debit: {
            type: 'number',
            minimum: 0,
          },
          credit: {
            type: 'number',
            minimum: 0,
          },
          memo: {
            type: 'string',
            maxLength: 200,
          },
          productId: {
            type: 'string',
            maxLength: 64,
          },
          batchId: {
            type: 'string',
            maxLength: 64,
          },
        },
        required: ['accountCode', 'debit', 'credit'],
        additionalProperties: false,
      },
    },
    reversalOf: {
      type: 'string',
      maxLength: 64,
    },
    updatedAt: {
      type: 'string',
      maxLength: 40,
    },
  },
  required: ['id', 'siteId', 'docType', 'docId', 'docNumber', 'businessDate', 'at', 'lines', 'updatedAt'],
  additionalProperties: false,
} as const;
