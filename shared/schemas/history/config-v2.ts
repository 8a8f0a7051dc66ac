// Released version 2 of the config schema, as terminals of that release hold it. Frozen:
// never edit (tests/unit/schemas/schema-lock.json fingerprints it); version 3 adds `updatedBy` and key 'roles' (issue 15)
// (shared/schemas/config.ts).

export const configV2 = {
  title: 'config',
  description: 'Per-site policies, account mapping, custom fields, approval rules, par levels.',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: {
      type: 'string',
      maxLength: 64,
    },
    key: {
      type: 'string',
      enum: ['site-policy', 'account-mapping', 'custom-fields', 'approval-rules', 'par-levels', 'product-categories'],
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
    updatedAt: {
      type: 'string',
      maxLength: 40,
    },
  },
  required: ['id', 'key', 'value', 'updatedAt'],
  additionalProperties: false,
} as const;
