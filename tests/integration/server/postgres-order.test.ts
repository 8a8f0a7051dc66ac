// PostgreSQL ordering without a global lock (issue 19, postgres-order.ts): many writers on several
// "processes" (storages on one schema) commit concurrently and out of number order, yet a reader
// following its checkpoint never passes a number that commits later. A trigger sleeping inside
// each write transaction, after the numbers are taken and before the commit, makes writers finish
// out of order; the same run against a naive horizon (the sequence's current value) must skip rows,
// so the test can fail.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../../server/storage/index';
import type { DocWrite } from '../../../server/storage/types';
import { openBackend, PG_URL, postgresAvailable, type Backend } from './helpers';

const available = await postgresAvailable();
let backend: Backend | undefined;
const extra: Storage[] = [];

afterEach(async () => {
  for (const s of extra.splice(0)) await s.close();
  await backend?.cleanup();
  backend = undefined;
});

async function sql(schema: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`SET search_path TO ${schema}`);
    await c.query(text);
  } finally {
    await c.end();
  }
}

const write = (id: string, siteId: string): DocWrite => ({
  id,
  siteId,
  toSiteId: null,
  deleted: false,
  doc: { id, siteId, _deleted: false },
});

/** Writers on `storages` and one reader following its checkpoint; returns what the reader missed. */
async function race(
  storages: Storage[],
  reader: Storage,
  pushes: number,
  prefix: string,
): Promise<{ skipped: string[]; streamSkipped: string[] }> {
  const written: string[] = [];
  let done = false;
  const writers = Array.from({ length: 12 }, async (_, w) => {
    for (let i = w; i < pushes; i += 12) {
      const ids = Array.from({ length: 1 + (i % 3) }, (_, k) => `${prefix}-${i}-${k}`);
      await storages[i % storages.length]!.push('movements', ids, () => ({ writes: ids.map((id) => write(id, 's1')), result: null }));
      written.push(...ids);
    }
  });
  const pulled = new Set<string>();
  const streamed = new Set<string>();
  const follow = (async () => {
    let checkpoint = 0;
    let streamAt = 0;
    for (let last = false; !last;) {
      last = done; // one more round after the writers finish
      const page = await reader.pull('movements', checkpoint, 50, null);
      for (const body of page.bodies) pulled.add((JSON.parse(body) as { id: string }).id);
      checkpoint = Math.max(checkpoint, page.scannedToSeq);
      const rows = await reader.readSince(streamAt, 50);
      for (const r of rows) streamed.add(r.id);
      streamAt = rows.at(-1)?.seq ?? streamAt;
      if (last && (page.bodies.length > 0 || rows.length > 0)) last = false;
    }
  })();
  await Promise.all(writers);
  done = true;
  await follow;
  return { skipped: written.filter((id) => !pulled.has(id)), streamSkipped: written.filter((id) => !streamed.has(id)) };
}

describe.skipIf(!available)('PostgreSQL: numbers from a sequence, served in order', () => {
  it('a reader never passes a number that commits later, with many concurrent writers', { timeout: 120_000 }, async () => {
    backend = await openBackend('postgres');
    const schema = backend.pgSchema!;
    const others = await Promise.all([1, 2].map(() => openStorage({ databaseUrl: PG_URL, pgSchema: schema, listen: false })));
    extra.push(...others);
    // Each write transaction sleeps 0–15 ms after taking its numbers, so commits come out of order.
    await sql(
      schema,
      `CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(random() * 0.015); RETURN NULL; END $$;
       CREATE TRIGGER slow_commit AFTER INSERT ON larder_docs FOR EACH STATEMENT EXECUTE FUNCTION slow_commit();`,
    );
    const { skipped, streamSkipped } = await race([backend.storage, ...others], others[0]!, 240, 'ordered');
    expect(skipped).toEqual([]);
    expect(streamSkipped).toEqual([]);

    // The control: with the horizon at the sequence's current value, the same race skips rows.
    await sql(schema, 'CREATE OR REPLACE FUNCTION larder_horizon() RETURNS bigint LANGUAGE sql AS $$ SELECT last_value FROM larder_seq $$');
    const naive = await race([backend.storage, ...others], others[0]!, 240, 'naive');
    expect(naive.skipped.length + naive.streamSkipped.length).toBeGreaterThan(0);
  });

  it('pushes naming the same document on two processes compare-and-write one after the other', async () => {
    backend = await openBackend('postgres');
    const other = await openStorage({ databaseUrl: PG_URL, pgSchema: backend.pgSchema!, listen: false });
    extra.push(other);
    // Each push inserts only when nothing is stored: exactly one of ten concurrent inserts may win.
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? other : backend!.storage).push('movements', ['same'], (stored) =>
          stored.has('same') ? { writes: [], result: 'conflict' } : { writes: [write('same', `s${i}`)], result: 'won' },
        ),
      ),
    );
    expect(outcomes.filter((o) => o.result === 'won')).toHaveLength(1);
  });

  it('an empty page moves the checkpoint past rows the store may not read, up to the horizon', async () => {
    backend = await openBackend('postgres');
    const { storage } = backend;
    await storage.putDocuments('movements', [write('a', 's1'), write('b', 's1'), write('c', 's2')]);
    const top = await storage.maxSeq();
    const s3 = await storage.pull('movements', 0, 10, { siteId: 's3' });
    expect(s3).toEqual({ bodies: [], lastSeq: null, scannedToSeq: top });
    const s2 = await storage.pull('movements', 0, 10, { siteId: 's2' });
    expect(s2.bodies.map((b) => (JSON.parse(b) as { id: string }).id)).toEqual(['c']);
    expect(s2.scannedToSeq).toBe(top);
    // A full page stops at its last row: what lies beyond was not looked at.
    const full = await storage.pull('movements', 0, 1, { siteId: 's1' });
    expect(full.scannedToSeq).toBe(full.lastSeq);
    expect(full.scannedToSeq).toBeLessThan(top);
  });
});
