/**
 * Timeouts and the connection cap (SYNC-PROTOCOL.md v1.1): a slow or dripping request no longer
 * holds a socket for minutes, and connections beyond the cap are refused at accept. Real sockets
 * against a real endpoint; the limits are shortened so the test runs in seconds.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, startEndpoint, type RunningEndpoint } from '../../../server/app';
import { openBackend, seedOrg, sleep, type Backend, type Org } from './helpers';

interface Ended {
  ms: number;
  text: string;
}

/** A raw connection that records what the endpoint sends and when it closes the socket. */
function rawConnection(url: string): { socket: Socket; ended: Promise<Ended>; opened: Promise<void> } {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  const t0 = Date.now();
  let text = '';
  socket.on('data', (b: Buffer) => (text += b.toString()));
  socket.on('error', () => undefined);
  const ended = new Promise<Ended>((resolve) => socket.on('close', () => resolve({ ms: Date.now() - t0, text })));
  const opened = new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  return { socket, ended, opened };
}

describe('connection limits', () => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let org: Org;

  beforeEach(async () => {
    backend = await openBackend('sqlite');
    org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({
      storage: backend.storage,
      port: 0,
      rateLimit: null,
      connectionLimits: { headersTimeoutMs: 1000, requestTimeoutMs: 2000, checkIntervalMs: 200, maxConnections: 3 },
    });
  });

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  it('cuts off a push whose body drips in a byte at a time, with a 408 JSON answer', async () => {
    const { socket, ended, opened } = rawConnection(endpoint.url);
    await opened;
    socket.write(
      'POST /api/v1/sync/events/push HTTP/1.1\r\nHost: x\r\n' +
        `Authorization: Bearer ${org.tokens.s1}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[`,
    );
    const drip = setInterval(() => socket.writable && socket.write(' '), 100);
    try {
      const { ms, text } = await Promise.race([ended, sleep(8000).then(() => ({ ms: -1, text: 'still open after 8 s' }))]);
      expect(text).toMatch(/^HTTP\/1\.1 408/);
      expect(text).toContain('"error":"timeout"');
      expect(ms).toBeGreaterThanOrEqual(1900);
      expect(ms).toBeLessThan(5000);
    } finally {
      clearInterval(drip);
      socket.destroy();
    }
  });

  it('cuts off a connection that never finishes its headers, token or not', async () => {
    const { socket, ended, opened } = rawConnection(endpoint.url);
    await opened;
    socket.write('GET /api/v1/whoami HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-A: b\r\n'), 100);
    try {
      const { ms } = await Promise.race([ended, sleep(8000).then(() => ({ ms: -1, text: '' }))]);
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThan(4000);
    } finally {
      clearInterval(drip);
      socket.destroy();
    }
  });

  it('refuses connections beyond the cap at accept and keeps serving the others', async () => {
    const held = [rawConnection(endpoint.url), rawConnection(endpoint.url), rawConnection(endpoint.url)];
    await Promise.all(held.map((c) => c.opened));
    await sleep(100);
    const extra = rawConnection(endpoint.url);
    const { ms, text } = await Promise.race([extra.ended, sleep(3000).then(() => ({ ms: -1, text: 'still open' }))]);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(text).toBe('');
    // A held connection still gets its answer.
    const first = held[0]!;
    first.socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect((await first.ended).text).toMatch(/^HTTP\/1\.1 200/);
    for (const c of held) c.socket.destroy();
  });

  it("defaults to the protocol's figures: headers 30 s, body 60 s, keep-alive 75 s, a connection cap", async () => {
    const other = await openBackend('sqlite');
    const built = await buildApp(other.storage, { rateLimit: null });
    try {
      const server = built.app.server;
      expect(server.headersTimeout).toBe(30_000);
      expect(server.requestTimeout).toBe(60_000);
      expect(server.keepAliveTimeout).toBe(75_000);
      expect(server.maxConnections).toBeGreaterThan(0);
      expect(server.timeout).toBeGreaterThan(25_000);
    } finally {
      await built.close();
      await other.cleanup();
    }
  });
});
