// The PostgreSQL adapter's files: blobs in a table beside their uploaders, and the file index
// (which documents name which file), kept in the same transaction as the documents it describes
// (SYNC-PROTOCOL.md v1.1, Files).
import type pg from 'pg';
import { QuotaError } from '../errors.js';
import { fileReferences } from '../file-references.js';
import { parseStoredBody } from '../json.js';
import type { FileRow } from './types.js';

export const FILES_SCHEMA = `
CREATE TABLE IF NOT EXISTS larder_files (hash TEXT PRIMARY KEY, content_type TEXT NOT NULL, size INT NOT NULL, bytes BYTEA NOT NULL);
-- Epoch ms since which no document names the file; NULL while one does.
ALTER TABLE larder_files ADD COLUMN IF NOT EXISTS orphaned_at BIGINT;
CREATE TABLE IF NOT EXISTS larder_file_sites (hash TEXT NOT NULL, site_id TEXT NOT NULL, PRIMARY KEY (hash, site_id));
CREATE INDEX IF NOT EXISTS larder_file_sites_by_site ON larder_file_sites (site_id);
-- grants: named in a field the document's schema declares a file reference (it grants access).
CREATE TABLE IF NOT EXISTS larder_file_refs (
  hash TEXT NOT NULL, collection TEXT NOT NULL, doc_id TEXT NOT NULL, grants BOOLEAN NOT NULL,
  PRIMARY KEY (hash, collection, doc_id));
CREATE INDEX IF NOT EXISTS larder_file_refs_by_doc ON larder_file_refs (collection, doc_id);
`;

/** Bumped when what the index holds changes, so opening a database rebuilds it. */
const INDEX_VERSION = '1';
const BUILD_PAGE = 2000;

async function insertRefs(c: pg.ClientBase, rows: { hash: string; collection: string; docId: string; grants: boolean }[]): Promise<void> {
  if (rows.length === 0) return;
  await c.query(
    `INSERT INTO larder_file_refs (hash, collection, doc_id, grants)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[])
     ON CONFLICT (hash, collection, doc_id) DO UPDATE SET grants = excluded.grants`,
    [rows.map((r) => r.hash), rows.map((r) => r.collection), rows.map((r) => r.docId), rows.map((r) => r.grants)],
  );
}

/** Run inside the migration transaction (under its advisory lock): builds the index from every stored document once. */
export async function migrateFiles(c: pg.ClientBase): Promise<void> {
  await c.query(FILES_SCHEMA);
  const built = await c.query<{ value: string }>("SELECT value FROM larder_meta WHERE key = 'fileRefs'");
  if (built.rows[0]?.value === INDEX_VERSION) return;
  await c.query('DELETE FROM larder_file_refs');
  for (let after = -1; ;) {
    const page = await c.query<{ collection: string; id: string; seq: string; deleted: boolean; body: string }>(
      'SELECT collection, id, seq, deleted, body FROM larder_docs WHERE seq > $1 ORDER BY seq LIMIT $2',
      [after, BUILD_PAGE],
    );
    const refs = page.rows.flatMap((d) =>
      d.deleted ? [] : fileReferences(d.collection, parseStoredBody(d.body)).map((r) => ({ ...r, collection: d.collection, docId: d.id })),
    );
    await insertRefs(c, refs);
    if (page.rows.length < BUILD_PAGE) break;
    after = Number(page.rows.at(-1)!.seq);
  }
  await c.query('UPDATE larder_files SET orphaned_at = NULL WHERE hash IN (SELECT hash FROM larder_file_refs)');
  // Files nothing names get the whole grace period from now, not from their upload.
  await c.query(
    'UPDATE larder_files f SET orphaned_at = $1 WHERE orphaned_at IS NULL AND NOT EXISTS (SELECT 1 FROM larder_file_refs r WHERE r.hash = f.hash)',
    [Date.now()],
  );
  await c.query("INSERT INTO larder_meta (key, value) VALUES ('fileRefs', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [
    INDEX_VERSION,
  ]);
}

