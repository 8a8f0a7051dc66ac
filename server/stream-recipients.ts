import type { CollectionName } from '../shared/schemas/index.js';
import type { StreamClient } from './stream.js';

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * The open streams of this process, indexed the ways a commit and a revocation look them up: by
 * site (a store's or kitchen's terminals read that site's transactional rows), HQ (reads every
 * row), terminal (a token's streams, capped and revoked together) and, per collection, the schema
 * versions they read in. A commit then costs its recipients, not every open stream (issue 19:
 * testing every client against every commit collapsed the endpoint at 4,000 terminals).
 */
export class StreamRecipients implements Iterable<StreamClient> {
  /** Every stream, in the order they opened (a token's oldest first). */
  private readonly all = new Set<StreamClient>();
  private readonly hq = new Set<StreamClient>();
  private readonly bySite = new Map<string, Set<StreamClient>>();
  private readonly byTerminal = new Map<string, Set<StreamClient>>();
  /** Per collection, how many streams read it at each version. */
  private readonly versionCounts = new Map<CollectionName, Map<number, number>>();

  get size(): number {
    return this.all.size;
  }

  [Symbol.iterator](): Iterator<StreamClient> {
    return this.all.values();
  }

  has(client: StreamClient): boolean {
    return this.all.has(client);
  }

  add(client: StreamClient): void {
    if (this.all.has(client)) return;
    this.all.add(client);
    const { terminal } = client;
    if (terminal.siteKind === 'hq') this.hq.add(client);
    else addTo(this.bySite, terminal.siteId, client);
    addTo(this.byTerminal, terminal.terminalId, client);
    for (const [collection, version] of Object.entries(client.versions) as [CollectionName, number][]) {
      let counts = this.versionCounts.get(collection);
      if (!counts) {
        counts = new Map();
        this.versionCounts.set(collection, counts);
      }
      counts.set(version, (counts.get(version) ?? 0) + 1);
    }
  }

  /** False when the client was not (or no longer) open. */
  delete(client: StreamClient): boolean {
    if (!this.all.delete(client)) return false;
    const { terminal } = client;
    if (terminal.siteKind === 'hq') this.hq.delete(client);
    else removeFrom(this.bySite, terminal.siteId, client);
    removeFrom(this.byTerminal, terminal.terminalId, client);
    for (const [collection, version] of Object.entries(client.versions) as [CollectionName, number][]) {
      const counts = this.versionCounts.get(collection);
      const left = (counts?.get(version) ?? 0) - 1;
      if (left > 0) counts?.set(version, left);
      else counts?.delete(version);
    }
    return true;
  }

  /** A token's open streams, oldest first. */
  ofTerminal(terminalId: string): StreamClient[] {
    return [...(this.byTerminal.get(terminalId) ?? [])];
  }

  terminalIds(): string[] {
    return [...this.byTerminal.keys()];
  }

  /** Streams of HQ terminals: they read every site's rows. */
  hqStreams(): ReadonlySet<StreamClient> {
    return this.hq;
  }

  /** Streams of one (non-HQ) site's terminals. */
  ofSite(siteId: string): ReadonlySet<StreamClient> | undefined {
    return this.bySite.get(siteId);
  }

  /** The oldest schema version any open stream reads `collection` in, or `fallback` when none is open. */
  oldestVersion(collection: CollectionName, fallback: number): number {
    let oldest = fallback;
    for (const version of this.versionCounts.get(collection)?.keys() ?? []) oldest = Math.min(oldest, version);
    return oldest;
  }
}
