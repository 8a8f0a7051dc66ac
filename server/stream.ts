import { currentVersion } from '../shared/schemas/versions.js';
import { isCollectionName } from './collections.js';
import { GroupEncoder, linksForProjection } from './projection.js';
import { inScope, readScope } from './scope.js';
import type { AuthTerminal, Storage, StoredDoc } from './storage/types.js';
import type { SchemaVersions, VersionMap } from './versions.js';

export interface StreamClient {
  terminal: AuthTerminal;
  /** The schema version this client reads each collection in (x-schema-versions). */
  versions: VersionMap;
  /** Returns the bytes still queued on the socket, so a stalled reader can be dropped. */
  write(chunk: string): number;
  close(): void;
}

export interface StreamHubOptions {
  /** A comment line at least this often keeps proxies from closing idle streams (≤ 25 s by protocol). */
  keepaliveMs: number;
  /** How often to re-check open streams' tokens and look for other processes' commits. */
  pollMs: number;
}

const READ_BATCH = 1000;
/** A reader this far behind is dropped; it reconnects and catches up by pull, which is the truth. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

/**
 * Fans commits out to the open SSE streams of this process. A commit only pokes the hub; the hub
 * reads every row above the last one it saw, in sequence order, so commits from this process, from
 * another process (NOTIFY on PostgreSQL) and from the admin CLI (found by polling) all arrive the
 * same way and nothing is announced twice or out of order.
 */
export class StreamHub {
  private readonly clients = new Set<StreamClient>();
  private lastSeen = 0;
  private pumping = false;
  private again = false;
  private timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly storage: Storage,
    private readonly versions: SchemaVersions,
    private readonly opts: StreamHubOptions,
  ) {}

  async start(): Promise<void> {
    this.lastSeen = await this.storage.maxSeq();
    this.unsubscribe.push(this.storage.onCommit(() => this.poke()));
    this.unsubscribe.push(this.storage.onRevoke((id) => this.closeTerminal(id)));
    this.timers.push(setInterval(() => this.broadcast(': keepalive\n\n'), this.opts.keepaliveMs));
    this.timers.push(
      setInterval(() => {
        this.poke();
        void this.checkRevocations();
      }, this.opts.pollMs),
    );
    for (const t of this.timers) t.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  add(client: StreamClient): () => void {
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  poke(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.pump().finally(() => {
      this.pumping = false;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const rows = await this.storage.readSince(this.lastSeen, READ_BATCH);
        if (rows.length === 0 || this.stopped) return;
        this.lastSeen = rows[rows.length - 1]!.seq;
        if (this.clients.size > 0) await this.dispatch(rows);
        if (rows.length < READ_BATCH) return;
      }
    } catch {
      // The storage closing under a shutdown, or a dropped connection: the next poke retries, and
      // a terminal that missed an event still gets the rows by pull.
    }
  }

  /**
   * Consecutive rows of one collection form one event, so events stay in sequence order. Each
   * document is serialised once per schema version its readers speak, and each distinct event
   * (version × read scope) is assembled once, however many clients receive it.
   */
  private async dispatch(rows: readonly StoredDoc[]): Promise<void> {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i]!.collection === rows[start]!.collection) continue;
      await this.dispatchGroup(rows.slice(start, i));
      start = i;
    }
  }

  private async dispatchGroup(group: readonly StoredDoc[]): Promise<void> {
    const collection = group[0]!.collection;
    if (!isCollectionName(collection)) return;
    const clients = [...this.clients];
    const docs = group.map((d) => d.doc);
    // Lookups for older readers (a v0 terminal reads request numbers in its dispatch notes) are
    // made once per group, for the oldest version any client reads in.
    const oldest = Math.min(currentVersion(collection), ...clients.map((c) => c.versions[collection]));
    const links = await linksForProjection(this.storage, collection, oldest, docs);
    const encoder = new GroupEncoder(collection, docs, this.versions, links);
    const checkpoint = JSON.stringify(String(group[group.length - 1]!.seq));
    const events = new Map<string, string | null>();
    for (const client of clients) {
      if (!this.clients.has(client)) continue;
      const version = client.versions[collection];
      const scope = readScope(client.terminal, collection);
      const key = `${version}\u0000${scope?.siteId ?? ''}`;
      let event = events.get(key);
      if (event === undefined) {
        const parts: string[] = [];
        group.forEach((d, index) => {
          if (inScope(scope, d)) parts.push(encoder.json(index, version));
        });
        event =
          parts.length === 0
            ? null
            : `event: change\ndata: {"collection":${JSON.stringify(collection)},"documents":[${parts.join(',')}],"checkpoint":${checkpoint}}\n\n`;
        events.set(key, event);
      }
      if (event !== null) this.send(client, event);
    }
  }

  private send(client: StreamClient, chunk: string): void {
    if (client.write(chunk) > MAX_QUEUED_BYTES) this.drop(client);
  }

  private broadcast(chunk: string): void {
    for (const c of this.clients) this.send(c, chunk);
  }

  private drop(client: StreamClient): void {
    this.clients.delete(client);
    client.close();
  }

  closeTerminal(terminalId: string): void {
    for (const c of this.clients) if (c.terminal.terminalId === terminalId) this.drop(c);
  }

  /** Catches revocations made by another process on SQLite, where there is no NOTIFY. */
  private async checkRevocations(): Promise<void> {
    if (this.clients.size === 0 || this.stopped) return;
    const ids = [...new Set([...this.clients].map((c) => c.terminal.terminalId))];
    try {
      const active = await this.storage.activeTerminals(ids);
      for (const id of ids) if (!active.has(id)) this.closeTerminal(id);
    } catch {
      // Retried on the next tick.
    }
  }

  /** Ends every stream and stops the timers; used by graceful shutdown before the server closes. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    for (const u of this.unsubscribe) u();
    for (const c of [...this.clients]) this.drop(c);
  }
}
