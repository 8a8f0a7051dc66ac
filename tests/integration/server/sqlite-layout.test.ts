import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../../server/storage/sqlite';

// The document table as every release before issue 19 created it: the sequence a column beside
// the rowid, with a unique index of its own.
const EARLIER_LAYOUT = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs (
  collection TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL UNIQUE,
  site_id TEXT, to_site_id TEXT, deleted INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (collection, id));
CREATE INDEX docs_by_collection_seq ON docs (collection, seq);
CREATE INDEX docs_documents_by_number ON docs (json_extract(body, '$.number')) WHERE collection = 'documents';
`;

describe('SQLite document layout', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('brings a database of the earlier layout over whole, in sequence order, and goes on numbering after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'larder-layout-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'larder.sqlite'));
    db.exec(EARLIER_LAYOUT);
    const insert = db.prepare('INSERT INTO docs (collection, id, seq, site_id, to_site_id, deleted, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
    // Written out of sequence order on purpose: the rowids of the old table do not follow the sequence.
    const rows: [string, string, number, string | null, string | null][] = [
      ['movements', 'm2', 5, 's1', null],
      ['movements', 'm1', 2, 's2', null],
      ['documents', 'd1', 3, 'k1', 's1'],
      ['movements', 'm3', 7, 's1', null],
    ];
    for (const [collection, id, seq, site, to] of rows)
      insert.run(collection, id, seq, site, to, 0, JSON.stringify({ id, siteId: site, _deleted: false }));
    db.prepare("INSERT INTO meta (key, value) VALUES ('seq', '7')").run();
    db.close();

    const storage = new SqliteStorage(dir);
    try {
      const bodyIds = (bodies: string[]) => bodies.map((b) => (JSON.parse(b) as { id: string }).id);
      expect(bodyIds((await storage.pull('movements', 0, 10, null)).bodies)).toEqual(['m1', 'm2', 'm3']);
      expect(bodyIds((await storage.pull('movements', 0, 10, { siteId: 's1' })).bodies)).toEqual(['m2', 'm3']);
      expect(bodyIds((await storage.pull('documents', 0, 10, { siteId: 's1' })).bodies)).toEqual(['d1']);
      expect((await storage.readSince(0, 10)).map((d) => [d.id, d.seq])).toEqual([
        ['m1', 2],
        ['d1', 3],
        ['m2', 5],
        ['m3', 7],
      ]);
      const { written } = await storage.push('movements', ['m1'], () => ({
        writes: [{ id: 'm1', siteId: 's2', toSiteId: null, deleted: false, doc: { id: 'm1', siteId: 's2', _deleted: false, qty: 2 } }],
        result: null,
      }));
      // A rewritten document moves to the next sequence, after everything stored.
      expect(written[0]!.seq).toBe(8);
      expect((await storage.readSince(7, 10)).map((d) => d.id)).toEqual(['m1']);
    } finally {
      await storage.close();
    }
    const reopened = new Database(join(dir, 'larder.sqlite'), { readonly: true });
    const sql = (reopened.prepare("SELECT sql FROM sqlite_schema WHERE name = 'docs'").get() as { sql: string }).sql;
    reopened.close();
    expect(sql).toMatch(/seq INTEGER PRIMARY KEY/);
  });
});
