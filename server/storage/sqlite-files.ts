// The SQLite adapter's files: blobs on disk under their hash, rows for their type, size and
// uploaders, and the file index (which documents name which file), kept in the same transaction
// as the documents it describes (SYNC-PROTOCOL.md v1.1, Files).
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { QuotaError } from '../errors.js';
import { fileReferences } from '../file-references.js';
import { parseStoredBody } from '../json.js';
import type { FileRow } from './types.js';
import { preparedStatements } from './sqlite-statements.js';

export const FILES_SCHEMA = `
CREATE TABLE IF NOT EXISTS files (hash TEXT PRIMARY KEY, content_type TEXT NOT NULL, size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS file_sites (hash TEXT NOT NULL, site_id TEXT NOT NULL, PRIMARY KEY (hash, site_id));
CREATE INDEX IF NOT EXISTS file_sites_by_site ON file_sites (site_id);
-- grants = 1: named in a field the document's schema declares a file reference (it grants access).
CREATE TABLE IF NOT EXISTS file_refs (
  hash TEXT NOT NULL, collection TEXT NOT NULL, doc_id TEXT NOT NULL, grants INTEGER NOT NULL,
  PRIMARY KEY (hash, collection, doc_id));
CREATE INDEX IF NOT EXISTS file_refs_by_doc ON file_refs (collection, doc_id);
`;

/** Bumped when what the index holds changes, so opening a database rebuilds it. */
const INDEX_VERSION = '1';

/** How a blob's bytes reach the disk: written and synced. Async: a 20 MiB write must not stall every other request. */
export type BlobWriter = (path: string, bytes: Buffer) => Promise<void>;

export const writeBlob: BlobWriter = async (path, bytes) => {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
};