/** Must run inside the transaction that writes these documents; `existing`, when known, are the ids stored before. */
export async function indexDocs(
  c: pg.ClientBase,
  collection: string,
  docs: readonly { id: string; deleted: boolean; doc: Readonly<Record<string, unknown>> }[],
  existing?: ReadonlySet<string>,
): Promise<void> {
  // A document stored for the first time has no references to drop: a push of new rows skips a round trip.
  const replaced = existing ? docs.filter((d) => existing.has(d.id)) : docs;
  const old =
    replaced.length === 0
      ? { rows: [] as { hash: string }[] }
      : await c.query<{ hash: string }>('DELETE FROM larder_file_refs WHERE collection = $1 AND doc_id = ANY($2) RETURNING hash', [
          collection,
          replaced.map((d) => d.id),
        ]);
  const refs = docs.flatMap((d) => (d.deleted ? [] : fileReferences(collection, d.doc).map((r) => ({ ...r, collection, docId: d.id }))));
  await insertRefs(c, refs);
  const named = [...new Set(refs.map((r) => r.hash))];
  const dropped = [...new Set(old.rows.map((r) => r.hash))].filter((h) => !named.includes(h));
  if (named.length > 0)
    await c.query('UPDATE larder_files SET orphaned_at = NULL WHERE hash = ANY($1) AND orphaned_at IS NOT NULL', [named]);
  if (dropped.length > 0)
    await c.query(
      `UPDATE larder_files f SET orphaned_at = $2 WHERE hash = ANY($1) AND orphaned_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM larder_file_refs r WHERE r.hash = f.hash)`,
      [dropped, Date.now()],
    );
}

/** Within a transaction: a per-site advisory lock makes the quota check and the insert one step. */
export async function putFile(c: pg.ClientBase, file: FileRow, bytes: Buffer, siteId: string, quotaBytes: number): Promise<void> {
  await c.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':larder-files:' || $1))", [siteId]);
  const held = await c.query(
    'SELECT 1 FROM larder_file_sites s JOIN larder_files f ON f.hash = s.hash WHERE s.hash = $1 AND s.site_id = $2',
    [file.hash, siteId],
  );
  if ((held.rowCount ?? 0) === 0) {
    const used = await c.query<{ used: string }>(
      'SELECT COALESCE(SUM(f.size), 0) AS used FROM larder_file_sites s JOIN larder_files f ON f.hash = s.hash WHERE s.site_id = $1',
      [siteId],
    );
    const usedBytes = Number(used.rows[0]?.used ?? 0);
    if (usedBytes + file.size > quotaBytes) throw new QuotaError(siteId, usedBytes, quotaBytes);
  }
  // Uploading again restarts the grace period of a file nothing names yet.
  await c.query(
    `INSERT INTO larder_files (hash, content_type, size, bytes, orphaned_at)
     VALUES ($1, $2, $3, $4, CASE WHEN EXISTS (SELECT 1 FROM larder_file_refs WHERE hash = $1) THEN NULL ELSE $5::bigint END)
     ON CONFLICT (hash) DO UPDATE SET orphaned_at = excluded.orphaned_at`,
    [file.hash, file.contentType, file.size, bytes, Date.now()],
  );
  await c.query('INSERT INTO larder_file_sites (hash, site_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [file.hash, siteId]);
}

export async function getFile(db: pg.Pool, hash: string): Promise<(FileRow & { siteIds: string[] }) | null> {
  const r = await db.query<{ hash: string; content_type: string; size: number }>(
    'SELECT hash, content_type, size FROM larder_files WHERE hash = $1',
    [hash],
  );
  const row = r.rows[0];
  if (!row) return null;
  const s = await db.query<{ site_id: string }>('SELECT site_id FROM larder_file_sites WHERE hash = $1', [hash]);
  return { hash: row.hash, contentType: row.content_type, size: row.size, siteIds: s.rows.map((x) => x.site_id) };
}

export async function readFileBytes(db: pg.Pool, hash: string): Promise<Buffer | null> {
  const r = await db.query<{ bytes: Buffer }>('SELECT bytes FROM larder_files WHERE hash = $1', [hash]);
  return r.rows[0]?.bytes ?? null;
}

export async function fileGrantedByDocument(db: pg.Pool, hash: string, siteId: string, transactional: readonly string[]): Promise<boolean> {
  const r = await db.query(
    `SELECT 1 FROM larder_file_refs r JOIN larder_docs d ON d.collection = r.collection AND d.id = r.doc_id
     WHERE r.hash = $1 AND r.grants AND (d.site_id IS NULL OR d.site_id <> $2)
       AND (NOT (d.collection = ANY($3)) OR d.site_id = $2 OR d.to_site_id = $2)
     LIMIT 1`,
    [hash, siteId, transactional],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function sweepFiles(c: pg.ClientBase, cutoffMs: number): Promise<number> {
  const gone = await c.query<{ hash: string }>(
    `DELETE FROM larder_files f WHERE orphaned_at IS NOT NULL AND orphaned_at < $1
       AND NOT EXISTS (SELECT 1 FROM larder_file_refs r WHERE r.hash = f.hash) RETURNING hash`,
    [cutoffMs],
  );
  if (gone.rows.length > 0) await c.query('DELETE FROM larder_file_sites WHERE hash = ANY($1)', [gone.rows.map((r) => r.hash)]);
  return gone.rows.length;
}
