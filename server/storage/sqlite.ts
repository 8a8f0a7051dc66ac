import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseStoredBody } from '../json.js';
import { StorageError } from '../errors.js';
import { uniqueIdsByNumber, type NumberCandidate } from './document-numbers.js';
import { StorageEmitter } from './events.js';
import { SqliteFiles, type BlobWriter } from './sqlite-files.js';
import { SqliteTerminals, TERMINAL_STATUS_SCHEMA } from './sqlite-terminals.js';
import { GroupCommit } from './sqlite-group-commit.js';
import { preparedStatements } from './sqlite-statements.js';
import { migrateSqliteSchema } from './sqlite-schema.js';
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
  TerminalContact,
} from './types.js';
import type { FleetTerminal, TerminalStatusReport } from '../../shared/protocol/admin.js';

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
 * A site's page: its own rows and the rows addressed to it, each branch an index range
 * (docs_by_site, docs_by_addressee) cut at the limit before the two are merged, so a
 * page costs its size, not the rows of other sites between the checkpoint and the end.
 */
const SCOPED_PULL = `
SELECT seq, body FROM (
  SELECT * FROM (SELECT seq, body FROM docs WHERE collection = @collection AND site_id = @site AND seq > @after ORDER BY seq LIMIT @limit)
  UNION ALL
  SELECT * FROM (SELECT seq, body FROM docs WHERE collection = @collection AND to_site_id = @site AND site_id IS NOT @site AND seq > @after
    ORDER BY seq LIMIT @limit)
) ORDER BY seq LIMIT @limit`;

/**
 * SQLite storage. better-sqlite3 is synchronous, so each transaction runs to completion without
 * interleaving in this process; `BEGIN IMMEDIATE` plus WAL serialises writers across processes
 * (the admin CLI writes to the same file), which makes sequences visible in order.
 */
export class SqliteStorage extends StorageEmitter implements Storage {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly files: SqliteFiles;
  private readonly terminals: SqliteTerminals;
  /** Prepared once per text, shared with the files index (sqlite-statements.ts). */
  private readonly statement: (sql: string) => Database.Statement;
  /** data_version when activeTerminals last read the terminals table. */
  private terminalsCheckedAt = -1;
  /** Pushes arriving together share one durable transaction (sqlite-group-commit.ts). */
  private readonly groupCommit: GroupCommit;

