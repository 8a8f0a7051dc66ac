// Released version 1 of the config schema (enums declared open), as terminals of that release hold it.
// Frozen: never edit (tests/unit/schemas/schema-lock.json fingerprints it); version 2 adds the
// 'product-categories' key (shared/schemas/config.ts).

export const configV1 = {
  title: 'config',
  description: 'Per-site policies, account mapping, custom fields, approval rules, par levels.',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: {
      type: 'string',
      maxLength: 64,
    },
    key: {
      type: 'string',
      enum: ['site-policy', 'account-mapping', 'custom-fields', 'approval-rules', 'par-levels'],
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
