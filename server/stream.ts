import type { CollectionName } from '../shared/schemas/index.js';
import { currentVersion } from '../shared/schemas/versions.js';
import { isCollectionName, isReadBySite } from './collections.js';
import { formatCheckpoint, type EpochClock } from './epoch.js';
import { GroupEncoder } from './projection.js';
import type { AuthTerminal, Storage, StoredDoc } from './storage/types.js';
import { StreamRecipients } from './stream-recipients.js';
import type { SchemaVersions, VersionMap } from './versions.js';

export interface StreamClient {
  terminal: AuthTerminal;
  /** The schema version this client reads each collection in (x-schema-versions). */
  versions: VersionMap;
  /** Bytes written but not yet taken by the operating system (the endpoint's own queue). */
  queuedBytes(): number;
  /** Queues the bytes; the same buffer goes to every client of an event, never a copy per client. */
  write(chunk: Buffer): void;
  /** `slow`: the reader fell behind, so its socket goes at once with what it still queues. */
  close(how: 'end' | 'slow'): void;
}

export interface StreamHubOptions {
  /** A comment line at least this often keeps proxies from closing idle streams (≤ 25 s by protocol). */
  keepaliveMs: number;
  /** How often to re-check open streams' tokens and look for other processes' commits. */
  pollMs: number;
  /** Stream checkpoints carry the epoch like pulled ones (SYNC-PROTOCOL.md, Epochs). */
  epochs: EpochClock;
}

const READ_BATCH = 1000;
/**
 * A reader whose unsent queue would pass this is closed; it reconnects and catches up by pull,
 * which is the truth (SYNC-PROTOCOL.md v1.1, Live stream). At 8 MiB, 120 readers that never read
 * and two 4.3 MiB pushes took the endpoint from 115 to 665 MiB (tests/integration/server/stream-limits).
 */
export const MAX_QUEUED_BYTES = 1024 * 1024;
/** More streams of one token close its oldest (SYNC-PROTOCOL.md v1.1): one token cannot hold many sockets. */
export const MAX_STREAMS_PER_TOKEN = 4;
/**
 * A commit's documents are announced in events of about this size (one document more at most),
 * so an event always fits a reader's queue and a reader keeping up is never closed for a big push.
 */
const EVENT_TARGET_BYTES = 256 * 1024;
/** How long the hub waits for a reader's queue to have room before closing it, and how often it looks. */
const SLOW_READER_MS = 2000;
const DRAIN_POLL_MS = 20;
const KEEPALIVE = Buffer.from(': keepalive\n\n');

/** The slice's row indices by each site they name (siteId, toSiteId), ascending: what that site's streams read. */
function rowsBySite(group: readonly StoredDoc[], from: number, to: number): Map<string, number[]> {
  const bySite = new Map<string, number[]>();
  const note = (siteId: string | null, index: number) => {
    if (siteId === null) return;
    const list = bySite.get(siteId);
    if (list) list.push(index);
    else bySite.set(siteId, [index]);
  };
  for (let index = from; index < to; index++) {
    const doc = group[index]!;
    note(doc.siteId, index);
    if (doc.toSiteId !== doc.siteId) note(doc.toSiteId, index);
  }
  return bySite;
}

/**
 * Fans commits out to the open SSE streams of this process. A commit only pokes the hub; the hub
 * reads every row above the last one it saw, in sequence order, so commits from this process, from
 * another process (NOTIFY on PostgreSQL) and from the admin CLI (found by polling) all arrive the
 * same way and nothing is announced twice or out of order.
 */
