import { businessDateField, customValuesField, idField, moneyField, refField, shortTextField, updatedAtField } from './common';
import type { FromSchema } from './json-schema-types';

export const storageClasses = ['ambient', 'chilled', 'frozen'] as const;
export type StorageClass = (typeof storageClasses)[number];

/** A stocked item (商品 / 物料). Reference data, written by HQ. */
export const productSchema = {
  title: 'products',
  description: 'A stocked item with its base unit, packs, barcodes, shelf life and recipe.',
  // v2: pinyin, packs[].barcodes, taxRate, purchasePrice, salePrices (issue 14); additive.
  // v3: updatedBy (who changed it; the endpoint checks their right).
  // v4: custom (values of the custom fields HQ defines; issue 15).
  version: 4,
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
          /** v2: further barcodes of this pack (a case's ITF-14 beside its EAN …); each scan adds `qtyInBase`. */
          barcodes: { type: 'array', items: { type: 'string', maxLength: 64 } },
        },
        required: ['unit', 'qtyInBase'],
        additionalProperties: false,
      },
    },
    barcodes: { type: 'array', items: { type: 'string', maxLength: 64 } },
    /** The id of a node of the category tree (config `product-categories`), e.g. `meat`. */
    category: { type: 'string', maxLength: 64 },
    /** v2: pinyin initials HQ set by hand (a polyphone read another way); absent: computed from `name`. */
    pinyin: { type: 'string', maxLength: 64, pattern: '^[a-z0-9]*$' },
    /** v2: VAT rate as a fraction (0.09 = 9 %). */
    taxRate: { type: 'number', minimum: 0, maximum: 1 },
    /** v2: default purchase price per base unit, proposed on new purchase lines. */
    purchasePrice: { ...moneyField, minimum: 0 },
    /**
     * v2: sale price per base unit by store and date (价目表). An entry without `siteId` holds for
     * every store; the store's own entry wins. The entry in force on a business date is the latest
     * `from` on or before it (DOMAIN.md, Sale prices).
     */
    salePrices: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          siteId: refField,
          price: { ...moneyField, minimum: 0 },
          from: businessDateField,
        },
        required: ['price', 'from'],
        additionalProperties: false,
      },
    },
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
    /**
     * v1: the product as the store's label scales know it: its PLU (货号, matched without leading
     * zeros) and the price per kg programmed with it, which turns an amount-only label into a weight.
     */
    scale: {
      type: 'object',
      properties: {
        plu: { type: 'string', maxLength: 8, pattern: '^\\d{1,8}$' },
        pricePerKg: { type: 'number', exclusiveMinimum: 0 },
      },
      required: ['plu'],
      additionalProperties: false,
    },
    active: { type: 'boolean' },
    /** (v3) The person (personId) signed in at the HQ terminal that made this change (issue 15); the endpoint checks their right. */
    updatedBy: refField,
    /** (v4) Values of HQ's custom fields (config 'custom-fields'), by field id: text, number, date (YYYY-MM-DD) or yes/no. */
    custom: customValuesField,
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
