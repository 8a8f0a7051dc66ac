import pg from 'pg';
import { createHash, randomUUID } from 'node:crypto';
import { parseStoredBody } from '../json.js';
import { StorageError } from '../errors.js';
import { uniqueIdsByNumber, type NumberCandidate } from './document-numbers.js';
import { StorageEmitter } from './events.js';
import { checkSchemaName, DOC_COLUMNS, NUMBER_OF_BODY, SCHEMA, toStored, withDefaultUser, type DocDbRow } from './postgres-schema.js';
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

export { withDefaultUser } from './postgres-schema.js';

type Notice = { t: 'commit'; seq: number } | { t: 'revoke'; id: string };

/**
 * PostgreSQL storage. Every write transaction locks the single counter row first and holds it
 * until commit, so sequences commit in the order they were taken: a pull never sees n while a
 * lower number may still commit (a plain SEQUENCE would not give that). Commits are announced
 * with NOTIFY carrying only the max sequence; each process reads the rows itself, since NOTIFY
 * payloads are capped at 8000 bytes.
 */
export class PostgresStorage extends StorageEmitter implements Storage {
  readonly kind = 'postgres' as const;
  private listener: pg.Client | null = null;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
  ) {
    super();
  }

  static async open(url: string, schema: string | undefined, opts: { listen: boolean }): Promise<PostgresStorage> {
    const databaseUrl = withDefaultUser(url);
    const name = schema === undefined ? undefined : checkSchemaName(schema);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
    // An idle client's error (e.g. the server restarting) must not crash the process.
    pool.on('error', () => undefined);
    if (name) {
      // Registered before the first query so every pooled client, the first included, uses it.
      pool.on('connect', (client) => {
        client.query(`SET search_path TO ${name}`).catch(() => undefined);
      });
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${name}`);
    }
    const current = await pool.query<{ s: string | null }>('SELECT current_schema() AS s');
    const effective = name ?? current.rows[0]?.s ?? 'public';
    // Schemas share one database-wide NOTIFY namespace, so the channel is derived from the schema.
    const channel = `larder_${createHash('sha256').update(effective).digest('hex').slice(0, 16)}`;
    const storage = new PostgresStorage(pool, channel);
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
      let notice: Notice;
      try {
        notice = JSON.parse(msg.payload) as Notice;
      } catch {
        return;
      }
      if (notice.t === 'commit' && typeof notice.seq === 'number') this.emitCommit(notice.seq);
      if (notice.t === 'revoke' && typeof notice.id === 'string') this.emitRevoke(notice.id);
    });
    await client.query(`LISTEN ${this.channel}`);
    this.listener = client;
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
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
    const written = await this.tx(async (c) => {
      await c.query('INSERT INTO larder_sites (id, kind, name) VALUES ($1, $2, $3)', [site.id, site.kind, site.name]);
      return this.writeDocs(c, 'sites', [mirror]);
    });
    this.emitCommit(written[0]!.seq);
    return written[0]!;
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
    const r = scope
      ? await this.pool.query<{ seq: string; body: string }>(
          'SELECT seq, body FROM larder_docs WHERE collection = $1 AND seq > $2 AND (site_id = $3 OR to_site_id = $3) ORDER BY seq LIMIT $4',
          [collection, afterSeq, scope.siteId, limit],
        )
      : await this.pool.query<{ seq: string; body: string }>(
          'SELECT seq, body FROM larder_docs WHERE collection = $1 AND seq > $2 ORDER BY seq LIMIT $3',
          [collection, afterSeq, limit],
        );
    const last = r.rows.at(-1);
    return { bodies: r.rows.map((row) => row.body), lastSeq: last ? Number(last.seq) : null };
  }

  async readSince(afterSeq: number, limit: number): Promise<StoredDoc[]> {
    const r = await this.pool.query<DocDbRow>(`SELECT ${DOC_COLUMNS} FROM larder_docs WHERE seq > $1 ORDER BY seq LIMIT $2`, [
      afterSeq,
      limit,
    ]);
    return r.rows.map(toStored);
  }

  async maxSeq(): Promise<number> {
    const r = await this.pool.query<{ value: string }>('SELECT value FROM larder_counter WHERE id = 1');
    return Number(r.rows[0]?.value ?? 0);
  }

  async push<T>(collection: string, ids: readonly string[], plan: PushPlanner<T>): Promise<{ result: T; written: StoredDoc[] }> {
    const out = await this.tx(async (c) => {
      // Take the counter lock before reading, so the compare-and-write of a push is serialised too.
      await c.query('SELECT value FROM larder_counter WHERE id = 1 FOR UPDATE');
      const r = await c.query<DocDbRow>(`SELECT ${DOC_COLUMNS} FROM larder_docs WHERE collection = $1 AND id = ANY($2)`, [collection, ids]);
      const stored = new Map(r.rows.map((row) => [row.id, toStored(row)] as const));
      const { writes, result } = plan(stored);
      return { result, written: await this.writeDocs(c, collection, writes) };
    });
    if (out.written.length > 0) this.emitCommit(out.written[out.written.length - 1]!.seq);
    return out;
  }

  async putDocuments(collection: string, docs: readonly DocWrite[]): Promise<StoredDoc[]> {
    const written = await this.tx((c) => this.writeDocs(c, collection, docs));
    if (written.length > 0) this.emitCommit(written[written.length - 1]!.seq);
    return written;
  }

  async getDocuments(collection: string, ids: readonly string[]): Promise<StoredDoc[]> {
    if (ids.length === 0) return [];
    const r = await this.pool.query<DocDbRow>(`SELECT ${DOC_COLUMNS} FROM larder_docs WHERE collection = $1 AND id = ANY($2)`, [
      collection,
      ids,
    ]);
    return r.rows.map(toStored);
  }

  async documentIdsByNumber(type: string, siteId: string, numbers: readonly string[]): Promise<Map<string, string>> {
    if (numbers.length === 0) return new Map();
    // Same expression and literal collection as larder_docs_documents_by_number, so the index serves it.
    const r = await this.pool.query<NumberCandidate>(
      `SELECT id, body FROM larder_docs WHERE collection = 'documents' AND ${NUMBER_OF_BODY} = ANY($1) AND site_id = $2`,
      [numbers, siteId],
    );
    return uniqueIdsByNumber(r.rows, type, numbers);
  }

  async documentNumbers(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const r = await this.pool.query<{ id: string; body: string }>(
      `SELECT id, body FROM larder_docs WHERE collection = 'documents' AND id = ANY($1)`,
      [ids],
    );
    const out = new Map<string, string>();
    for (const row of r.rows) {
      const number = parseStoredBody(row.body).number;
      if (typeof number === 'string') out.set(row.id, number);
    }
    return out;
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

  /** Must run inside a transaction; the counter row stays locked until it commits. */
  private async writeDocs(c: pg.PoolClient, collection: string, docs: readonly DocWrite[]): Promise<StoredDoc[]> {
    if (docs.length === 0) return [];
    const r = await c.query<{ value: string }>('UPDATE larder_counter SET value = value + $1 WHERE id = 1 RETURNING value', [docs.length]);
    const last = Number(r.rows[0]!.value);
    const first = last - docs.length + 1;
    const written = docs.map((d, i): StoredDoc => ({
      collection,
      id: d.id,
      seq: first + i,
      siteId: d.siteId,
      toSiteId: d.toSiteId,
      deleted: d.deleted,
      doc: d.doc,
    }));
    await c.query(
      `INSERT INTO larder_docs (${DOC_COLUMNS})
       SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::boolean[], $7::text[])
       ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, site_id = excluded.site_id,
         to_site_id = excluded.to_site_id, deleted = excluded.deleted, body = excluded.body`,
      [
        collection,
        written.map((w) => w.id),
        written.map((w) => w.seq),
        written.map((w) => w.siteId),
        written.map((w) => w.toSiteId),
        written.map((w) => w.deleted),
        written.map((w) => JSON.stringify(w.doc)),
      ],
    );
    await this.notify(c, { t: 'commit', seq: last });
    return written;
  }

  async putFile(file: FileRow, bytes: Buffer, siteId: string): Promise<void> {
    await this.tx(async (c) => {
      await c.query('INSERT INTO larder_files (hash, content_type, size, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
        file.hash,
        file.contentType,
        file.size,
        bytes,
      ]);
      await c.query('INSERT INTO larder_file_sites (hash, site_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [file.hash, siteId]);
    });
  }

  async getFile(hash: string): Promise<(FileRow & { bytes: Buffer; siteIds: string[] }) | null> {
    const r = await this.pool.query<{ hash: string; content_type: string; size: number; bytes: Buffer }>(
      'SELECT hash, content_type, size, bytes FROM larder_files WHERE hash = $1',
      [hash],
    );
    const row = r.rows[0];
    if (!row) return null;
    const s = await this.pool.query<{ site_id: string }>('SELECT site_id FROM larder_file_sites WHERE hash = $1', [hash]);
    return { hash: row.hash, contentType: row.content_type, size: row.size, bytes: row.bytes, siteIds: s.rows.map((x) => x.site_id) };
  }

  async fileNamedInReadableDoc(hash: string, transactional: readonly string[], scope: ReadScope): Promise<boolean> {
    const like = `%${hash}%`;
    const r = scope
      ? await this.pool.query(
          'SELECT 1 FROM larder_docs WHERE body LIKE $1 AND (NOT (collection = ANY($2)) OR site_id = $3 OR to_site_id = $3) LIMIT 1',
          [like, transactional, scope.siteId],
        )
      : await this.pool.query('SELECT 1 FROM larder_docs WHERE body LIKE $1 LIMIT 1', [like]);
    return (r.rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }
}
