// Stream caps (SYNC-PROTOCOL.md v1.1, Live stream): at most 4 open streams per token, a fifth
// closes the oldest; each stream's unsent queue is at most 1 MiB and a reader that falls behind is
// closed (it catches up by pull); each change is serialised once. 120 non-reading streams and two
// 4.3 MiB events once took the endpoint from 102 to 1,190 MiB.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { addSite, addTerminal } from '../../../server/admin-ops';
import { openStorage } from '../../../server/storage/index';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { movement, openBackend, postgresAvailable, seedOrg, sleep, SseReader, SyncClient, type Backend, type Org } from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(backends)('stream cap per token on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let org: Org;
  const readers: SseReader[] = [];
  const open = async (token: string) => {
    const r = await SseReader.open(endpoint.url, token);
    readers.push(r);
    await r.waitFor((x) => x.comments.includes('connected'));
    return r;
  };

  beforeEach(async () => {
    backend = await openBackend(backendName);
    org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null, keepaliveMs: 5000, pollMs: 200 });
  });

  afterEach(async () => {
    for (const r of readers.splice(0)) r.close();
    await endpoint.close();
    await backend.cleanup();
  });

  it('a fifth stream of one token closes that token’s oldest; other tokens keep theirs', async () => {
    const other = await open(org.tokens.s2);
    const mine: SseReader[] = [];
    for (let i = 0; i < 4; i++) mine.push(await open(org.tokens.s1));
    await sleep(300);
    expect(mine.map((r) => r.closed)).toEqual([false, false, false, false]);
    const fifth = await open(org.tokens.s1);
    await mine[0]!.waitFor((r) => r.closed, 3000);
    const sixth = await open(org.tokens.s1);
    await mine[1]!.waitFor((r) => r.closed, 3000);
    await sleep(300);
    expect([mine[2], mine[3], fifth, sixth, other].map((r) => r!.closed)).toEqual([false, false, false, false, false]);
    // The streams left open still carry changes.
    const m = movement('s1');
    await new SyncClient(endpoint.url, org.tokens.s1).insert('movements', [m]);
    await sixth.waitFor((r) => r.changes().some((c) => c.documents.some((d) => d.id === m.id)));
  });
});

/** The largest peak resident set (VmHWM, MiB) among the endpoint's processes (tsx wrapper, supervisor, server). */
function endpointPeakRssMiB(groupId: number): number {
  let max = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid pgrp …
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== groupId) continue;
      const rss = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) max = Math.max(max, Number(rss[1]) / 1024);
    } catch {
      // the process ended while being read
    }
  }
  return max;
}

/** A stream client that sends its request and never reads an answer byte. */
function stalledStream(url: string, token: string): Promise<{ socket: net.Socket; closed: Promise<void> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => {
      socket.write(`GET /api/v1/sync/stream HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n\r\n`);
      socket.pause();
      resolve({ socket, closed });
    });
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

/** A push of ~4.3 MiB: 18 events of ~240 KB each, under the 256 KiB document limit. */
function bigEvents(siteId: string): Record<string, unknown>[] {
  return Array.from({ length: 18 }, (_, i) => ({
    id: randomUUID(),
    siteId,
    kind: 'notice',
    severity: 'info',
    at: '2026-03-01T08:00:00.000Z',
    message: `bulk ${i}`,
    data: { blob: randomUUID().repeat(6_600) },
    updatedAt: '2026-03-01T08:00:00.000Z',
  }));
}

describe('slow stream readers', () => {
  let endpoint: EndpointProcess | null = null;
  afterEach(async () => {
    await endpoint?.stop();
    endpoint = null;
  });

  it('closes readers whose queue passes the bound, and memory stays bounded under 120 stalled streams', async () => {
    const backend = await openBackend('sqlite');
    const tokens: string[] = [];
    const storage = await openStorage({ dataDir: backend.dataDir });
    await addSite(storage, { id: 'hq', kind: 'hq', name: 'HQ' });
    // 30 terminals × 4 streams: within the per-token cap, so only the queue bound can protect.
    for (let i = 0; i < 31; i++) tokens.push((await addTerminal(storage, { siteId: 'hq', name: `office ${i}` })).token);
    await storage.close();
    await backend.storage.close();
    endpoint = await startEndpointProcess({ dataDir: backend.dataDir, env: { LARDER_RATE_LIMIT: 'off' } });
    const groupId = endpoint.process.pid!;
    const writer = new SyncClient(endpoint.url, tokens[30]!);
    // Warm the code paths once, so the baseline is the serving process, not a cold one.
    await writer.insert('events', bigEvents('hq').slice(0, 2));
    await sleep(500);
    const before = endpointPeakRssMiB(groupId);

    const stalled = [];
    for (let i = 0; i < 120; i++) stalled.push(await stalledStream(endpoint.url, tokens[Math.floor(i / 4)]!));
    const live = await SseReader.open(endpoint.url, tokens[30]!);
    await live.waitFor((r) => r.comments.includes('connected'));
    await writer.insert('events', bigEvents('hq'));
    await writer.insert('events', bigEvents('hq'));
    // A reader that keeps up gets every event.
    await live.waitFor((r) => r.changes().reduce((n, c) => n + c.documents.length, 0) >= 36, 20_000);
    await sleep(1500);
    const after = endpointPeakRssMiB(groupId);
    console.log(
      `endpoint peak RSS: ${before.toFixed(0)} MiB before, ${after.toFixed(0)} MiB with 120 stalled streams and two 4.3 MiB pushes`,
    );
    live.close();

    // Every stalled reader was closed by the endpoint: once it reads again, its stream ends.
    for (const s of stalled) s.socket.resume();
    const ended = await Promise.race([Promise.all(stalled.map((s) => s.closed)).then(() => true), sleep(15_000).then(() => false)]);
    for (const s of stalled) s.socket.destroy();
    expect(ended).toBe(true);
    expect(after - before).toBeLessThan(200);
    await backend.cleanup().catch(() => undefined);
  }, 120_000);
});
