import { createHash } from 'node:crypto';

/**
 * The schema locks. The wire lock holds a fingerprint of every released version of every
 * collection schema (shared/schemas/versions.ts): a released version never changes, because
 * terminals keep syncing its documents for weeks. The storage lock holds, per collection, the
 * local version and fingerprint of the terminal's RxDB schema: a change needs a new local version
 * and a migration strategy (renderer/db/migrations.ts).
 */
export interface SchemaLockEntry {
  version: number;
  fingerprint: string;
}
export type SchemaLock = Record<string, SchemaLockEntry>;
/** Collection → version → fingerprint. */
export type WireLock = Record<string, Record<string, string>>;

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

/** Wire lock problems: every version of every history recorded, none changed since. Indexes are not the wire's. */
export function checkWireLock(history: Record<string, readonly { version: number }[]>, lock: WireLock): string[] {
  const problems: string[] = [];
  for (const [name, versions] of Object.entries(history)) {
    versions.forEach((schema, index) => {
      if (schema.version !== index) problems.push(`${name}: history entry ${index} says version ${schema.version}`);
      const fingerprint = schemaFingerprint(schema, ['indexes']);
      const recorded = lock[name]?.[String(index)];
      if (!recorded)
        problems.push(`${name} v${index}: not in the wire lock; once released it is frozen — record "${index}": "${fingerprint}"`);
      else if (recorded !== fingerprint)
        problems.push(`${name} v${index}: changed after release; leave v${index} as it was and add version ${versions.length} instead`);
    });
    const recordedVersions = Object.keys(lock[name] ?? {}).map(Number);
    for (const v of recordedVersions)
      if (v >= versions.length) problems.push(`${name} v${v}: released but missing from the history; released versions stay importable`);
  }
  return problems;
}

/** Storage lock problems: a local schema changed without a new local version, or a version went back. */
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
