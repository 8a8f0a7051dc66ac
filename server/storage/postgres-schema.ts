// The PostgreSQL adapter's tables, row shape and connection helpers (postgres.ts holds the
// adapter itself).
import { userInfo } from 'node:os';
import { StorageError } from '../errors.js';
import { parseStoredBody } from '../json.js';
import type { StoredDoc } from './types.js';

/**
 * A document's printed number, read from its stored text for the number index. Not `body::jsonb`:
 * jsonb refuses a \u0000 or a lone surrogate anywhere in the text, and an index expression that
 * fails makes the whole insert fail. JSON.stringify writes keys as `"number":"…"` with no space,
 * and inside a JSON string every quote is escaped, so this matches the key itself; a number that
 * holds a quote or a backslash is not found (its v0 tag then stays in the note, nothing is lost).
 */
export const NUMBER_OF_BODY = String.raw`substring(body from '"number":"([^"\\]*)"')`;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS larder_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS larder_counter (id INT PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO larder_counter (id, value) VALUES (1, 0) ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS larder_sites (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS larder_terminals (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES larder_sites(id), name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TIMESTAMPTZ NOT NULL DEFAULT now(), revoked_at TIMESTAMPTZ);
CREATE TABLE IF NOT EXISTS larder_docs (
  collection TEXT NOT NULL, id TEXT NOT NULL, seq BIGINT NOT NULL UNIQUE,
  site_id TEXT, to_site_id TEXT, deleted BOOLEAN NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (collection, id));
CREATE INDEX IF NOT EXISTS larder_docs_by_collection_seq ON larder_docs (collection, seq);
-- A site's scoped pull: what it wrote and what is addressed to it, each an ordered range.
CREATE INDEX IF NOT EXISTS larder_docs_by_collection_site_seq ON larder_docs (collection, site_id, seq);
CREATE INDEX IF NOT EXISTS larder_docs_by_collection_to_site_seq ON larder_docs (collection, to_site_id, seq);
CREATE INDEX IF NOT EXISTS larder_docs_documents_by_number ON larder_docs ((${NUMBER_OF_BODY})) WHERE collection = 'documents';
`;

export interface DocDbRow {
  collection: string;
  id: string;
  seq: string;
  site_id: string | null;
  to_site_id: string | null;
  deleted: boolean;
  body: string;
}

export function toStored(r: DocDbRow): StoredDoc {
  return {
    collection: r.collection,
    id: r.id,
    seq: Number(r.seq),
    siteId: r.site_id,
    toSiteId: r.to_site_id,
    deleted: r.deleted,
    doc: parseStoredBody(r.body),
  };
}

export const DOC_COLUMNS = 'collection, id, seq, site_id, to_site_id, deleted, body';

/**
 * libpq falls back to the OS user when a URL names none (`postgres://127.0.0.1:5432/test`), but
 * node-postgres only reads $USER, which service managers and test runners often leave unset.
 */
export function withDefaultUser(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    if (u.username !== '' || u.hostname === '') return databaseUrl;
    u.username = encodeURIComponent(process.env.PGUSER || process.env.USER || userInfo().username);
    return u.toString();
  } catch {
    return databaseUrl;
  }
}

/** Identifiers are interpolated into SQL, so only plain names are accepted. */
export function checkSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,50}$/.test(name)) throw new StorageError(`invalid PostgreSQL schema name ${JSON.stringify(name)}`);
  return name;
}
