/**
 * Field fragments shared by the collection schemas. Every fragment is an `as const` literal so
 * the derived document types stay exact.
 */

/** Client-generated UUIDs (and deterministic posting ids) all fit in 64 characters. */
export const idField = { type: 'string', maxLength: 64 } as const;

/** A reference to another document's id; same bounds as `idField` so it can be indexed. */
export const refField = { type: 'string', maxLength: 64 } as const;

/** Business date `YYYY-MM-DD`; maxLength lets it be indexed. */
export const businessDateField = {
  type: 'string',
  maxLength: 10,
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
} as const;

/**
 * Full ISO-8601 instant. For display and business time only: ordering between terminals is
 * by server sequence, never by these clocks (SYNC-PROTOCOL.md).
 */
export const instantField = { type: 'string', maxLength: 40 } as const;

/** Quantity in the product's base unit (signed for movements). */
export const quantityField = { type: 'number' } as const;

/** Money amount in the site's currency (yuan), kept to cents by the domain rules. */
export const moneyField = { type: 'number' } as const;

export const shortTextField = { type: 'string', maxLength: 200 } as const;
export const longTextField = { type: 'string', maxLength: 2000 } as const;

/** Content hash (hex sha-256) of a blob uploaded beside sync (SYNC-PROTOCOL.md, Files). */
export const fileHashListField = {
  type: 'array',
  items: { type: 'string', maxLength: 64 },
} as const;

/** Display-only modification time; every document carries it. */
export const updatedAtField = instantField;

/**
 * Values of the custom fields HQ defines (config 'custom-fields', issue 15), keyed by field id:
 * a string (text, choice, or a date as YYYY-MM-DD), a number or a boolean. The fields are data, so
 * adding one needs no schema change; shared/domain/custom-fields.ts checks the values.
 */
export const customValuesField = { type: 'object' } as const;
