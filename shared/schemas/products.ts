import { idField, refField, shortTextField, updatedAtField } from './common';
import type { FromSchema } from './json-schema-types';

export const storageClasses = ['ambient', 'chilled', 'frozen'] as const;
export type StorageClass = (typeof storageClasses)[number];

/** A stocked item (商品 / 物料). Reference data, written by HQ. */
export const productSchema = {
  title: 'products',
  description: 'A stocked item with its base unit, packs, barcodes, shelf life and recipe.',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    sku: { type: 'string', maxLength: 64 },
    name: shortTextField,
    nameEn: shortTextField,
    /** Every quantity in the ledger is in this unit (g, kg, 个, 箱 …). */
    baseUnit: { type: 'string', maxLength: 16 },
    /** Pack conversions: one `unit` holds `qtyInBase` base units. */
    packs: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          unit: { type: 'string', maxLength: 16 },
          qtyInBase: { type: 'number', exclusiveMinimum: 0 },
          barcode: { type: 'string', maxLength: 64 },
        },
        required: ['unit', 'qtyInBase'],
        additionalProperties: false,
      },
    },
    barcodes: { type: 'array', items: { type: 'string', maxLength: 64 } },
    category: { type: 'string', maxLength: 64 },
    /** Perishable products are picked FEFO, the others FIFO (DOMAIN.md). */
    perishable: { type: 'boolean' },
    shelfLifeDays: { type: 'integer', minimum: 0 },
    /** Extra hours on top of `shelfLifeDays` for short-lived prepared food. */
    shelfLifeHours: { type: 'integer', minimum: 0 },
    /** Near-expiry (临期) warning window in days before expiry. */
    nearExpiryDays: { type: 'integer', minimum: 0 },
    storageClass: { type: 'string', enum: storageClasses, maxLength: 16 },
    /** Bill of materials (配方): `lines` make `outputQty` base units of this product. */
    recipe: {
      type: 'object',
      properties: {
        outputQty: { type: 'number', exclusiveMinimum: 0 },
        lines: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              productId: refField,
              qty: { type: 'number', exclusiveMinimum: 0 },
            },
            required: ['productId', 'qty'],
            additionalProperties: false,
          },
        },
      },
      required: ['outputQty', 'lines'],
      additionalProperties: false,
    },
    active: { type: 'boolean' },
    updatedAt: updatedAtField,
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

export type ProductDoc = FromSchema<typeof productSchema>;
export type RecipeLine = NonNullable<ProductDoc['recipe']>['lines'][number];
