// Released version 4 of the partners schema, as terminals of that release hold it. Frozen:
// never edit (tests/unit/schemas/schema-lock.json fingerprints it); version 5 adds `prices` (a customer's agreed prices, 协议价; issue 17)
// (shared/schemas/partners.ts).

export const partnersV4 = {
  title: 'partners',
  description: 'A supplier or customer.',
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: {
      type: 'string',
      maxLength: 64,
    },
    kind: {
      type: 'string',
      enum: ['supplier', 'customer', 'both'],
      maxLength: 16,
    },
    code: {
      type: 'string',
      maxLength: 32,
    },
    name: {
      type: 'string',
      maxLength: 200,
    },
    nameEn: {
      type: 'string',
      maxLength: 200,
    },
    contact: {
      type: 'string',
      maxLength: 200,
    },
    phone: {
      type: 'string',
      maxLength: 32,
    },
    taxId: {
      type: 'string',
      maxLength: 32,
    },
    creditLimit: {
      type: 'number',
      minimum: 0,
    },
    paymentTermsDays: {
      type: 'integer',
      minimum: 0,
      maximum: 365,
    },
    address: {
      type: 'string',
      maxLength: 200,
    },
    email: {
      type: 'string',
      maxLength: 120,
    },
    active: {
      type: 'boolean',
    },
    updatedBy: {
      type: 'string',
      maxLength: 64,
    },
    custom: {
      type: 'object',
    },
    updatedAt: {
      type: 'string',
      maxLength: 40,
    },
  },
  required: ['id', 'kind', 'code', 'name', 'active', 'updatedAt'],
  additionalProperties: false,
} as const;
