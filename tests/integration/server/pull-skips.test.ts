import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDocuments } from '../../../server/admin-ops';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { movement, openBackend, postgresAvailable, seedOrg, SyncClient, businessDoc, type Backend } from './helpers';

// Issue 19: a pull's checkpoint moves past what the terminal may not read, so a store with nothing
// readable does not rescan the collection on every pull and RESYNC. Both stores compute
// `scannedToSeq`; PostgreSQL caps it at the oldest write still in flight (none here).
const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(backends)('pull checkpoints skip unreadable rows on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let s1: SyncClient;
  let s2: SyncClient;
  let k1: SyncClient;
  let epoch: string;

  beforeEach(async () => {
    backend = await openBackend(backendName);
    const org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null });
    s1 = new SyncClient(endpoint.url, org.tokens.s1);
    s2 = new SyncClient(endpoint.url, org.tokens.s2);
    k1 = new SyncClient(endpoint.url, org.tokens.k1);
    epoch = (await s1.request<{ epoch: string }>('GET', '/api/v1/health')).body.epoch;
  });

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  const seqOf = (checkpoint: string) => Number(checkpoint.split(':').at(-1));

  it('an empty page moves the checkpoint to the newest row of the collection', async () => {
    const seeded = await seedDocuments(
      backend.storage,
      'movements',
      Array.from({ length: 1500 }, () => movement('k1')),
    );
    const newest = seeded.at(-1)!.seq;
    const first = await s1.pull('movements');
    expect(first.body).toEqual({ documents: [], checkpoint: `${epoch}:${newest}` });
    // Nothing newer: the checkpoint comes back unchanged.
    expect((await s1.pull('movements', first.body.checkpoint)).body).toEqual({ documents: [], checkpoint: first.body.checkpoint });
  });

  it('a short page points past the unreadable rows after it; a full page at its last row', async () => {
    const mine = movement('s1');
    await s1.insert('movements', [mine]);
    await s2.insert('movements', [movement('s2'), movement('s2')]);
    const short = await s1.pull('movements', undefined, 10);
    expect(short.body.documents.map((d) => d.id)).toEqual([mine.id]);
    expect(seqOf(short.body.checkpoint)).toBe(await backend.storage.maxSeq());

    const more = [movement('s1'), movement('s1')];
    await s1.insert('movements', more);
    await s2.insert('movements', [movement('s2')]);
    const full = await s1.pull('movements', short.body.checkpoint, 1);
    expect(full.body.documents.map((d) => d.id)).toEqual([more[0]!.id]);
    const rest = await s1.pull('movements', full.body.checkpoint, 10);
    // Exactly once: the row after the full page's checkpoint is still there.
    expect(rest.body.documents.map((d) => d.id)).toEqual([more[1]!.id]);
  });

  it('rows addressed to the store are read after a skip, each once, in sequence order', async () => {
    await seedDocuments(
      backend.storage,
      'documents',
      Array.from({ length: 50 }, () => businessDoc('k1', { type: 'production-run', number: 'P-1' })),
    );
    const skipped = await s1.pull('documents');
    expect(skipped.body.documents).toEqual([]);
    const toS1 = businessDoc('k1', { type: 'dispatch', toSiteId: 's1', number: 'PS-1', status: 'shipped' });
    const own = businessDoc('s1');
    await k1.insert('documents', [toS1]);
    await k1.insert('documents', [businessDoc('k1', { type: 'dispatch', toSiteId: 's2', number: 'PS-2', status: 'shipped' })]);
    await s1.insert('documents', [own]);
    const page = await s1.pull('documents', skipped.body.checkpoint);
    expect(page.body.documents.map((d) => d.id)).toEqual([toS1.id, own.id]);
    expect((await s1.pull('documents', page.body.checkpoint)).body.documents).toEqual([]);
  });
});
