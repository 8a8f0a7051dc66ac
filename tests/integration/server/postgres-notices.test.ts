// Commits announced with their documents (issue 19): a process's live stream fans out another
// process's commit from the NOTIFY payload, without reading the rows back, and reads the database
// for a commit too large for one payload (NOTIFY's 8,000-byte limit).
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { RecentCommits } from '../../../server/storage/postgres-notices';
import { openStorage, type Storage } from '../../../server/storage/index';
import type { DocWrite, StoredDoc } from '../../../server/storage/types';
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

const write = (id: string, note = ''): DocWrite => ({
  id,
  siteId: 's1',
  toSiteId: null,
  deleted: false,
  doc: { id, note, _deleted: false },
});
const heardUpTo = (storage: Storage, seq: number) =>
  new Promise<void>((resolve) => {
    const off = storage.onCommit((s) => {
      if (s >= seq) {
        off();
        resolve();
      }
    });
  });

describe.skipIf(!available)('PostgreSQL commit notices', () => {
  it('another process streams a push from its notice, and reads back a commit too large to announce', async () => {
    backend = await openBackend('postgres');
    const schema = backend.pgSchema!;
    const writer = await openStorage({ databaseUrl: PG_URL, pgSchema: schema, listen: false });
    extra.push(writer);
    const listener = backend.storage;
    const start = await listener.maxSeq();

    // With the database unreadable for the listener's stream (its horizon fails), the small commit still arrives.
    await sql(schema, "CREATE OR REPLACE FUNCTION larder_horizon() RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RAISE 'no reads'; END $$");
    const heard = heardUpTo(listener, start + 2);
    // A push of new documents announces them from the database (one round trip with its commit).
    const ids = ['small-1', 'small-2'];
    const { written } = await writer.push('movements', ids, () => ({ writes: ids.map((id) => write(id)), result: null }));
    await heard;
    const fromNotice = await listener.readSince(start, 100);
    expect(fromNotice.map((d) => [d.id, d.seq, d.doc])).toEqual(written.map((d) => [d.id, d.seq, d.doc]));

    // Too large for a payload: announced by number only, so the stream must read the database.
    const big = 'x'.repeat(9000);
    const heardBig = heardUpTo(listener, start + 3);
    await writer.putDocuments('movements', [write('big', big)]);
    await heardBig;
    await expect(listener.readSince(start + 2, 100)).rejects.toThrow(/no reads/);
    await sql(schema, 'DROP FUNCTION larder_horizon()');
    extra.push(listener); // the schema's functions come back on the next open
    backend.storage = await openStorage({ databaseUrl: PG_URL, pgSchema: schema });
    const read = await backend.storage.readSince(start + 2, 100);
    expect(read.map((d) => [d.id, (d.doc as { note: string }).note.length])).toEqual([['big', 9000]]);
  });
});

describe('recent commits', () => {
  const doc = (seq: number): StoredDoc => ({
    collection: 'movements',
    id: `m${seq}`,
    seq,
    siteId: null,
    toSiteId: null,
    deleted: false,
    doc: {},
  });

  it('serves only an unbroken run of numbers after the point it started listening', () => {
    const recent = new RecentCommits();
    recent.add([doc(3)]);
    expect(recent.readSince(2, 10)).toBeNull(); // not listening yet: 3 may not be the first after 2
    recent.start(10);
    recent.add([doc(11), doc(12), doc(14)]);
    expect(recent.readSince(9, 10)).toBeNull(); // 10 may have committed unheard
    expect(recent.readSince(10, 10)?.map((d) => d.seq)).toEqual([11, 12]); // 13 still unknown
    expect(recent.readSince(10, 1)?.map((d) => d.seq)).toEqual([11]);
    expect(recent.readSince(12, 10)).toBeNull();
    recent.hear({ t: 'commit', seq: 13, from: 'other', seqs: [13] }); // committed, body too large to announce
    expect(recent.readSince(12, 10)).toBeNull();
    recent.hear({ t: 'commit', seq: 15, from: 'other', collection: 'movements', docs: [['m15', 15, 's1', null, false, { a: 1 }]] });
    expect(recent.readSince(13, 10)?.map((d) => [d.seq, d.siteId])).toEqual([
      [14, null],
      [15, 's1'],
    ]);
  });

  it('forgets everything when one number names two documents (a restored database reusing numbers)', () => {
    const recent = new RecentCommits();
    recent.start(0);
    recent.add([doc(1), doc(2)]);
    recent.add([{ ...doc(2), id: 'other' }]);
    expect(recent.readSince(0, 10)).toBeNull();
  });
});