export class StreamHub {
  private readonly clients = new StreamRecipients();
  private lastSeen = 0;
  private pumping = false;
  private again = false;
  private timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void)[] = [];
  private stopped = false;
  private epoch = '';

  constructor(
    private readonly storage: Storage,
    private readonly versions: SchemaVersions,
    private readonly opts: StreamHubOptions,
  ) {}

  async start(): Promise<void> {
    this.lastSeen = await this.storage.maxSeq();
    this.epoch = await this.opts.epochs.current();
    this.unsubscribe.push(this.storage.onCommit(() => this.poke()));
    this.unsubscribe.push(this.storage.onRevoke((id) => this.closeTerminal(id)));
    this.timers.push(setInterval(() => this.keepalive(), this.opts.keepaliveMs));
    this.timers.push(
      setInterval(() => {
        void this.checkEpoch().then(() => this.poke());
        void this.checkRevocations();
      }, this.opts.pollMs),
    );
    for (const t of this.timers) t.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** What every open stream still has queued in this process (SYNC-PROTOCOL.md: queued stream bytes). */
  queuedBytes(): number {
    let total = 0;
    for (const c of this.clients) total += c.queuedBytes();
    return total;
  }

  /** Adds a stream; a token's streams past the cap close its oldest (a Set iterates in insertion order). */
  add(client: StreamClient): () => void {
    const same = this.clients.ofTerminal(client.terminal.terminalId);
    for (const old of same.slice(0, Math.max(0, same.length - MAX_STREAMS_PER_TOKEN + 1))) this.drop(old, 'end');
    this.clients.add(client);
    return () => void this.clients.delete(client);
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
   * Consecutive rows of one collection form events (split by size), so events stay in sequence
   * order. Each document is serialised once per schema version its readers speak, and each
   * distinct event (version × read scope) is assembled once, however many clients receive it.
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
    // Never a checkpoint of the new epoch to a client still holding one of the old.
    if (await this.checkEpoch()) return;
    const encoder = new GroupEncoder(
      collection,
      group.map((d) => d.doc),
      this.versions,
    );
    const latest = currentVersion(collection);
    let start = 0;
    let bytes = 0;
    for (let i = 0; i < group.length; i++) {
      bytes += Buffer.byteLength(encoder.json(i, latest));
      if (bytes < EVENT_TARGET_BYTES && i < group.length - 1) continue;
      await this.dispatchSlice(collection, group, start, i + 1, encoder);
      start = i + 1;
      bytes = 0;
    }
  }

  /**
   * One event per distinct (version × read scope), assembled and encoded once as a buffer that
   * every client of that key shares, however many they are. Only the slice's recipients are
   * visited: for a transactional collection HQ's streams and those of the sites its rows name
   * (siteId, toSiteId), which is server/scope.ts's read rule; every stream for a collection every
   * site reads.
   */
  private async dispatchSlice(
    collection: CollectionName,
    group: readonly StoredDoc[],
    from: number,
    to: number,
    encoder: GroupEncoder,
  ): Promise<void> {
    const checkpoint = JSON.stringify(formatCheckpoint(await this.opts.epochs.current(), group[to - 1]!.seq));
    const targets: { client: StreamClient; chunk: Buffer }[] = [];
    const everyRow = Array.from({ length: to - from }, (_, k) => from + k);
    const send = (clients: Iterable<StreamClient>, indices: readonly number[]) => {
      const byVersion = new Map<number, Buffer>();
      for (const client of clients) {
        const version = client.versions[collection];
        let event = byVersion.get(version);
        if (!event) {
          const parts = indices.map((index) => encoder.json(index, version));
          event = Buffer.from(
            `event: change\ndata: {"collection":${JSON.stringify(collection)},"documents":[${parts.join(',')}],"checkpoint":${checkpoint}}\n\n`,
          );
          byVersion.set(version, event);
        }
        targets.push({ client, chunk: event });
      }
    };
    if (!isReadBySite(collection)) send(this.clients, everyRow);
    else {
      send(this.clients.hqStreams(), everyRow);
      for (const [siteId, indices] of rowsBySite(group, from, to)) {
        const clients = this.clients.ofSite(siteId);
        if (clients) send(clients, indices);
      }
    }
    await this.deliver(targets);
  }

  /**
   * Writes each chunk once its reader's queue has room for it. The hub waits (a burst is never
   * queued whole, so a reader that keeps up is not closed for a big push); a reader still without
   * room after SLOW_READER_MS is closed and catches up by pull. Waiting readers wait together, so
   * stalled ones cost the others that delay once, not once each.
   */
  private async deliver(targets: { client: StreamClient; chunk: Buffer }[]): Promise<void> {
    const fits = (t: { client: StreamClient; chunk: Buffer }) => t.client.queuedBytes() + t.chunk.length <= MAX_QUEUED_BYTES;
    let waiting = targets.filter((t) => {
      if (!this.clients.has(t.client) || !fits(t)) return true;
      t.client.write(t.chunk);
      return false;
    });
    const deadline = Date.now() + SLOW_READER_MS;
    while (waiting.length > 0 && Date.now() < deadline && !this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
      waiting = waiting.filter((t) => {
        if (!this.clients.has(t.client)) return false;
        if (!fits(t)) return true;
        t.client.write(t.chunk);
        return false;
      });
    }
    for (const t of waiting) if (this.clients.has(t.client)) this.drop(t.client, 'slow');
  }

  /** A reader with bytes still queued is not idle, so it needs no comment line (and gets no more queued). */
  private keepalive(): void {
    for (const c of this.clients) if (c.queuedBytes() === 0) c.write(KEEPALIVE);
  }

  private drop(client: StreamClient, how: 'end' | 'slow'): void {
    this.clients.delete(client);
    client.close(how);
  }

  closeTerminal(terminalId: string): void {
    for (const c of this.clients.ofTerminal(terminalId)) this.drop(c, 'end');
  }

  /**
   * `admin epoch new` on a database restored under running endpoints (PostgreSQL): every stream is
   * ended, so each terminal reconnects, pulls with its old checkpoint and is told the epoch changed;
   * the hub starts again from the restored database's own last sequence. True when it changed.
   */
  private async checkEpoch(): Promise<boolean> {
    if (this.stopped) return false;
    let current: string;
    try {
      current = await this.opts.epochs.current();
    } catch {
      return false; // read again on the next tick
    }
    if (current === this.epoch) return false;
    this.epoch = current;
    this.lastSeen = await this.storage.maxSeq().catch(() => this.lastSeen);
    for (const c of [...this.clients]) this.drop(c, 'end');
    return true;
  }

  /** Catches revocations made by another process on SQLite, where there is no NOTIFY. */
  private async checkRevocations(): Promise<void> {
    if (this.clients.size === 0 || this.stopped) return;
    const ids = this.clients.terminalIds();
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
    for (const c of [...this.clients]) this.drop(c, 'end');
  }
}
