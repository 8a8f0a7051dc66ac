// Released version 1 of the products schema (the label scale's PLU and price per kg), as terminals of
// that release hold it. Frozen: never edit (tests/unit/schemas/schema-lock.json fingerprints it);
// version 2 adds pinyin, pack barcodes, tax rate, purchase price and store sale prices (shared/schemas/products.ts).

export const productsV1 = {
  title: 'products',
  description: 'A stocked item with its base unit, packs, barcodes, shelf life and recipe.',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: {
      type: 'string',
      maxLength: 64,
    },
    sku: {
      type: 'string',
      maxLength: 64,
    },
    name: {
      type: 'string',
      maxLength: 200,
    },
    nameEn: {
      type: 'string',
      maxLength: 200,
    },
    baseUnit: {
      type: 'string',
      maxLength: 16,
    },
    packs: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          unit: {
            type: 'string',
            maxLength: 16,
          },
          qtyInBase: {
            type: 'number',
            exclusiveMinimum: 0,
          },
          barcode: {
            type: 'string',
            maxLength: 64,
          },
        },
        required: ['unit', 'qtyInBase'],
        additionalProperties: false,
      },
    },
    barcodes: {
      type: 'array',
      items: {
        type: 'string',
        maxLength: 64,
      },
    },
    category: {
      type: 'string',
      maxLength: 64,
    },
    perishable: {
      type: 'boolean',
    },
    shelfLifeDays: {
      type: 'integer',
      minimum: 0,
    },
    shelfLifeHours: {
      type: 'integer',
      minimum: 0,
    },
    nearExpiryDays: {
      type: 'integer',
      minimum: 0,
    },
    storageClass: {
      type: 'string',
      enum: ['ambient', 'chilled', 'frozen'],
      maxLength: 16,
    },
    recipe: {
      type: 'object',
      properties: {
        outputQty: {
          type: 'number',
          exclusiveMinimum: 0,
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
                exclusiveMinimum: 0,
              },
            },
            required: ['productId', 'qty'],
            additionalProperties: false,
          },
        },
      },
      required: ['outputQty', 'lines'],
      additionalProperties: false,
    },
    scale: {
      type: 'object',
      properties: {
        plu: {
          type: 'string',
          maxLength: 8,
          pattern: '^\\d{1,8}$',
        },
        pricePerKg: {
          type: 'number',
          exclusiveMinimum: 0,
        },
      },
      required: ['plu'],
      additionalProperties: false,
    },
    active: {
      type: 'boolean',
    },
    updatedAt: {
      type: 'string',
      maxLength: 40,
    },
  },
  required: [
    'id',
    'sku',
    'name',
    'baseUnit',
    'packs',
    'barcodes',
    'category',
    'perishable',
    'nearExpiryDays',
    'storageClass',
    'active',
    'updatedAt',
  ],
  indexes: ['sku'],
  additionalProperties: false,
} as const;
