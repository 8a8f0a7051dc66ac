// Reading and writing the schema-version headers (SYNC-PROTOCOL.md, Schema evolution).
import { collectionNames, type CollectionName } from '../schemas';

/** `x-schema-version: <n>`: a non-negative integer, or null when absent or malformed. */
export function parseSchemaVersion(header: string | readonly string[] | undefined): number | null | 'malformed' {
  if (header === undefined) return null;
  const text = (typeof header === 'string' ? header : header.join(',')).trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : 'malformed';
}

/** `x-schema-versions: documents=1,movements=0` → per collection; unknown names are ignored. */
export function parseSchemaVersions(header: string | readonly string[] | undefined): Partial<Record<CollectionName, number>> | 'malformed' {
  if (header === undefined) return {};
  const text = typeof header === 'string' ? header : header.join(',');
  const out: Partial<Record<CollectionName, number>> = {};
  for (const part of text.split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const match = /^([a-z][a-z0-9-]{0,40})=(\d{1,9})$/.exec(trimmed);
    if (!match) return 'malformed';
    if ((collectionNames as readonly string[]).includes(match[1]!)) out[match[1] as CollectionName] = Number(match[2]);
  }
  return out;
}

export function formatSchemaVersions(versions: Partial<Record<CollectionName, number>>): string {
  return Object.entries(versions)
    .map(([name, version]) => `${name}=${version}`)
    .join(',');
}
