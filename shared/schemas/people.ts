import { idField, refField, shortTextField, updatedAtField } from './common';
import type { FromSchema } from './json-schema-types';

/**
 * A person's account at one site (员工账号): who may sign in at that site's terminals, with which
 * roles, and the salted slow hash of their PIN. A person who works at two sites has two accounts
 * (same `personId`, each with its own roles there). Written by HQ; read by HQ and by the terminals
 * of the account's own site only, so a PIN hash reaches no other site (server/scope.ts).
 * The id is derived from person and site (shared/domain/people/accounts.ts), so the endpoint finds
 * the account an operator signs with without searching.
 */
export const personSchema = {
  title: 'people',
  description: "A person's account at one site: name, roles, PIN hash, active.",
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    /** The same for every account of one person: what documents name as their operator. */
    personId: refField,
    siteId: refField,
    name: shortTextField,
    nameEn: shortTextField,
    /** Staff number printed on badges (工号); unique in the organisation. */
    code: { type: 'string', maxLength: 32 },
    /** Built-in role codes or ids of HQ's custom roles (config 'roles'). */
    roles: { type: 'array', maxItems: 16, items: { type: 'string', maxLength: 64 } },
    /**
     * `scrypt$<N>$<r>$<p>$<salt hex>$<hash hex>` (shared/domain/people/pin.ts); absent when no PIN
     * is set, and cleared when the account leaves a site.
     */
    pinHash: { type: 'string', maxLength: 200 },
    active: { type: 'boolean' },
    updatedBy: refField,
    updatedAt: updatedAtField,
  },
  required: ['id', 'personId', 'siteId', 'name', 'roles', 'active', 'updatedAt'],
  additionalProperties: false,
} as const;

export type PersonDoc = FromSchema<typeof personSchema>;
