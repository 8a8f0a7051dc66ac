// Released version 3 of the products schema, as terminals of that release hold it. Frozen:
// never edit (tests/unit/schemas/schema-lock.json fingerprints it); version 4 adds `custom` (values of the custom fields HQ defines; issue 15)
// (shared/schemas/products.ts).

export const productsV3 = {
  title: 'products',
  description: 'A stocked item with its base unit, packs, barcodes, shelf life and recipe.',
  version: 3,
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
          barcodes: {
            type: 'array',
            items: {
              type: 'string',
              maxLength: 64,
            },
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
    pinyin: {
      type: 'string',
      maxLength: 64,
      pattern: '^[a-z0-9]*$',
    },
    taxRate: {
      type: 'number',
      minimum: 0,
      maximum: 1,
    },
    purchasePrice: {
      type: 'number',
      minimum: 0,
    },
    salePrices: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          siteId: {
            type: 'string',
            maxLength: 64,
          },
          price: {
            type: 'number',
            minimum: 0,
          },
          from: {
            type: 'string',
            maxLength: 10,
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          },
        },
        required: ['price', 'from'],
        additionalProperties: false,
      },
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
    updatedBy: {
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
