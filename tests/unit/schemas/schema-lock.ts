import { createHash } from 'node:crypto';

/**
 * The schema lock: for each collection, the version and a fingerprint of its schema. A schema
 * whose content changed while its version did not is a break for terminals that keep syncing
 * old documents for weeks (STYLE.md: versions move forward only).
 */
export interface SchemaLockEntry {
  version: number;
  fingerprint: string;
}
export type SchemaLock = Record<string, SchemaLockEntry>;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Fingerprint of everything but the version itself (and the `ignore`d keys). */
export function schemaFingerprint(schema: { version: number }, ignore: readonly string[] = []): string {
  const { version: _version, ...rest } = schema;
  const kept = Object.fromEntries(Object.entries(rest).filter(([key]) => !ignore.includes(key)));
  return createHash('sha256').update(canonicalJson(kept)).digest('hex').slice(0, 16);
}

/**
 * Problems between the current schemas and the recorded lock; empty when they agree. The wire
 * lock ignores `indexes` (how a terminal stores a collection is not the document's shape); the
 * storage lock of the terminal's RxDB schemas does not.
 */
export function checkSchemaLock(schemas: Record<string, { version: number }>, lock: SchemaLock, ignore: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(schemas)) {
    const recorded = lock[name];
    const fingerprint = schemaFingerprint(schema, ignore);
    if (!recorded) {
      problems.push(`${name}: not in the schema lock; add {version: ${schema.version}, fingerprint: '${fingerprint}'}`);
      continue;
    }
    if (schema.version < recorded.version) {
      problems.push(`${name}: version went back from ${recorded.version} to ${schema.version}`);
    } else if (schema.version === recorded.version && fingerprint !== recorded.fingerprint) {
      problems.push(`${name}: schema changed without a version bump (still ${schema.version}); bump it and add a migration strategy`);
    } else if (schema.version > recorded.version) {
      problems.push(
        `${name}: version bumped to ${schema.version}; record {version: ${schema.version}, fingerprint: '${fingerprint}'} in the lock`,
      );
    }
  }
  return problems;
}