  /**
   * `maxPages` caps the database file (SQLite's \`max_page_count\`, in pages of 4 KiB): past it a
   * write fails with SQLITE_FULL exactly as on a full disk. Operators may use it as a size cap;
   * tests use it to fill the "disk" for real. \`writeBlob\` is a test seam for a full disk under
   * an upload.
   */
  constructor(dataDir: string, opts: { maxPages?: number; writeBlob?: BlobWriter } = {}) {
    super();
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'larder.sqlite'));
    this.statement = preparedStatements(this.db);
    this.db.pragma('journal_mode = WAL');
    // The protocol promises durability before the answer (SYNC-PROTOCOL.md, Push).
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('foreign_keys = ON');
    migrateSqliteSchema(this.db);
    this.db.exec(TERMINAL_STATUS_SCHEMA);
    this.terminals = new SqliteTerminals(this.db);
    if (opts.maxPages !== undefined) this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(opts.maxPages))}`);
    this.statement('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('orgId', randomUUID());
    this.files = new SqliteFiles(this.db, join(dataDir, 'files'), opts.writeBlob, this.statement);
    this.files.migrate();
    this.groupCommit = new GroupCommit(this.db, (outcomes) => {
      // Listeners run only after the commit, so the stream never announces a rolled-back row.
      let maxSeq = 0;
      for (const o of outcomes as { written: StoredDoc[] }[]) maxSeq = Math.max(maxSeq, o.written.at(-1)?.seq ?? 0);
      if (maxSeq > 0) this.emitCommit(maxSeq);
    });
  }

  async orgId(): Promise<string> {
    const row = this.statement('SELECT value FROM meta WHERE key = ?').get('orgId') as { value: string } | undefined;
    if (!row) throw new StorageError('orgId missing');
    return row.value;
  }

  async addSite(site: SiteRow, mirror: DocWrite): Promise<StoredDoc> {
    const run = this.db.transaction(() => {
      this.statement('INSERT INTO sites (id, kind, name, created_at) VALUES (?, ?, ?, ?)').run(
        site.id,
        site.kind,
        site.name,
        new Date().toISOString(),
      );
      return this.writeDocs('sites', [mirror]);
    });
    const written = run.immediate();
    this.emitCommit(written[written.length - 1]!.seq);
    return written[0]!;
  }

  async updateSite(site: SiteRow, mirror: DocWrite): Promise<boolean> {
    const run = this.db.transaction(() => {
      if (this.statement('UPDATE sites SET name = ? WHERE id = ?').run(site.name, site.id).changes === 0) return null;
      return this.writeDocs('sites', [mirror]);
    });
    const written = run.immediate();
    if (!written) return false;
    this.emitCommit(written[written.length - 1]!.seq);
    return true;
  }

  async renameTerminal(id: string, name: string): Promise<boolean> {
    return this.terminals.rename(id, name);
  }

  async recordTerminalContact(id: string, contact: TerminalContact): Promise<void> {
    this.terminals.recordContact(id, contact);
  }

  async recordTerminalStatus(id: string, status: TerminalStatusReport, at: Date): Promise<void> {
    this.terminals.recordStatus(id, status, at);
  }

  async listTerminals(): Promise<FleetTerminal[]> {
    return this.terminals.list();
  }

  async getSite(id: string): Promise<SiteRow | null> {
    const row = this.statement('SELECT id, kind, name FROM sites WHERE id = ?').get(id) as
      { id: string; kind: SiteKind; name: string } | undefined;
    return row ?? null;
  }

  async listSites(): Promise<SiteRow[]> {
    return this.statement('SELECT id, kind, name FROM sites ORDER BY id').all() as SiteRow[];
  }

  async addTerminal(t: { id: string; siteId: string; name: string; tokenHash: string }): Promise<void> {
    this.statement('INSERT INTO terminals (id, site_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
      t.id,
      t.siteId,
      t.name,
      t.tokenHash,
      new Date().toISOString(),
    );
  }

  async revokeTerminal(id: string): Promise<boolean> {
    const exists = this.statement('SELECT 1 FROM terminals WHERE id = ?').get(id);
    if (!exists) return false;
    this.statement('UPDATE terminals SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(new Date().toISOString(), id);
    this.emitRevoke(id);
    return true;
  }

  async tokenRevoked(tokenHash: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM terminals WHERE token_hash = ? AND revoked_at IS NOT NULL').get(tokenHash) !== undefined;
  }

  async terminalByTokenHash(tokenHash: string): Promise<AuthTerminal | null> {
    const row = this.statement(
      'SELECT t.id AS terminalId, t.site_id AS siteId, s.kind AS siteKind FROM terminals t JOIN sites s ON s.id = t.site_id WHERE t.token_hash = ? AND t.revoked_at IS NULL',
    ).get(tokenHash) as AuthTerminal | undefined;
    return row ?? null;
  }

  async activeTerminals(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    // The stream asks every second for every open stream's terminal. A revocation in this process
    // closes its streams at once (onRevoke); one by the admin CLI is a commit by another
    // connection, which moves data_version. Unmoved, every terminal asked about is still active.
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    if (dataVersion === this.terminalsCheckedAt) return new Set(ids);
    const rows = this.statement(`SELECT id FROM terminals WHERE revoked_at IS NULL AND id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as { id: string }[];
    this.terminalsCheckedAt = dataVersion;
    return new Set(rows.map((r) => r.id));
  }

  async pull(collection: string, afterSeq: number, limit: number, scope: ReadScope): Promise<PulledPage> {
    // One read transaction, so the page and the highest sequence come from the same snapshot
    // (the admin CLI may commit between two statements otherwise).
    const read = this.db.transaction(() => {
      const rows = (
        scope
          ? this.statement(SCOPED_PULL).all({ collection, after: afterSeq, site: scope.siteId, limit })
          : this.statement('SELECT seq, body FROM docs WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?').all(
              collection,
              afterSeq,
              limit,
            )
      ) as { seq: number; body: string }[];
      const lastSeq = rows.at(-1)?.seq ?? null;
      if (lastSeq !== null && rows.length === limit) return { bodies: rows.map((r) => r.body), lastSeq, scannedToSeq: lastSeq };
      // Short page: nothing readable lies above the rows returned, up to the collection's newest.
      const newest = (this.statement('SELECT max(seq) AS seq FROM docs WHERE collection = ?').get(collection) as { seq: number | null })
        .seq;
      return { bodies: rows.map((r) => r.body), lastSeq, scannedToSeq: Math.max(afterSeq, lastSeq ?? 0, newest ?? 0) };
    });
    return read();
  }

  async readSince(afterSeq: number, limit: number): Promise<StoredDoc[]> {
    const rows = this.statement(`SELECT ${DOC_COLUMNS} FROM docs WHERE seq > ? ORDER BY seq LIMIT ?`).all(afterSeq, limit) as DocDbRow[];
    return rows.map(toStored);
  }

  async maxSeq(): Promise<number> {
    const row = this.statement("SELECT CAST(value AS INTEGER) AS v FROM meta WHERE key = 'seq'").get() as { v: number } | undefined;
    return row?.v ?? 0;
  }

  async push<T>(collection: string, ids: readonly string[], plan: PushPlanner<T>): Promise<{ result: T; written: StoredDoc[] }> {
    return this.groupCommit.submit(() => {
      const stored = new Map<string, StoredDoc>();
      const select = this.statement(`SELECT ${DOC_COLUMNS} FROM docs WHERE collection = ? AND id = ?`);
      for (const id of ids) {
        const row = select.get(collection, id) as DocDbRow | undefined;
        if (row) stored.set(id, toStored(row));
      }
      const { writes, result } = plan(stored);
      return { result, written: this.writeDocs(collection, writes) };
    });
  }

  async putDocuments(collection: string, docs: readonly DocWrite[]): Promise<StoredDoc[]> {
    const written = this.db.transaction(() => this.writeDocs(collection, docs)).immediate();
    if (written.length > 0) this.emitCommit(written[written.length - 1]!.seq);
    return written;
  }

  async getDocuments(collection: string, ids: readonly string[]): Promise<StoredDoc[]> {
    if (ids.length === 0) return [];
    const rows = this.statement(`SELECT ${DOC_COLUMNS} FROM docs WHERE collection = ? AND id IN (SELECT value FROM json_each(?))`).all(
      collection,
      JSON.stringify(ids),
    ) as DocDbRow[];
    return rows.map(toStored);
  }

  async documentIdsByNumber(type: string, siteId: string, numbers: readonly string[]): Promise<Map<string, string>> {
    if (numbers.length === 0) return new Map();
    // The expression and the literal collection match docs_documents_by_number, so this is an index lookup.
    const rows = this.statement(
      `SELECT id, body FROM docs WHERE collection = 'documents' AND json_extract(body, '$.number') IN (SELECT value FROM json_each(?)) AND site_id = ?`,
    ).all(JSON.stringify(numbers), siteId) as NumberCandidate[];
    return uniqueIdsByNumber(rows, type, numbers);
  }

  async getMeta(key: string): Promise<string | null> {
    const row = this.statement('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.statement('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
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
    const current = this.statement("SELECT CAST(value AS INTEGER) AS v FROM meta WHERE key = 'seq'").get() as { v: number } | undefined;
    seq = current?.v ?? 0;
    const upsert = this.statement(
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
    this.statement("INSERT INTO meta (key, value) VALUES ('seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
      String(seq),
    );
    this.files.indexDocs(collection, written);
    return written;
  }

  async putFile(file: FileRow, bytes: Buffer, siteId: string, quotaBytes: number): Promise<void> {
    await this.files.put(file, bytes, siteId, quotaBytes);
  }

  async getFile(hash: string): Promise<(FileRow & { siteIds: string[] }) | null> {
    return this.files.get(hash);
  }

  async readFileBytes(hash: string): Promise<Buffer | null> {
    return this.files.readBytes(hash);
  }

  async fileGrantedByDocument(hash: string, siteId: string, transactional: readonly string[]): Promise<boolean> {
    return this.files.grantedByDocument(hash, siteId, transactional);
  }

  async sweepFiles(cutoffMs: number): Promise<number> {
    return this.files.sweep(cutoffMs);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
