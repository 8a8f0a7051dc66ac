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
  // v3: custom roles HQ defines from the permission list (shared/domain/people/roles.ts).
  'roles',
  // v4: the organisation's companies (legal entities) and which sites each holds (shared/domain/companies.ts).
  'companies',
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
  // v3: key 'roles'; updatedBy (who changed it; the endpoint checks their right).
  // v4: key 'companies' (issue 17).
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    key: { type: 'string', enum: configKeys, maxLength: 32, 'x-open': true },
    siteId: refField,
    value: { type: 'object' },
    /** (v3) The person (personId) signed in at the HQ terminal that made this change (issue 15); the endpoint checks their right. */
    updatedBy: refField,
    updatedAt: updatedAtField,
  },
  required: ['id', 'key', 'value', 'updatedAt'],
  additionalProperties: false,
} as const;

export type ConfigDoc = FromSchema<typeof configSchema>;
