import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectionNames } from '../../../shared/schemas/index';
import { currentVersion } from '../../../shared/schemas/versions';
import { EpochClock } from '../../../server/epoch';
import { inScope, readScope } from '../../../server/scope';
import type { AuthTerminal, SiteKind, Storage, StoredDoc } from '../../../server/storage/types';
import { StreamHub, type StreamClient } from '../../../server/stream';
import { parseMinSchema, SchemaVersions } from '../../../server/versions';

// The hub finds a commit's recipients through its index by site (issue 19), not by testing every
// stream: whatever the streams and rows, each stream must get exactly the rows the read scope of
// SYNC-PROTOCOL.md lets it read (server/scope.ts), in sequence order, and nothing else.

const SITES: Record<string, SiteKind> = { hq: 'hq', k1: 'kitchen', s1: 'store', s2: 'store', s3: 'store' };
const currentVersions = Object.fromEntries(collectionNames.map((c) => [c, currentVersion(c)])) as StreamClient['versions'];

/** Just what the hub reads: rows above a sequence, the epoch, commit notices. */
class RowsStorage {
  rows: StoredDoc[] = [];
  private listener: (seq: number) => void = () => undefined;
  async maxSeq(): Promise<number> {
    return this.rows.at(-1)?.seq ?? 0;
  }
  async getMeta(): Promise<string> {
    return 'epoch-1';
  }
  async readSince(after: number, limit: number): Promise<StoredDoc[]> {
    return this.rows.filter((r) => r.seq > after).slice(0, limit);
  }
  async activeTerminals(ids: readonly string[]): Promise<Set<string>> {
    return new Set(ids);
  }
  onCommit(listener: (seq: number) => void): () => void {
    this.listener = listener;
    return () => undefined;
  }
  onRevoke(): () => void {
    return () => undefined;
  }
  commit(docs: Omit<StoredDoc, 'seq' | 'deleted' | 'doc'>[]): void {
    for (const d of docs) {
      const seq = this.rows.length + 1;
      this.rows.push({ ...d, seq, deleted: false, doc: { id: d.id, siteId: d.siteId, toSiteId: d.toSiteId, _deleted: false } });
    }
    this.listener(this.rows.length);
  }
}

function recordingClient(siteId: string, n: number): StreamClient & { received: string[] } {
  const terminal: AuthTerminal = { terminalId: `t-${siteId}-${n}`, siteId, siteKind: SITES[siteId]! };
  const received: string[] = [];
  return {
    terminal,
    versions: currentVersions,
    received,
    queuedBytes: () => 0,
    write: (chunk) => {
      const text = chunk.toString();
      const data = /^event: change\ndata: (.*)\n\n$/s.exec(text)?.[1];
      if (!data) return;
      const event = JSON.parse(data) as { collection: string; documents: { id: string }[] };
      for (const d of event.documents) received.push(`${event.collection}/${d.id}`);
    },
    close: () => undefined,
  };
}

const site = fc.constantFrom(...Object.keys(SITES));
const row = fc.record({
  collection: fc.constantFrom('movements', 'documents', 'products'),
  siteId: fc.option(site, { nil: null }),
  toSiteId: fc.option(site, { nil: null }),
});

describe('stream fan-out by recipient', () => {
  it('sends each stream exactly the rows its site may read, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(site, { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(row, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        async (clientSites, commits) => {
          const storage = new RowsStorage();
          const fake = storage as unknown as Storage;
          const hub = new StreamHub(fake, new SchemaVersions(parseMinSchema(undefined)), {
            keepaliveMs: 3_600_000,
            pollMs: 3_600_000,
            epochs: new EpochClock(fake),
          });
          await hub.start();
          const clients = clientSites.map((s, n) => recordingClient(s, n));
          for (const c of clients) hub.add(c);
          let id = 0;
          for (const commit of commits) {
            storage.commit(commit.map((r) => ({ ...r, id: `d${id++}` })));
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          const expected = clients.map((c) =>
            storage.rows.filter((r) => inScope(readScope(c.terminal, r.collection), r)).map((r) => `${r.collection}/${r.id}`),
          );
          for (let wait = 0; wait < 100 && clients.some((c, i) => c.received.length < expected[i]!.length); wait++)
            await new Promise((resolve) => setTimeout(resolve, 5));
          hub.stop();
          expect(clients.map((c) => c.received)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
