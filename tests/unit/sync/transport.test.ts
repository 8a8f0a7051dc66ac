import { describe, expect, it } from 'vitest';
import { readSse, SseParser, StreamSilentError } from '../../../renderer/db/replication/sse';
import { backoffDelay, SyncHttpError, SyncTransport } from '../../../renderer/db/replication/transport';

describe('SSE parser', () => {
  it('parses events split across chunks, skips keep-alive comments, handles CRLF', () => {
    const parser = new SseParser();
    expect(parser.push(': keepalive\n\nevent: change\ndata: {"a"')).toEqual([]);
    expect(parser.push(':1}\r\n\r\nevent: change\ndata: line1\ndata: line2\n\n')).toEqual([
      { event: 'change', data: '{"a":1}' },
      { event: 'change', data: 'line1\nline2' },
    ]);
  });
});

describe('backoff', () => {
  const policy = (random: number) => ({ baseMs: 500, capMs: 30_000, random: () => random });
  it('grows exponentially under a cap, with full jitter', () => {
    expect(backoffDelay(1, policy(1))).toBe(500);
    expect(backoffDelay(4, policy(1))).toBe(4_000);
    expect(backoffDelay(30, policy(1))).toBe(30_000);
    expect(backoffDelay(4, policy(0.25))).toBe(1_000);
  });
  it('never retries sooner than Retry-After', () => {
    expect(backoffDelay(1, policy(0.1), 7)).toBe(7_000);
  });
});

describe('SyncTransport', () => {
  const quick = { baseMs: 1, capMs: 2, random: () => 1 };
  it('retries 429, 5xx and network failures, never dropping the request', async () => {
    const answers: (() => Response)[] = [
      () => {
        throw new TypeError('fetch failed');
      },
      () => new Response('{"error":"rate-limited"}', { status: 429, headers: { 'retry-after': '0' } }),
      () => new Response('oops', { status: 503 }),
      () => Response.json({ conflicts: [] }),
    ];
    const unreachable: string[] = [];
    const transport = new SyncTransport(
      'http://x',
      'tok',
      { onReachable: () => undefined, onUnreachable: (reason) => unreachable.push(reason) },
      quick,
      async () => {
        const next = answers.shift();
        if (!next) throw new Error('no more answers');
        return next();
      },
    );
    await expect(transport.json('/push', { method: 'POST' })).resolves.toEqual({ conflicts: [] });
    expect(unreachable).toEqual(['fetch failed', 'HTTP 429', 'HTTP 503']);
  });

  it('surfaces other 4xx answers with their machine reason', async () => {
    const transport = new SyncTransport(
      'http://x',
      'tok',
      { onReachable: () => undefined, onUnreachable: () => undefined },
      quick,
      async () =>
        Response.json({ error: 'schema-mismatch', message: 'versions differ', details: { terminal: 2, server: 1 } }, { status: 409 }),
    );
    const error = await transport.json('/push').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncHttpError);
    expect(error).toMatchObject({ status: 409, reason: 'schema-mismatch', details: { terminal: 2, server: 1 } });
  });
});

describe('half-open connections', () => {
  const quick = { baseMs: 1, capMs: 2, random: () => 1 };
  it('abandons a request that never answers and retries it (fault injected: a fetch that hangs once)', async () => {
    let calls = 0;
    const hangOnce: typeof fetch = (_input, init) => {
      calls++;
      if (calls > 1) return Promise.resolve(Response.json({ conflicts: [] }));
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'TimeoutError'))),
      );
    };
    const reasons: string[] = [];
    const transport = new SyncTransport(
      'http://endpoint.test',
      'token',
      { onReachable: () => undefined, onUnreachable: (reason) => reasons.push(reason) },
      quick,
      hangOnce,
      50,
    );
    await expect(transport.json('/api/v1/sync/movements/push', { method: 'POST', body: '[]' })).resolves.toEqual({ conflicts: [] });
    expect(calls).toBe(2);
    expect(reasons).toEqual(['no answer within 0.05 s']);
  });

  it('says the endpoint is alive on every chunk of the stream, keep-alive comments included', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const text = new TextEncoder();
        controller.enqueue(text.encode(': keep-alive\n\n'));
        controller.enqueue(text.encode('event: change\ndata: {}\n\n'));
        controller.enqueue(text.encode(': keep-alive\n\n'));
        controller.close();
      },
    });
    let alive = 0;
    const events: string[] = [];
    await readSse(
      new Response(body),
      (message) => events.push(message.event),
      new AbortController().signal,
      1_000,
      () => alive++,
    );
    expect(alive).toBe(3);
    expect(events).toEqual(['change']);
  });

  it('gives up on a live stream that stays silent past the keep-alive interval', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(': keep-alive\n\n')); // then nothing, ever
      },
    });
    const started = Date.now();
    await expect(readSse(new Response(body), () => undefined, new AbortController().signal, 80)).rejects.toBeInstanceOf(StreamSilentError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
  });
});
