/**
 * Type-level derivation of document types from `as const` JSON-schema literals, so each schema is
 * written once and its TypeScript type can never drift from it (STYLE.md, "Schema defined once").
 * Covers the subset of JSON Schema our collection schemas use: string/number/integer/boolean,
 * enums, arrays, nested objects with `required`, and free-form objects.
 */

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type RequiredKeys<S> = S extends { readonly required: readonly (infer R)[] } ? R : never;

type FromObject<P, S> = Simplify<
  { -readonly [K in keyof P & RequiredKeys<S>]: FromSchema<P[K]> } & {
    -readonly [K in Exclude<keyof P, RequiredKeys<S>>]?: FromSchema<P[K]>;
  }
>;

/** The TypeScript type of a value valid against JSON schema literal `S`. */
export type FromSchema<S> = S extends { readonly enum: readonly (infer E)[] }
  ? E
  : S extends { readonly type: 'string' }
    ? string
    : S extends { readonly type: 'number' | 'integer' }
      ? number
      : S extends { readonly type: 'boolean' }
        ? boolean
        : S extends { readonly type: 'array'; readonly items: infer I }
          ? FromSchema<I>[]
          : S extends { readonly type: 'object'; readonly properties: infer P }
            ? FromObject<P, S>
            : S extends { readonly type: 'object' }
              ? Record<string, unknown>
              : unknown;

/** Structural shape every collection schema literal satisfies (RxDB's keywords included). */
export interface CollectionSchemaShape {
  readonly version: number;
  readonly primaryKey: 'id';
  readonly type: 'object';
  readonly title?: string;
  readonly description?: string;
  readonly properties: { readonly id: { readonly type: 'string'; readonly maxLength: number } } & Readonly<Record<string, object>>;
  readonly required: readonly string[];
  readonly indexes?: readonly (string | readonly string[])[];
  readonly additionalProperties?: boolean;
}
