// Released version 3 of the movements schema, as terminals of that release hold it. Frozen:
// never edit (tests/unit/schemas/schema-lock.json fingerprints it); version 4 adds the docType 'sales-order' (销售订单; issue 17)
// (shared/schemas/movements.ts).

export const movementsV3 = {
  title: 'movements',
  description: 'One signed change of stock of one batch at one site. Append-only.',
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