export class SqliteFiles {
  /** The statements every push runs (indexDocs), prepared once. */
  private readonly statement: (sql: string) => Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly dir: string,
    /** A test replaces it to fill the disk under an upload. */
    private readonly write: BlobWriter = writeBlob,
    statement = preparedStatements(db),
  ) {
    this.statement = statement;
    mkdirSync(dir, { recursive: true });
  }

  /** Adds what older databases lack and builds the index from every stored document once. */
  migrate(): void {
    this.db.exec(FILES_SCHEMA);
    const columns = this.db.prepare('PRAGMA table_info(files)').all() as { name: string }[];
    // Epoch ms since which no document names the file; NULL while one does.
    if (!columns.some((c) => c.name === 'orphaned_at')) this.db.exec('ALTER TABLE files ADD COLUMN orphaned_at INTEGER');
    const built = this.db.prepare("SELECT value FROM meta WHERE key = 'fileRefs'").get() as { value: string } | undefined;
    if (built?.value === INDEX_VERSION) return;
    this.db
      .transaction(() => {
        this.db.exec('DELETE FROM file_refs');
        const insert = this.db.prepare('INSERT OR REPLACE INTO file_refs (hash, collection, doc_id, grants) VALUES (?, ?, ?, ?)');
        // In pages: better-sqlite3 cannot write while a statement is still iterating.
        const page = this.db.prepare('SELECT collection, id, seq, deleted, body FROM docs WHERE seq > ? ORDER BY seq LIMIT 2000');
        for (let after = -1; ;) {
          const docs = page.all(after) as { collection: string; id: string; seq: number; deleted: number; body: string }[];
          for (const d of docs)
            for (const ref of d.deleted === 1 ? [] : fileReferences(d.collection, parseStoredBody(d.body)))
              insert.run(ref.hash, d.collection, d.id, ref.grants ? 1 : 0);
          if (docs.length < 2000) break;
          after = docs.at(-1)!.seq;
        }
        this.db.prepare('UPDATE files SET orphaned_at = NULL WHERE hash IN (SELECT hash FROM file_refs)').run();
        // Files nothing names get the whole grace period from now, not from their upload.
        this.db
          .prepare('UPDATE files SET orphaned_at = ? WHERE orphaned_at IS NULL AND hash NOT IN (SELECT hash FROM file_refs)')
          .run(Date.now());
        this.db
          .prepare("INSERT INTO meta (key, value) VALUES ('fileRefs', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
          .run(INDEX_VERSION);
      })
      .immediate();
  }

  /** Must run inside the transaction that writes these documents. */
  indexDocs(collection: string, docs: readonly { id: string; deleted: boolean; doc: Readonly<Record<string, unknown>> }[]): void {
    const old = this.statement('DELETE FROM file_refs WHERE collection = ? AND doc_id = ? RETURNING hash');
    const insert = this.statement('INSERT OR REPLACE INTO file_refs (hash, collection, doc_id, grants) VALUES (?, ?, ?, ?)');
    const dropped = new Set<string>();
    const named = new Set<string>();
    for (const d of docs) {
      for (const r of old.all(collection, d.id) as { hash: string }[]) dropped.add(r.hash);
      for (const ref of d.deleted ? [] : fileReferences(collection, d.doc)) {
        insert.run(ref.hash, collection, d.id, ref.grants ? 1 : 0);
        named.add(ref.hash);
      }
    }
    const now = Date.now();
    const unorphan = this.statement('UPDATE files SET orphaned_at = NULL WHERE hash = ? AND orphaned_at IS NOT NULL');
    for (const hash of named) unorphan.run(hash);
    const orphan = this.statement(
      'UPDATE files SET orphaned_at = ? WHERE hash = ? AND orphaned_at IS NULL AND NOT EXISTS (SELECT 1 FROM file_refs WHERE hash = ?)',
    );
    for (const hash of dropped) if (!named.has(hash)) orphan.run(now, hash, hash);
  }

  async put(file: FileRow, bytes: Buffer, siteId: string, quotaBytes: number): Promise<void> {
    const path = join(this.dir, file.hash);
    let tmp: string | null = null;
    try {
      if (!existsSync(path)) {
        // Written and synced before the row exists, then renamed under the row's transaction, so a
        // crash never leaves a half file under a valid hash. A failed write (a full disk) is
        // removed below like any other failure: nothing is left to fill the disk further.
        tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
        await this.write(tmp, bytes);
      }
      this.db
        .transaction(() => {
          const held = this.db.prepare('SELECT 1 FROM file_sites WHERE hash = ? AND site_id = ?').get(file.hash, siteId);
          const row = this.db.prepare('SELECT 1 FROM files WHERE hash = ?').get(file.hash);
          if (!held || !row) {
            const used = this.usedBytes(siteId);
            if (used + file.size > quotaBytes) throw new QuotaError(siteId, used, quotaBytes);
          }
          // Synchronous inside the transaction: a sweep (same process, same thread) cannot run between.
          if (!existsSync(path)) {
            if (tmp === null) throw new Error(`file ${file.hash} vanished while being stored`);
            renameSync(tmp, path);
            tmp = null;
          }
          const named = this.db.prepare('SELECT 1 FROM file_refs WHERE hash = ? LIMIT 1').get(file.hash) !== undefined;
          // Uploading again restarts the grace period of a file nothing names yet.
          this.db
            .prepare(
              `INSERT INTO files (hash, content_type, size, orphaned_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (hash) DO UPDATE SET orphaned_at = excluded.orphaned_at`,
            )
            .run(file.hash, file.contentType, file.size, named ? null : Date.now());
          this.db.prepare('INSERT OR IGNORE INTO file_sites (hash, site_id) VALUES (?, ?)').run(file.hash, siteId);
        })
        .immediate();
    } finally {
      if (tmp !== null) await unlink(tmp).catch(() => undefined);
    }
  }

  private usedBytes(siteId: string): number {
    const row = this.db
      .prepare('SELECT COALESCE(SUM(f.size), 0) AS used FROM file_sites s JOIN files f ON f.hash = s.hash WHERE s.site_id = ?')
      .get(siteId) as { used: number };
    return row.used;
  }

  get(hash: string): (FileRow & { siteIds: string[] }) | null {
    const row = this.db.prepare('SELECT hash, content_type AS contentType, size FROM files WHERE hash = ?').get(hash) as
      FileRow | undefined;
    if (!row) return null;
    const sites = this.db.prepare('SELECT site_id FROM file_sites WHERE hash = ?').all(hash) as { site_id: string }[];
    return { ...row, siteIds: sites.map((r) => r.site_id) };
  }

  async readBytes(hash: string): Promise<Buffer | null> {
    return readFile(join(this.dir, hash)).catch(() => null);
  }

  grantedByDocument(hash: string, siteId: string, transactional: readonly string[]): boolean {
    const row = this.db
      .prepare(
        `SELECT 1 FROM file_refs r JOIN docs d ON d.collection = r.collection AND d.id = r.doc_id
         WHERE r.hash = ? AND r.grants = 1 AND (d.site_id IS NULL OR d.site_id <> ?)
           AND (d.collection NOT IN (SELECT value FROM json_each(?)) OR d.site_id = ? OR d.to_site_id = ?)
         LIMIT 1`,
      )
      .get(hash, siteId, JSON.stringify(transactional), siteId, siteId);
    return row !== undefined;
  }

  sweep(cutoffMs: number): number {
    return this.db
      .transaction(() => {
        const gone = this.db
          .prepare(
            'DELETE FROM files WHERE orphaned_at IS NOT NULL AND orphaned_at < ? AND NOT EXISTS (SELECT 1 FROM file_refs r WHERE r.hash = files.hash) RETURNING hash',
          )
          .all(cutoffMs) as { hash: string }[];
        const sites = this.db.prepare('DELETE FROM file_sites WHERE hash = ?');
        for (const { hash } of gone) {
          sites.run(hash);
          // Inside the transaction, so a put of the same hash cannot find the bytes it is about to lose.
          try {
            unlinkSync(join(this.dir, hash));
          } catch {
            // already gone
          }
        }
        return gone.length;
      })
      .immediate();
  }
}
