/**
 * The endpoint as operators run it: `npm run admin -- …` and `npm run server -- …` in their own
 * processes, stopped by signalling the process group (SYNC-PROTOCOL.md, Running the endpoint).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  movement,
  openBackend,
  postgresAvailable,
  runAdmin,
  seedOrg,
  spawnServer,
  SseReader,
  SyncClient,
  type Backend,
  type SpawnedServer,
} from './helpers';

const servers: SpawnedServer[] = [];
const readers: SseReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) r.close();
  for (const s of servers.splice(0)) await s.stop('SIGKILL');
});

async function adminJson(args: string[], env: Record<string, string> = {}): Promise<{ terminalId: string; token: string }> {
  const res = await runAdmin(args, env);
  expect(res.code, res.stderr).toBe(0);
  const last = res.stdout.trim().split('\n').pop()!;
  return JSON.parse(last) as { terminalId: string; token: string };
}

describe('endpoint process on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'larder-proc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    for (const [id, kind] of [
      ['hq', 'hq'],
      ['s1', 'store'],
    ] as const) {
      const res = await runAdmin(['site', 'add', '--id', id, '--kind', kind, '--name', `Site ${id}`, '--data', dir]);
      expect(res.code, res.stderr).toBe(0);
    }
  });

  it('is administered and run with the documented commands, and revocation closes streams', async () => {
    const plain = await runAdmin(['terminal', 'add', '--site', 's1', '--name', 'till', '--data', dir]);
    expect(plain.stdout).toMatch(/lt_[A-Za-z0-9_-]{20,}/);
    const dup = await runAdmin(['site', 'add', '--id', 's1', '--kind', 'store', '--name', 'again', '--data', dir]);
    expect(dup.code).not.toBe(0);
    const s1 = await adminJson(['terminal', 'add', '--site', 's1', '--name', 'till 2', '--data', dir, '--json']);
    const hq = await adminJson(['terminal', 'add', '--site', 'hq', '--name', 'office', '--data', dir, '--json']);

    const server = await spawnServer(['--data', dir, '--port', '0']);
    servers.push(server);
    const who = await new SyncClient(server.url, s1.token).request('GET', '/api/v1/whoami');
    expect(who.body).toMatchObject({ terminalId: s1.terminalId, siteId: 's1', siteKind: 'store', orgId: expect.any(String) });

    const stream = await SseReader.open(server.url, s1.token);
    readers.push(stream);
    const other = await SseReader.open(server.url, hq.token);
    readers.push(other);
    await stream.waitFor((r) => r.comments.includes('connected'));
    const t0 = Date.now();
    const revoked = await runAdmin(['terminal', 'revoke', '--id', s1.terminalId, '--data', dir]);
    expect(revoked.code, revoked.stderr).toBe(0);
    const tRevoked = Date.now();
    await stream.waitFor((r) => r.closed, 5000);
    expect(Date.now() - tRevoked).toBeLessThan(5000);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect((await new SyncClient(server.url, s1.token).pull('movements')).status).toBe(401);
    expect(other.closed).toBe(false);
  });

  it('stops on SIGTERM within 10 s with a stream open, and leaves no half-written push', async () => {
    const s1 = await adminJson(['terminal', 'add', '--site', 's1', '--name', 'till 3', '--data', dir, '--json']);
    const server = await spawnServer(['--data', dir, '--port', '0']);
    servers.push(server);
    const client = new SyncClient(server.url, s1.token);
    const stream = await SseReader.open(server.url, s1.token);
    readers.push(stream);
    await stream.waitFor((r) => r.comments.includes('connected'));

    const rows = Array.from({ length: 500 }, () => ({ newDocumentState: movement('s1') }));
    const inFlight = client.push('movements', rows).catch(() => null);
    await new Promise((r) => setTimeout(r, 30));
    const { code, ms } = await server.stop('SIGTERM');
    expect(ms).toBeLessThan(10_000);
    expect(code === 0 || code === null).toBe(true);
    expect(server.output()).toContain('stopped (SIGTERM)');
    const answer = await inFlight;
    if (answer) expect(answer.status === 200 || answer.status === 503).toBe(true);
    await stream.waitFor((r) => r.closed, 1000);

    const again = await spawnServer(['--data', dir, '--port', '0']);
    servers.push(again);
    const stored = await new SyncClient(again.url, s1.token).pullAll('movements');
    // All or nothing: the push either committed whole or not at all.
    expect([0, 500]).toContain(stored.documents.length);
    if (answer?.status === 200) expect(stored.documents).toHaveLength(500);
  });
});

const pgUp = await postgresAvailable();

describe.skipIf(!pgUp)('two endpoint processes on one PostgreSQL database', () => {
  let backend: Backend;
  afterEach(async () => {
    for (const r of readers.splice(0)) r.close();
    for (const s of servers.splice(0)) await s.stop('SIGKILL');
    await backend.cleanup();
  });

  it('fans a commit on one process out to SSE clients of the other, in order and once', async () => {
    backend = await openBackend('postgres');
    const org = await seedOrg(backend.storage);
    const [a, b] = await Promise.all([spawnServer(['--port', '0'], backend.env), spawnServer(['--port', '0'], backend.env)]);
    servers.push(a, b);
    const onB = await SseReader.open(b.url, org.tokens.hq);
    const s2OnB = await SseReader.open(b.url, org.tokens.s2);
    readers.push(onB, s2OnB);
    await onB.waitFor((r) => r.comments.includes('connected'));

    const m = movement('s1');
    await new SyncClient(a.url, org.tokens.s1).insert('movements', [m]);
    await onB.waitFor((r) => r.changes().length === 1, 5000);
    expect(onB.changes()[0]).toMatchObject({ collection: 'movements', documents: [{ ...m, _deleted: false }] });

    // Concurrent writers on both processes: every document reaches the stream once, in sequence order.
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const docs = Array.from({ length: 5 }, () => movement('s1'));
        ids.push(...docs.map((d) => d.id));
        await new SyncClient(i % 2 ? a.url : b.url, org.tokens.s1).insert('movements', docs);
      }),
    );
    await onB.waitFor((r) => r.changes().flatMap((c) => c.documents).length === 61, 5000);
    const streamed = onB.changes().flatMap((c) => c.documents.map((d) => d.id as string));
    expect(new Set(streamed).size).toBe(61);
    const checkpoints = onB.changes().map((c) => Number(c.checkpoint.split(':').at(-1)));
    expect([...checkpoints].sort((x, y) => x - y)).toEqual(checkpoints);
    const pulled = await new SyncClient(a.url, org.tokens.hq).pullAll('movements', 7);
    expect(pulled.documents.map((d) => d.id)).toEqual(streamed);
    expect(s2OnB.changes()).toEqual([]);

    // Revoking through the admin command (another process) closes the stream on B.
    const revoked = await runAdmin(['terminal', 'revoke', '--id', org.terminalIds.hq], backend.env);
    expect(revoked.code, revoked.stderr).toBe(0);
    await onB.waitFor((r) => r.closed, 5000);
    expect(s2OnB.closed).toBe(false);
  });
});
