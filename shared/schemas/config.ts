import { idField, refField, updatedAtField } from './common';
import type { FromSchema } from './json-schema-types';

export const configKeys = [
  'site-policy',
  'account-mapping',
  'custom-fields',
  'approval-rules',
  'par-levels',
  // v2: the organisation's product category tree (shared/domain/categories.ts reads it).
  'product-categories',
] as const;
export type ConfigKey = (typeof configKeys)[number];

/**
 * Per-site (or, without `siteId`, organisation-wide) settings. `value` is free-form JSON whose
 * shape depends on `key`; shared/domain reads it through typed accessors.
 */
export const configSchema = {
  title: 'config',
  description: 'Per-site policies, account mapping, custom fields, approval rules, par levels.',
  // v1: enums declared open (later versions may add values; readers handle unknown ones).
  // v2: key 'product-categories' (the open enum gains a value).
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    key: { type: 'string', enum: configKeys, maxLength: 32, 'x-open': true },
    siteId: refField,
    value: { type: 'object' },
    updatedAt: updatedAtField,
  },
  required: ['id', 'key', 'value', 'updatedAt'],
  additionalProperties: false,
} as const;

export type ConfigDoc = FromSchema<typeof configSchema>;
