import { businessDateField, customValuesField, idField, moneyField, refField, shortTextField, updatedAtField } from './common';
import type { FromSchema } from './json-schema-types';

export const partnerKinds = ['supplier', 'customer', 'both'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** Suppliers and customers. Reference data, written by HQ. */
export const partnerSchema = {
  title: 'partners',
  description: 'A supplier or customer.',
  // v1: paymentTermsDays, address, email (issue 14); additive.
  // v2: updatedBy (who changed it; the endpoint checks their right).
  // v3: custom (values of the custom fields HQ defines; issue 15).
  // v4: creditLimit (how much a customer may owe before a sale on account waits; issue 17).
  // v5: prices (a customer's agreed prices, 协议价: a franchise's or wholesale customer's; issue 17).
  version: 5,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    kind: { type: 'string', enum: partnerKinds, maxLength: 16 },
    code: { type: 'string', maxLength: 32 },
    name: shortTextField,
    nameEn: shortTextField,
    contact: shortTextField,
    phone: { type: 'string', maxLength: 32 },
    taxId: { type: 'string', maxLength: 32 },
    /** (v4) A customer's credit limit (信用额度) in yuan: a sale on account past it waits for the approval rule's role. */
    creditLimit: { type: 'number', minimum: 0 },
    /**
     * (v5) A customer's agreed prices (协议价), tax-inclusive per base unit, each from a business
     * date on; its orders and sales on account take them before the site's price list
     * (shared/domain/prices.ts).
     */
    prices: {
      type: 'array',
      maxItems: 5000,
      items: {
        type: 'object',
        properties: {
          productId: refField,
          price: { ...moneyField, minimum: 0 },
          from: businessDateField,
        },
        required: ['productId', 'price', 'from'],
        additionalProperties: false,
      },
    },
    /** v1: days after the invoice (账期) the partner pays or is paid; 0 = on delivery. */
    paymentTermsDays: { type: 'integer', minimum: 0, maximum: 365 },
    /** v1 */
    address: shortTextField,
    /** v1 */
    email: { type: 'string', maxLength: 120 },
    active: { type: 'boolean' },
    /** (v2) The person (personId) signed in at the HQ terminal that made this change (issue 15); the endpoint checks their right. */
    updatedBy: refField,
    /** (v3) Values of HQ's custom fields (config 'custom-fields'), by field id. */
    custom: customValuesField,
    updatedAt: updatedAtField,
  },
  required: ['id', 'kind', 'code', 'name', 'active', 'updatedAt'],
  additionalProperties: false,
} as const;

export type PartnerDoc = FromSchema<typeof partnerSchema>;
