import pg from 'pg';
import { createHash, randomUUID } from 'node:crypto';
import { StorageError } from '../errors.js';
import { StorageEmitter } from './events.js';
import * as docQueries from './postgres-docs.js';
import * as files from './postgres-files.js';
import { commitNotice, parseNotice, RecentCommits, type Notice } from './postgres-notices.js';
import { beginWriteSql, ORDER_MIGRATION, ORDER_SCHEMA } from './postgres-order.js';
import { checkSchemaName, DOC_COLUMNS, SCHEMA, toStored, withDefaultUser, type DocDbRow } from './postgres-schema.js';
import * as fleet from './postgres-terminals.js';
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

export { withDefaultUser } from './postgres-schema.js';

/** Connections per process: writes wait on each other's commits, so reads get their own. */
const WRITE_POOL = 6;
const READ_POOL = 4;
/** A write transaction idle this long (its process stuck mid-push) is ended by the server. */
const WRITE_IDLE_MS = 10_000;
/** While a lower number is still in flight the rows above it wait; look again this soon. */
const HORIZON_RETRY_MS = 50;

/**
 * PostgreSQL storage. Writers number rows from a SEQUENCE and readers serve only rows below the
 * oldest writer still in flight (postgres-order.ts), so pushes on any number of processes commit
 * concurrently while a pull never sees n before a lower number commits. Commits are announced
 * with NOTIFY carrying the highest sequence written.
 */
export class PostgresStorage extends StorageEmitter implements Storage {
  readonly kind = 'postgres' as const;
  private listener: pg.Client | null = null;
  private closed = false;
  /** The highest sequence this process heard of as committed, and a pending look at the horizon. */
  private heardSeq = 0;
  private retry: NodeJS.Timeout | null = null;
  /** Commits heard of (own and announced), from which the live stream is served without reading back. */
  private readonly recent = new RecentCommits();
  /** Tells this process's own announcements apart from others'. */
  private readonly processTag = randomUUID().slice(0, 8);

  private constructor(
    /** Pushes and other writes. */
    private readonly writes: pg.Pool,
    /** Auth, pulls, the stream's reads and every other lookup. */
    private readonly pool: pg.Pool,
    private readonly channel: string,
  ) {
    super();
  }

