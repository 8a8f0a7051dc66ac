// Released version 2 of the movements schema, as terminals of that release hold it. Frozen:
// never edit (tests/unit/schemas/schema-lock.json fingerprints it); version 3 adds the docTypes 'transfer' (调拨单) and 'payment' (收付款单; issue 17)
// (shared/schemas/movements.ts).

export const movementsV2 = {
  title: 'movements',
  description: 'One signed change of stock of one batch at one site. Append-only.',
  version: 2,
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
    productId: {
      type: 'string',
      maxLength: 64,
    },
    batchId: {
      type: 'string',
      maxLength: 64,
    },
    qty: {
      type: 'number',
    },
    kind: {
      type: 'string',
      enum: [
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
        'opening',
      ],
      maxLength: 32,
      'x-open': true,
    },
    unitCost: {
      type: 'number',
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
      ],
      maxLength: 32,
      'x-open': true,
    },
    docId: {
      type: 'string',
      maxLength: 64,
    },
    lineNo: {
      type: 'integer',
      minimum: 0,
    },
    at: {
      type: 'string',
      maxLength: 40,
    },
    terminalId: {
      type: 'string',
      maxLength: 64,
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
  additionalProperties: false,
} as const;
