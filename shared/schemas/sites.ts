import { idField, shortTextField, updatedAtField } from './common';
import type { FromSchema } from './json-schema-types';

export const siteKinds = ['hq', 'kitchen', 'store'] as const;
export type SiteKind = (typeof siteKinds)[number];

/** A place that holds stock. Reference data, written by HQ. */
export const siteSchema = {
  title: 'sites',
  description: 'A place that holds stock: HQ, central kitchen or store.',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    code: { type: 'string', maxLength: 32 },
    name: shortTextField,
    nameEn: shortTextField,
    kind: { type: 'string', enum: siteKinds, maxLength: 16 },
    address: shortTextField,
    /** IANA zone used to turn instants into business dates for this site. */
    timeZone: { type: 'string', maxLength: 64 },
    /**
     * v1: the layouts this store's label scales print (shared/ops/scan/scale-barcode.ts: one letter
     * per digit, e.g. `2FPPPPPMMMMMC`), tried in order; absent = the built-in defaults.
     */
    scaleBarcodeLayouts: {
      type: 'array',
      maxItems: 8,
      items: { type: 'string', maxLength: 32, pattern: '^[0-9FPWMC]{8,32}$' },
    },
    active: { type: 'boolean' },
    updatedAt: updatedAtField,
  },
  required: ['id', 'code', 'name', 'kind', 'active', 'updatedAt'],
  additionalProperties: false,
} as const;

export type SiteDoc = FromSchema<typeof siteSchema>;
