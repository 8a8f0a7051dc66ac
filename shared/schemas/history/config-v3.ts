// Released version 3 of the config schema, as terminals of that release hold it. Frozen:
// never edit (tests/unit/schemas/schema-lock.json fingerprints it); version 4 adds the key 'companies' (legal entities and their sites; issue 17)
// (shared/schemas/config.ts).

export const configV3 = {
  title: 'config',
  description: 'Per-site policies, account mapping, custom fields, approval rules, par levels.',
  version: 3,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: {
      type: 'string',
      maxLength: 64,
    },
    key: {
      type: 'string',
      enum: ['site-policy', 'account-mapping', 'custom-fields', 'approval-rules', 'par-levels', 'product-categories', 'roles'],
      maxLength: 32,
      'x-open': true,
    },
    siteId: {
      type: 'string',
      maxLength: 64,
    },
    value: {
      type: 'object',
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
  required: ['id', 'key', 'value', 'updatedAt'],
  additionalProperties: false,
} as const;
