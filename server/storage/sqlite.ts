import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync, readFileSync, renameSync, existsSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { parseStoredBody } from '../json.js';
import { StorageError } from '../errors.js';
import { uniqueIdsByNumber, type NumberCandidate } from './document-numbers.js';
import { StorageEmitter } from './events.js';
import type {
  AuthTerminal,
  DocWrite,
  FileRow,
  PulledPage,
  PushPlanner,
  ReadScope,
  SiteKind,
  SiteRow,
  Storage,
  StoredDoc,
} from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terminals (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES sites(id), name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS docs (
  collection TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL UNIQUE,
  site_id TEXT, to_site_id TEXT, deleted INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (collection, id));
CREATE INDEX IF NOT EXISTS docs_by_collection_seq ON docs (collection, seq);
-- v0 terminals name store requests by number (SYNC-PROTOCOL.md, Schema evolution): looked up on their pushes.
CREATE INDEX IF NOT EXISTS docs_documents_by_number ON docs (json_extract(body, '$.number')) WHERE collection = 'documents';
CREATE TABLE IF NOT EXISTS files (hash TEXT PRIMARY KEY, content_type TEXT NOT NULL, size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS file_sites (hash TEXT NOT NULL, site_id TEXT NOT NULL, PRIMARY KEY (hash, site_id));
`;

interface DocDbRow {
  collection: string;
  id: string;
  seq: number;
  site_id: string | null;
  to_site_id: string | null;
  deleted: number;
  body: string;
}

function toStored(r: DocDbRow): StoredDoc {
  return {
    collection: r.collection,
    id: r.id,
    seq: r.seq,
    siteId: r.site_id,
    toSiteId: r.to_site_id,
    deleted: r.deleted === 1,
    doc: parseStoredBody(r.body),
  };
}

const DOC_COLUMNS = 'collection, id, seq, site_id, to_site_id, deleted, body';

/**
 * SQLite storage. better-sqlite3 is synchronous, so each transaction runs to completion without
 * interleaving in this process; `BEGIN IMMEDIATE` plus WAL serialises writers across processes
 * (the admin CLI writes to the same file), which makes sequences visible in order.
 */
export class SqliteStorage extends StorageEmitter implements Storage {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly filesDir: string;

  constructor(dataDir: string) {
    super();
    mkdirSync(dataDir, { recursive: true });
    this.filesDir = join(dataDir, 'files');
    mkdirSync(this.filesDir, { recursive: true });
    this.db = new Database(join(dataDir, 'larder.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // The protocol promises durability before the answer (SYNC-PROTOCOL.md, Push).
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('orgId', randomUUID());
  }

  async orgId(): Promise<string> {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get('orgId') as { value: string } | undefined;
    if (!row) throw new StorageError('orgId missing');
    return row.value;
  }

  async addSite(site: SiteRow, mirror: DocWrite): Promise<StoredDoc> {
    const run = this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO sites (id, kind, name, created_at) VALUES (?, ?, ?, ?)')
        .run(site.id, site.kind, site.name, new Date().toISOString());
      return this.writeDocs('sites', [mirror]);
    });
    const written = run.immediate();
    this.emitCommit(written[written.length - 1]!.seq);
    return written[0]!;
  }

  async getSite(id: string): Promise<SiteRow | null> {
    const row = this.db.prepare('SELECT id, kind, name FROM sites WHERE id = ?').get(id) as
      { id: string; kind: SiteKind; name: string } | undefined;
    return row ?? null;
  }

  async listSites(): Promise<SiteRow[]> {
    return this.db.prepare('SELECT id, kind, name FROM sites ORDER BY id').all() as SiteRow[];
  }

  async addTerminal(t: { id: string; siteId: string; name: string; tokenHash: string }): Promise<void> {
    this.db
      .prepare('INSERT INTO terminals (id, site_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(t.id, t.siteId, t.name, t.tokenHash, new Date().toISOString());
  }

  async revokeTerminal(id: string): Promise<boolean> {
    const exists = this.db.prepare('SELECT 1 FROM terminals WHERE id = ?').get(id);
    if (!exists) return false;
    this.db.prepare('UPDATE terminals SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(new Date().toISOString(), id);
    this.emitRevoke(id);
    return true;
  }

  async terminalByTokenHash(tokenHash: string): Promise<AuthTerminal | null> {
    const row = this.db
      .prepare(
        'SELECT t.id AS terminalId, t.site_id AS siteId, s.kind AS siteKind FROM terminals t JOIN sites s ON s.id = t.site_id WHERE t.token_hash = ? AND t.revoked_at IS NULL',
      )
      .get(tokenHash) as AuthTerminal | undefined;
    return row ?? null;
  }

  async activeTerminals(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = this.db
      .prepare(`SELECT id FROM terminals WHERE revoked_at IS NULL AND id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  async pull(collection: string, afterSeq: number, limit: number, scope: ReadScope): Promise<PulledPage> {
    const rows = (
      scope
        ? this.db
            .prepare('SELECT seq, body FROM docs WHERE collection = ? AND seq > ? AND (site_id = ? OR to_site_id = ?) ORDER BY seq LIMIT ?')
            .all(collection, afterSeq, scope.siteId, scope.siteId, limit)
        : this.db
            .prepare('SELECT seq, body FROM docs WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?')
            .all(collection, afterSeq, limit)
    ) as { seq: number; body: string }[];
    return { bodies: rows.map((r) => r.body), lastSeq: rows.at(-1)?.seq ?? null };
  }

  async readSince(afterSeq: number, limit: number): Promise<StoredDoc[]> {
    const rows = this.db.prepare(`SELECT ${DOC_COLUMNS} FROM docs WHERE seq > ? ORDER BY seq LIMIT ?`).all(afterSeq, limit) as DocDbRow[];
    return rows.map(toStored);
  }

  async maxSeq(): Promise<number> {
    const row = this.db.prepare("SELECT CAST(value AS INTEGER) AS v FROM meta WHERE key = 'seq'").get() as { v: number } | undefined;
    return row?.v ?? 0;
  }

  async push<T>(collection: string, ids: readonly string[], plan: PushPlanner<T>): Promise<{ result: T; written: StoredDoc[] }> {
    const run = this.db.transaction(() => {
      const stored = new Map<string, StoredDoc>();
      const select = this.db.prepare(`SELECT ${DOC_COLUMNS} FROM docs WHERE collection = ? AND id = ?`);
      for (const id of ids) {
        const row = select.get(collection, id) as DocDbRow | undefined;
        if (row) stored.set(id, toStored(row));
      }
      const { writes, result } = plan(stored);
      return { result, written: this.writeDocs(collection, writes) };
    });
    const out = run.immediate();
    // Listeners run only after the commit, so the stream never announces a rolled-back row.
    if (out.written.length > 0) this.emitCommit(out.written[out.written.length - 1]!.seq);
    return out;
  }

  async putDocuments(collection: string, docs: readonly DocWrite[]): Promise<StoredDoc[]> {
    const written = this.db.transaction(() => this.writeDocs(collection, docs)).immediate();
    if (written.length > 0) this.emitCommit(written[written.length - 1]!.seq);
    return written;
  }

  async getDocuments(collection: string, ids: readonly string[]): Promise<StoredDoc[]> {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT ${DOC_COLUMNS} FROM docs WHERE collection = ? AND id IN (SELECT value FROM json_each(?))`)
      .all(collection, JSON.stringify(ids)) as DocDbRow[];
    return rows.map(toStored);
  }

  async documentIdsByNumber(type: string, siteId: string, numbers: readonly string[]): Promise<Map<string, string>> {
    if (numbers.length === 0) return new Map();
    // The expression and the literal collection match docs_documents_by_number, so this is an index lookup.
    const rows = this.db
      .prepare(
        `SELECT id, body FROM docs WHERE collection = 'documents' AND json_extract(body, '$.number') IN (SELECT value FROM json_each(?)) AND site_id = ?`,
      )
      .all(JSON.stringify(numbers), siteId) as NumberCandidate[];
    return uniqueIdsByNumber(rows, type, numbers);
  }

  async documentNumbers(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = this.db
      .prepare(
        `SELECT id, json_extract(body, '$.number') AS number FROM docs WHERE collection = 'documents' AND id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as { id: string; number: unknown }[];
    return new Map(rows.filter((r): r is { id: string; number: string } => typeof r.number === 'string').map((r) => [r.id, r.number]));
  }

  async getMeta(key: string): Promise<string | null> {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async exclusive<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    // One endpoint process serves an SQLite file; the start-up work run under this is idempotent
    // and commits in transactions, so even an admin command beside it cannot see it half done.
    return fn();
  }

  /** Must run inside an immediate transaction. */
  private writeDocs(collection: string, docs: readonly DocWrite[]): StoredDoc[] {
    if (docs.length === 0) return [];
    let seq = 0;
    const current = this.db.prepare("SELECT CAST(value AS INTEGER) AS v FROM meta WHERE key = 'seq'").get() as { v: number } | undefined;
    seq = current?.v ?? 0;
    const upsert = this.db.prepare(
      `INSERT INTO docs (${DOC_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, site_id = excluded.site_id,
         to_site_id = excluded.to_site_id, deleted = excluded.deleted, body = excluded.body`,
    );
    const written: StoredDoc[] = [];
    for (const d of docs) {
      seq += 1;
      upsert.run(collection, d.id, seq, d.siteId, d.toSiteId, d.deleted ? 1 : 0, JSON.stringify(d.doc));
      written.push({ collection, id: d.id, seq, siteId: d.siteId, toSiteId: d.toSiteId, deleted: d.deleted, doc: d.doc });
    }
    this.db
      .prepare("INSERT INTO meta (key, value) VALUES ('seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(String(seq));
    return written;
  }

  async putFile(file: FileRow, bytes: Buffer, siteId: string): Promise<void> {
    const path = join(this.filesDir, file.hash);
    if (!existsSync(path)) {
      // Write then rename, so a crash never leaves a half file under a valid hash.
      const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
      writeFileSync(tmp, bytes);
      const fd = openSync(tmp, 'r');
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, path);
    }
    this.db
      .transaction(() => {
        this.db
          .prepare('INSERT OR IGNORE INTO files (hash, content_type, size) VALUES (?, ?, ?)')
          .run(file.hash, file.contentType, file.size);
        this.db.prepare('INSERT OR IGNORE INTO file_sites (hash, site_id) VALUES (?, ?)').run(file.hash, siteId);
      })
      .immediate();
  }

  async getFile(hash: string): Promise<(FileRow & { bytes: Buffer; siteIds: string[] }) | null> {
    const row = this.db.prepare('SELECT hash, content_type AS contentType, size FROM files WHERE hash = ?').get(hash) as
      FileRow | undefined;
    if (!row) return null;
    const siteIds = (this.db.prepare('SELECT site_id FROM file_sites WHERE hash = ?').all(hash) as { site_id: string }[]).map(
      (r) => r.site_id,
    );
    return { ...row, bytes: readFileSync(join(this.filesDir, hash)), siteIds };
  }

  async fileNamedInReadableDoc(hash: string, transactional: readonly string[], scope: ReadScope): Promise<boolean> {
    const like = `%${hash}%`;
    const row = scope
      ? this.db
          .prepare(
            `SELECT 1 FROM docs WHERE body LIKE ? AND (collection NOT IN (SELECT value FROM json_each(?)) OR site_id = ? OR to_site_id = ?) LIMIT 1`,
          )
          .get(like, JSON.stringify(transactional), scope.siteId, scope.siteId)
      : this.db.prepare('SELECT 1 FROM docs WHERE body LIKE ? LIMIT 1').get(like);
    return row !== undefined;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
