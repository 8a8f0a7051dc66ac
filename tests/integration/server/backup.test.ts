// `admin backup` and `admin restore` on SQLite (SYNC-PROTOCOL.md, Epochs, backup and restore;
// Running the endpoint): a backup taken while pushes go on is a consistent database, and a
// restored database is of a new epoch, so a checkpoint given before the restore is refused with
// 409 epoch-changed instead of silently skipping the sequence numbers the restore hands out again.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { movement, openBackend, runAdmin, seedOrg, spawnServer, SyncClient, type Backend, type SpawnedServer } from './helpers';

let backend: Backend | undefined;
let server: SpawnedServer | undefined;
const dirs: string[] = [];

afterEach(async () => {
  await server?.stop();
  server = undefined;
  await backend?.cleanup();
  backend = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'larder-backup-test-'));
  dirs.push(d);
  return d;
}

const epochOf = (stdout: string) => /^epoch (\S+)$/m.exec(stdout)?.[1];

describe('admin backup (SQLite)', () => {
  it('takes a consistent copy while pushes go on, and names its epoch', { timeout: 120_000 }, async () => {
    backend = await openBackend('sqlite');
    const org = await seedOrg(backend.storage);
    // The writers push as fast as they can: on a quiet machine that passes the default per-token
    // rate limit (50/s), which is not what this test is about.
    server = await spawnServer(['--data', backend.dataDir, '--port', '0', '--host', '127.0.0.1'], { LARDER_RATE_LIMIT: '100000' });
    const s1 = new SyncClient(server.url, org.tokens.s1);
    const health = (await s1.request<{ epoch?: string }>('GET', '/api/v1/health')).body;
    expect(health.epoch).toEqual(expect.any(String));

    // Four writers push batches of 10 movements (one transaction each) until told to stop.
    let pushing = true;
    let batches = 0;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let n = 0; pushing; n++) {
        const docId = `batch-${w}-${n}`;
        await s1.insert(
          'movements',
          Array.from({ length: 10 }, (_, i) => movement('s1', { docId, lineNo: i })),
        );
        batches++;
      }
    });
    const out = scratch();
    const backups: { file: string; epoch: string | undefined }[] = [];
    try {
      while (batches < 5) await new Promise((r) => setTimeout(r, 50));
      for (let i = 0; i < 3; i++) {
        const file = join(out, `larder-${i}.sqlite`);
        const res = await runAdmin(['backup', '--out', file, '--data', backend.dataDir]);
        expect(res.code, res.stderr).toBe(0);
        expect(res.stdout).toContain(file);
        backups.push({ file, epoch: epochOf(res.stdout) });
      }
    } finally {
      pushing = false;
      await Promise.all(writers);
    }
    expect(batches).toBeGreaterThan(5);

    const sizes: number[] = [];
    for (const { file, epoch } of backups) {
      expect(epoch).toBe(health.epoch);
      expect(statSync(file).mode & 0o077).toBe(0);
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        // Every push is one transaction: a batch is in the copy whole or not at all.
        const perBatch = db
          .prepare(`SELECT json_extract(body, '$.docId') AS docId, count(*) AS n FROM docs WHERE collection = 'movements' GROUP BY 1`)
          .all() as { docId: string; n: number }[];
        for (const b of perBatch) expect(b, `batch ${b.docId}`).toMatchObject({ n: 10 });
        sizes.push(perBatch.length);
        // The sequence counter covers every row, so the restored endpoint never reuses a number within it.
        const seq = db
          .prepare(`SELECT (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'seq') AS counter, max(seq) AS top FROM docs`)
          .get() as {
          counter: number;
          top: number;
        };
        expect(seq.counter).toBe(seq.top);
      } finally {
        db.close();
      }
    }
    expect(sizes[0]).toBeGreaterThan(0);

    // A backup never overwrites a file; with DATABASE_URL it names pg_dump instead.
    const again = await runAdmin(['backup', '--out', backups[0]!.file, '--data', backend.dataDir]);
    expect(again.code).toBe(1);
    const pgAsked = await runAdmin(['backup', '--out', join(out, 'x.sqlite')], { DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    expect(pgAsked.code).toBe(2);
    expect(pgAsked.stderr).toContain('pg_dump');
    expect(existsSync(join(out, 'x.sqlite'))).toBe(false);
  });
});

describe('admin restore (SQLite)', () => {
  it('gives the restored database a new epoch; an older checkpoint is answered 409 epoch-changed', { timeout: 120_000 }, async () => {
    backend = await openBackend('sqlite');
    const org = await seedOrg(backend.storage);
    const dataDir = backend.dataDir;
    server = await spawnServer(['--data', dataDir, '--port', '0', '--host', '127.0.0.1']);
    let hq = new SyncClient(server.url, org.tokens.hq);
    const before = Array.from({ length: 3 }, () => movement('s1'));
    await new SyncClient(server.url, org.tokens.s1).insert('movements', before);
    const file = join(scratch(), 'older.sqlite');
    const backup = await runAdmin(['backup', '--out', file, '--data', dataDir]);
    expect(backup.code, backup.stderr).toBe(0);
    const oldEpoch = epochOf(backup.stdout);
    await new SyncClient(server.url, org.tokens.s1).insert('movements', [movement('s1')]);
    const { checkpoint } = await hq.pullAll('movements');
    expect(checkpoint).toBeDefined();
    expect((await hq.request<{ epoch?: string }>('GET', '/api/v1/whoami')).body.epoch).toBe(oldEpoch);

    await server.stop();
    server = undefined;
    await backend.storage.close();
    const restored = await runAdmin(['restore', '--from', file, '--data', dataDir]);
    expect(restored.code, restored.stderr).toBe(0);
    const newEpoch = epochOf(restored.stdout);
    expect(newEpoch).toEqual(expect.any(String));
    expect(newEpoch).not.toBe(oldEpoch);

    server = await spawnServer(['--data', dataDir, '--port', '0', '--host', '127.0.0.1']);
    hq = new SyncClient(server.url, org.tokens.hq);
    expect((await hq.request<{ epoch?: string }>('GET', '/api/v1/health')).body.epoch).toBe(newEpoch);
    expect((await hq.request<{ epoch?: string }>('GET', '/api/v1/whoami')).body.epoch).toBe(newEpoch);
    const stale = await hq.pull('movements', checkpoint);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'epoch-changed', details: { epoch: newEpoch } });
    // From the start, the restored content; a checkpoint without an epoch (a v1 endpoint's) is of the current one.
    const all = await hq.pullAll('movements');
    expect(all.documents.map((d) => d.id).sort()).toEqual(before.map((m) => m.id).sort());
    expect(all.checkpoint).toContain(newEpoch);
    expect((await hq.pull('movements', '0')).status).toBe(200);

    const pgAsked = await runAdmin(['restore', '--from', file], { DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    expect(pgAsked.code).toBe(2);
    expect(pgAsked.stderr).toContain('pg_restore');
  });
});