  static async open(url: string, schema: string | undefined, opts: { listen: boolean }): Promise<PostgresStorage> {
    const databaseUrl = withDefaultUser(url);
    const name = schema === undefined ? undefined : checkSchemaName(schema);
    const [writes, pool] = [WRITE_POOL, READ_POOL].map((max, i) => {
      // A write transaction left open holds every reader back (its numbers are in flight), so a
      // stuck one is ended by the server rather than stalling every process's pulls and streams.
      const settings = [
        ...(name ? [`-c search_path=${name}`] : []),
        ...(i === 0 ? [`-c idle_in_transaction_session_timeout=${WRITE_IDLE_MS}`] : []),
      ];
      // The schema goes in the startup packet: every connection uses it from its first query on,
      // without a SET racing that query.
      const p = new pg.Pool({ connectionString: databaseUrl, max, ...(settings.length > 0 ? { options: settings.join(' ') } : {}) });
      // An idle client's error (e.g. the server restarting) must not crash the process.
      p.on('error', () => undefined);
      return p;
    }) as [pg.Pool, pg.Pool];
    if (name) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${name}`);
    const current = await pool.query<{ s: string | null }>('SELECT current_schema() AS s');
    const effective = name ?? current.rows[0]?.s ?? 'public';
    // Schemas share one database-wide NOTIFY namespace, so the channel is derived from the schema.
    const channel = `larder_${createHash('sha256').update(effective).digest('hex').slice(0, 16)}`;
    const storage = new PostgresStorage(writes, pool, channel);
    await storage.migrate();
    if (opts.listen) await storage.listen(databaseUrl, name);
    return storage;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Two processes starting on a fresh schema would race on CREATE TABLE IF NOT EXISTS.
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':larder-migrate'))");
      await client.query(SCHEMA);
      await client.query(ORDER_SCHEMA);
      await client.query(ORDER_MIGRATION);
      await files.migrateFiles(client);
      await client.query(fleet.TERMINAL_STATUS_SCHEMA);
      await client.query("INSERT INTO larder_meta (key, value) VALUES ('orgId', $1) ON CONFLICT DO NOTHING", [randomUUID()]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private async listen(databaseUrl: string, schema: string | undefined): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    if (schema) await client.query(`SET search_path TO ${schema}`);
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel || !msg.payload) return;
      const notice = parseNotice(msg.payload);
      if (notice?.t === 'revoke') this.emitRevoke(notice.id);
      if (notice?.t !== 'commit') return;
      this.recent.hear(notice);
      // Our own commits were announced in-process already, at their commit.
      if (notice.from !== this.processTag) this.heardCommit(notice.seq);
    });
    await client.query(`LISTEN ${this.channel}`);
    // Every number taken after this is announced to us once it commits.
    const top = await client.query<{ top: string }>(
      'SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS top FROM larder_seq',
    );
    this.recent.start(Number(top.rows[0]!.top));
    this.listener = client;
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.writes.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * A transaction writing documents of `collection`: opened with their write locks taken, and
   * committed together with its NOTIFY, in as few round trips as a push allows.
   */
  private async writeTx<T>(
    collection: string,
    ids: readonly string[],
    fn: (c: pg.PoolClient) => Promise<{ out: T; written: StoredDoc[]; committed?: boolean }>,
  ): Promise<{ out: T; written: StoredDoc[] }> {
    const client = await this.writes.connect();
    let broken: Error | undefined;
    let open = false;
    try {
      open = true; // from BEGIN on: a failed lock statement leaves the transaction open
      await client.query(beginWriteSql(collection, ids));
      const done = await fn(client);
      const last = done.written.at(-1)?.seq;
      // Delivered at commit only, so listeners never hear of a rolled-back write.
      const notice =
        last === undefined
          ? ''
          : `SELECT pg_notify(${pg.escapeLiteral(this.channel)}, ${pg.escapeLiteral(commitNotice(this.processTag, done.written))}); `;
      if (!done.committed) await client.query(`${notice}COMMIT`);
      open = false;
      if (last !== undefined) {
        if (this.listener) this.recent.add(done.written);
        this.heardCommit(last);
      }
      return done;
    } catch (err) {
      if (open)
        await client.query('ROLLBACK').catch((e: Error) => {
          broken = e;
        });
      // Numbers it took are gone for good: readers held back by them look again.
      this.heardCommit(0);
      throw err;
    } finally {
      client.release(broken);
    }
  }

  /** A commit here or announced by another process: the stream reads what is now in order. */
  private heardCommit(seq: number): void {
    this.heardSeq = Math.max(this.heardSeq, seq);
    this.emitCommit(seq);
  }

  /**
   * The highest sequence every row at or below which is committed or never will be. When a
   * commit we heard of is still above it, another look is scheduled: the writer holding the
   * lower number may end by rolling back, which announces nothing.
   */
  private async horizon(): Promise<number> {
    const r = await this.pool.query<{ h: string; top: string }>('SELECT larder_horizon() AS h, (SELECT last_value FROM larder_seq) AS top');
    const h = Number(r.rows[0]!.h);
    // The sequence went back (pg_restore): remembered commits are of the database before.
    if (Number(r.rows[0]!.top) < this.recent.highestHeard) this.recent.reset();
    if (h < this.heardSeq && !this.retry && !this.closed)
      this.retry = setTimeout(() => {
        this.retry = null;
        this.emitCommit(this.heardSeq);
      }, HORIZON_RETRY_MS);
    return h;
  }

  private async notify(c: pg.ClientBase, notice: Notice): Promise<void> {
    // Delivered at commit only, so listeners never hear of a rolled-back write.
    await c.query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(notice)]);
  }

  async orgId(): Promise<string> {
    const r = await this.pool.query<{ value: string }>("SELECT value FROM larder_meta WHERE key = 'orgId'");
    const v = r.rows[0]?.value;
    if (!v) throw new StorageError('orgId missing');
    return v;
  }

  async addSite(site: SiteRow, mirror: DocWrite): Promise<StoredDoc> {
    const { written } = await this.writeTx('sites', [mirror.id], async (c) => {
      await c.query('INSERT INTO larder_sites (id, kind, name) VALUES ($1, $2, $3)', [site.id, site.kind, site.name]);
      return { out: null, written: await docQueries.writeDocs(c, 'sites', [mirror]) };
    });
    return written[0]!;
  }

  async updateSite(site: SiteRow, mirror: DocWrite): Promise<boolean> {
    // In sequence order like every write (postgres-order.ts); the commit announces the mirror.
    const { out: updated } = await this.writeTx('sites', [mirror.id], async (c) => {
      const r = await c.query('UPDATE larder_sites SET name = $1 WHERE id = $2', [site.name, site.id]);
      if (r.rowCount === 0) return { out: false, written: [] };
      return { out: true, written: await docQueries.writeDocs(c, 'sites', [mirror]) };
    });
    return updated;
  }

  async renameTerminal(id: string, name: string): Promise<boolean> {
    return fleet.renameTerminal(this.pool, id, name);
  }

  async recordTerminalContact(id: string, contact: TerminalContact): Promise<void> {
    await fleet.recordContact(this.pool, id, contact);
  }

  async recordTerminalStatus(id: string, status: TerminalStatusReport, at: Date): Promise<void> {
    await fleet.recordStatus(this.pool, id, status, at);
  }

  async listTerminals(): Promise<FleetTerminal[]> {
    return fleet.listTerminals(this.pool);
  }

  async getSite(id: string): Promise<SiteRow | null> {
    const r = await this.pool.query<{ id: string; kind: SiteKind; name: string }>('SELECT id, kind, name FROM larder_sites WHERE id = $1', [
      id,
    ]);
    return r.rows[0] ?? null;
  }

  async listSites(): Promise<SiteRow[]> {
    const r = await this.pool.query<SiteRow>('SELECT id, kind, name FROM larder_sites ORDER BY id');
    return r.rows;
  }

  async addTerminal(t: { id: string; siteId: string; name: string; tokenHash: string }): Promise<void> {
    await this.pool.query('INSERT INTO larder_terminals (id, site_id, name, token_hash) VALUES ($1, $2, $3, $4)', [
      t.id,
      t.siteId,
      t.name,
      t.tokenHash,
    ]);
  }

  async revokeTerminal(id: string): Promise<boolean> {
    const found = await this.tx(async (c) => {
      const r = await c.query('UPDATE larder_terminals SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1', [id]);
      if (r.rowCount === 0) return false;
      await this.notify(c, { t: 'revoke', id });
      return true;
    });
    if (found) this.emitRevoke(id);
    return found;
  }

  async tokenRevoked(tokenHash: string): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 FROM larder_terminals WHERE token_hash = $1 AND revoked_at IS NOT NULL', [tokenHash]);
    return (r.rowCount ?? 0) > 0;
  }

  async terminalByTokenHash(tokenHash: string): Promise<AuthTerminal | null> {
    const r = await this.pool.query<AuthTerminal>(
      'SELECT t.id AS "terminalId", t.site_id AS "siteId", s.kind AS "siteKind" FROM larder_terminals t JOIN larder_sites s ON s.id = t.site_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL',
      [tokenHash],
    );
    return r.rows[0] ?? null;
  }

  async activeTerminals(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const r = await this.pool.query<{ id: string }>('SELECT id FROM larder_terminals WHERE revoked_at IS NULL AND id = ANY($1)', [ids]);
    return new Set(r.rows.map((x) => x.id));
  }

  async pull(collection: string, afterSeq: number, limit: number, scope: ReadScope): Promise<PulledPage> {
    return docQueries.pullPage(this.pool, collection, afterSeq, limit, scope, await this.horizon());
  }

  /** Served from commits heard of along an unbroken run of numbers, else read below the horizon. */
  async readSince(afterSeq: number, limit: number): Promise<StoredDoc[]> {
    return this.recent.readSince(afterSeq, limit) ?? docQueries.readRange(this.pool, afterSeq, limit, await this.horizon());
  }

  async maxSeq(): Promise<number> {
    return this.horizon();
  }

  async push<T>(collection: string, ids: readonly string[], plan: PushPlanner<T>): Promise<{ result: T; written: StoredDoc[] }> {
    // The ids' write locks serialise the compare-and-write of pushes naming the same documents.
    const { out, written } = await this.writeTx(collection, ids, async (c) => {
      const r = await c.query<DocDbRow>(`SELECT ${DOC_COLUMNS} FROM larder_docs WHERE collection = $1 AND id = ANY($2)`, [collection, ids]);
      const stored = new Map(r.rows.map((row) => [row.id, toStored(row)] as const));
      const { writes, result } = plan(stored);
      const existing = new Set(stored.keys());
      const committed = await docQueries.writeAndCommit(c, collection, writes, existing, { channel: this.channel, from: this.processTag });
      if (committed) return { out: result, written: committed, committed: true };
      return { out: result, written: await docQueries.writeDocs(c, collection, writes, existing) };
    });
    return { result: out, written };
  }

  async putDocuments(collection: string, docs: readonly DocWrite[]): Promise<StoredDoc[]> {
    const { written } = await this.writeTx(
      collection,
      docs.map((d) => d.id),
      async (c) => ({ out: null, written: await docQueries.writeDocs(c, collection, docs) }),
    );
    return written;
  }

  async getDocuments(collection: string, ids: readonly string[]): Promise<StoredDoc[]> {
    return docQueries.getDocuments(this.pool, collection, ids);
  }

  async documentIdsByNumber(type: string, siteId: string, numbers: readonly string[]): Promise<Map<string, string>> {
    return docQueries.documentIdsByNumber(this.pool, type, siteId, numbers);
  }

  async getMeta(key: string): Promise<string | null> {
    const r = await this.pool.query<{ value: string }>('SELECT value FROM larder_meta WHERE key = $1', [key]);
    return r.rows[0]?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.pool.query('INSERT INTO larder_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
      key,
      value,
    ]);
  }

  /**
   * Several endpoint processes may start on one database at once: a session advisory lock, held
   * on its own connection while `fn` runs on others, lets one do the work while the rest wait
   * and then find it done. The lock goes with the connection if this process dies.
   */
  async exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const key = `:larder-exclusive:${name}`;
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock(hashtext(current_schema() || $1))', [key]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext(current_schema() || $1))', [key]).catch((err: Error) => {
          broken = err;
        });
      }
    } finally {
      // A connection whose unlock failed is dropped, which releases the lock with it.
      client.release(broken);
    }
  }

  async putFile(file: FileRow, bytes: Buffer, siteId: string, quotaBytes: number): Promise<void> {
    await this.tx((c) => files.putFile(c, file, bytes, siteId, quotaBytes));
  }

  async getFile(hash: string): Promise<(FileRow & { siteIds: string[] }) | null> {
    return files.getFile(this.pool, hash);
  }

  async readFileBytes(hash: string): Promise<Buffer | null> {
    return files.readFileBytes(this.pool, hash);
  }

  async fileGrantedByDocument(hash: string, siteId: string, transactional: readonly string[]): Promise<boolean> {
    return files.fileGrantedByDocument(this.pool, hash, siteId, transactional);
  }

  async sweepFiles(cutoffMs: number): Promise<number> {
    return this.tx((c) => files.sweepFiles(c, cutoffMs));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.listener?.end().catch(() => undefined);
    await Promise.all([this.pool.end(), this.writes.end()]);
  }
}
