import type Database from 'better-sqlite3';

const TABLES = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terminals (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES sites(id), name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
`;

/**
 * Documents keyed by their sequence as the rowid: the sequence is stored once, not as a column
 * beside a rowid with a unique index of its own, and every index below is ordered by it without
 * holding it (an index entry ends with the rowid).
 */
const DOCS_TABLE = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  seq INTEGER PRIMARY KEY, collection TEXT NOT NULL, id TEXT NOT NULL,
  site_id TEXT, to_site_id TEXT, deleted INTEGER NOT NULL, body TEXT NOT NULL,
  UNIQUE (collection, id));
`;

const INDEXES = `
CREATE INDEX IF NOT EXISTS docs_by_collection ON docs (collection);
-- A scoped pull reads a site's rows and the rows addressed to it, each an index range from the
-- checkpoint: a store with nothing readable among a million rows costs two index probes.
CREATE INDEX IF NOT EXISTS docs_by_site ON docs (collection, site_id);
CREATE INDEX IF NOT EXISTS docs_by_addressee ON docs (collection, to_site_id) WHERE to_site_id IS NOT NULL;
-- v0 terminals name store requests by number (SYNC-PROTOCOL.md, Schema evolution): looked up on their pushes.
CREATE INDEX IF NOT EXISTS docs_documents_by_number ON docs (json_extract(body, '$.number')) WHERE collection = 'documents';
`;

/**
 * Creates the tables, or brings a database of an earlier layout to this one: documents stored
 * with the sequence as a column beside the rowid (before issue 19) are copied once, in sequence
 * order, into the rowid-keyed table, in one transaction, so a crash leaves the old table whole.
 */
export function migrateSqliteSchema(db: Database.Database): void {
  db.exec(TABLES);
  const docs = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'docs'").get() as { sql: string } | undefined;
  if (!docs) db.exec(DOCS_TABLE('docs'));
  else if (!/seq INTEGER PRIMARY KEY/.test(docs.sql)) {
    db.transaction(() => {
      db.exec(DOCS_TABLE('docs_by_seq'));
      db.exec(
        `INSERT INTO docs_by_seq (seq, collection, id, site_id, to_site_id, deleted, body)
         SELECT seq, collection, id, site_id, to_site_id, deleted, body FROM docs ORDER BY seq`,
      );
      db.exec('DROP TABLE docs');
      db.exec('ALTER TABLE docs_by_seq RENAME TO docs');
    }).immediate();
  }
  db.exec(INDEXES);
}
