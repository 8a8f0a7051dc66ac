// Released version 4 of the events schema, as terminals of that release hold it. Frozen:
// never edit (tests/unit/schemas/schema-lock.json fingerprints it); version 5 adds the docType 'sales-order' (销售订单; issue 17)
// (shared/schemas/events.ts).

export const eventsV4 = {
  title: 'events',
  description: 'Append-only audit and notice events (FIFO overrides, stock exceptions …).',
  version: 4,
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
    toSiteId: {
      type: 'string',
      maxLength: 64,
    },
    kind: {
      type: 'string',
      enum: [
        'audit',
        'fifo-override',
        'temperature',
        'stock-exception',
        'negative-stock',
        'discrepancy',
        'price-deviation',
        'near-expiry',
        'notice',
      ],
      maxLength: 32,
      'x-open': true,
    },
    severity: {
      type: 'string',
      enum: ['info', 'warning', 'error'],
      maxLength: 16,
    },
    at: {
      type: 'string',
      maxLength: 40,
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
    productId: {
      type: 'string',
      maxLength: 64,
    },
    batchId: {
      type: 'string',
      maxLength: 64,
    },
    message: {
      type: 'string',
      maxLength: 2000,
    },
    data: {
      type: 'object',
    },
    terminalId: {
      type: 'string',
      maxLength: 64,
    },
    operatorId: {
      type: 'string',
      maxLength: 64,
    },
    updatedAt: {
      type: 'string',
      maxLength: 40,
    },
  },
  required: ['id', 'siteId', 'kind', 'severity', 'at', 'message', 'data', 'updatedAt'],
  indexes: [['siteId', 'kind']],
  additionalProperties: false,
} as const;
