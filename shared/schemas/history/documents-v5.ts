// Released version 5 of the documents schema, as terminals of that release hold it. Frozen:
// never edit (tests/unit/schemas/schema-lock.json fingerprints it); version 6 adds the type 'sales-order' (销售订单) and `salesOrderId` on the deliveries against one (issue 17)
// (shared/schemas/documents.ts).

export const documentsV5 = {
  title: 'documents',
  description: 'A business document with lines: receipt, production run, dispatch, count, sale …',
  version: 5,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: {
      type: 'string',
      maxLength: 64,
    },
    type: {
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
    siteId: {
      type: 'string',
      maxLength: 64,
    },
    toSiteId: {
      type: 'string',
      maxLength: 64,
    },
    number: {
      type: 'string',
      maxLength: 64,
    },
    status: {
      type: 'string',
      enum: ['draft', 'submitted', 'approved', 'rejected', 'picked', 'shipped', 'posted', 'cancelled'],
      maxLength: 16,
      'x-open': true,
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
    partnerId: {
      type: 'string',
      maxLength: 64,
    },
    dispatchId: {
      type: 'string',
      maxLength: 64,
    },
    reversesDocId: {
      type: 'string',
      maxLength: 64,
    },
    wasteReason: {
      type: 'string',
      enum: ['expired', 'damaged', 'spoiled', 'prep-loss', 'other'],
      maxLength: 16,
      'x-open': true,
    },
    paymentMethod: {
      type: 'string',
      enum: ['cash', 'credit', 'transfer', 'wechat', 'alipay'],
      maxLength: 16,
      'x-open': true,
    },
    paymentDirection: {
      type: 'string',
      enum: ['from-customer', 'to-supplier'],
      maxLength: 16,
      'x-open': true,
    },
    amount: {
      type: 'number',
    },
    returnDirection: {
      type: 'string',
      enum: ['to-supplier', 'from-customer'],
      maxLength: 16,
    },
    outputProductId: {
      type: 'string',
      maxLength: 64,
    },
    outputQty: {
      type: 'number',
    },
    outputBatchId: {
      type: 'string',
      maxLength: 64,
    },
    outputLotCode: {
      type: 'string',
      maxLength: 64,
    },
    countScope: {
      type: 'string',
      enum: ['full', 'cycle'],
      maxLength: 16,
    },
    blind: {
      type: 'boolean',
    },
    terminalId: {
      type: 'string',
      maxLength: 64,
    },
    operatorId: {
      type: 'string',
      maxLength: 64,
    },
    requestIds: {
      type: 'array',
      items: {
        type: 'string',
        maxLength: 64,
      },
    },
    purchaseOrderId: {
      type: 'string',
      maxLength: 64,
    },
    expectedDate: {
      type: 'string',
      maxLength: 10,
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    },
    deliveryDate: {
      type: 'string',
      maxLength: 10,
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    },
    subjectDocId: {
      type: 'string',
      maxLength: 64,
    },
    subjectDocType: {
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
    note: {
      type: 'string',
      maxLength: 2000,
    },
    custom: {
      type: 'object',
    },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          productId: {
            type: 'string',
            maxLength: 64,
          },
          qty: {
            type: 'number',
          },
          batchId: {
            type: 'string',
            maxLength: 64,
          },
          unitCost: {
            type: 'number',
          },
          unitPrice: {
            type: 'number',
          },
          lotCode: {
            type: 'string',
            maxLength: 64,
          },
          productionDate: {
            type: 'string',
            maxLength: 10,
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
          expiryDate: {
            type: 'string',
            maxLength: 10,
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
          certificateHashes: {
            type: 'array',
            items: {
              type: 'string',
              maxLength: 64,
            },
          },
          qcStatus: {
            type: 'string',
            enum: ['pending', 'released', 'quarantined', 'rejected'],
            maxLength: 16,
          },
          accepted: {
            type: 'number',
          },
          short: {
            type: 'number',
          },
          rejected: {
            type: 'number',
          },
          rejectReason: {
            type: 'string',
            maxLength: 200,
          },
          countedAt: {
            type: 'string',
            maxLength: 40,
          },
          expiredReceiptReason: {
            type: 'string',
            maxLength: 200,
          },
          fifoOverrideReason: {
            type: 'string',
            maxLength: 200,
          },
          note: {
            type: 'string',
            maxLength: 200,
          },
          unit: {
            type: 'string',
            maxLength: 16,
          },
          unitQty: {
            type: 'number',
          },
        },
        required: ['productId', 'qty'],
        additionalProperties: false,
      },
    },
    updatedAt: {
      type: 'string',
      maxLength: 40,
    },
  },
  required: ['id', 'type', 'siteId', 'number', 'status', 'businessDate', 'at', 'terminalId', 'lines', 'updatedAt'],
  indexes: [['siteId', 'type']],
  additionalProperties: false,
} as const;
