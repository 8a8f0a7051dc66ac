/**
 * What an operator sees of a running endpoint (SYNC-PROTOCOL.md v1.1, "Terminal status and
 * metrics"): one JSON log line per request with its id, terminal, site, route, status and
 * duration, never a token; and `GET /api/v1/metrics` in Prometheus text format for HQ tokens or
 * the metrics token. Before, the logger was off and there were no metrics: the operator was blind.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { movement, openBackend, postgresAvailable, seedOrg, SseReader, SyncClient, type Backend, type Org } from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
const METRICS_TOKEN = `metrics-${randomUUID()}`;

interface LogLine {
  level: string;
  msg: string;
  reqId?: string;
  terminal?: string | null;
  site?: string | null;
  route?: string;
  url?: string;
  status?: number;
  durationMs?: number;
}

function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

/** The value of one sample line of an exposition (labels written in sorted order, as the endpoint does). */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

async function waitFor<T>(probe: () => T | null | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== null && v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(backends)('operating the endpoint on %s', (backendName) => {
  let backend: Backend;
  let org: Org;
  let endpoint: EndpointProcess;

  beforeEach(async () => {
    backend = await openBackend(backendName);
    org = await seedOrg(backend.storage);
    endpoint = await startEndpointProcess({
      dataDir: backend.dataDir,
      env: { ...backend.env, LARDER_METRICS_TOKEN: METRICS_TOKEN, LARDER_RATE_LIMIT: 'off', LARDER_LOG_LEVEL: 'info' },
    });
  });

  afterEach(async () => {
    await endpoint.stop({ keepData: true });
    await backend.cleanup();
  });

  it('logs one JSON line per request with id, terminal, site, route, status and duration, and never a token', async () => {
    const s1 = new SyncClient(endpoint.url, org.tokens.s1);
    await s1.insert('movements', [movement('s1')]);
    // A token where none belongs: in the query string, in a refused body, in a wrong header.
    const tokenInQuery = await s1.request('GET', `/api/v1/sync/movements/pull?token=${org.tokens.hq}&limit=5`);
    expect(tokenInQuery.status).toBe(200);
    const refused = await s1.push('movements', [{ newDocumentState: { ...movement('s1'), note: org.tokens.hq } }]);
    expect(refused.status).toBe(422);
    const unknown = await new SyncClient(endpoint.url, `${org.tokens.k1}x`).pull('movements');
    expect(unknown.status).toBe(401);

    const lines = await waitFor(() => {
      const found = logLines(endpoint.output()).filter((l) => l.msg === 'request');
      return found.length >= 4 ? found : null;
    });
    expect(lines).toHaveLength(4);
    const [push, pull, bad, anonymous] = lines as [LogLine, LogLine, LogLine, LogLine];
    expect(push).toMatchObject({
      level: 'info',
      route: '/api/v1/sync/:collection/push',
      status: 200,
      terminal: org.terminalIds.s1,
      site: 's1',
    });
    expect(pull).toMatchObject({ route: '/api/v1/sync/:collection/pull', status: 200, site: 's1' });
    expect(pull.url).toBe('/api/v1/sync/movements/pull?token=[redacted]&limit=5');
    expect(bad).toMatchObject({ status: 422, site: 's1' });
    expect(anonymous).toMatchObject({ status: 401, terminal: null, site: null });
    for (const l of lines) {
      expect(l.reqId).toMatch(/\S/);
      expect(l.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(lines.map((l) => l.reqId)).size).toBe(4);
    const output = endpoint.output();
    for (const token of Object.values(org.tokens)) expect(output).not.toContain(token);
    expect(output).not.toMatch(/lt_[A-Za-z0-9_-]{20,}/);
    // The ready line operators and tests wait for is still a plain line of its own.
    expect(output).toMatch(/^listening http:\/\/\S+$/m);
  });

  it('serves Prometheus metrics to HQ and the metrics token only: requests, rows, conflicts, refusals, streams, database time', async () => {
    const metrics = (token: string | null) => new SyncClient(endpoint.url, token).request('GET', '/api/v1/metrics');
    const scrape = async (token: string): Promise<string> => {
      const res = await fetch(`${endpoint.url}/api/v1/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return res.text();
    };
    expect((await metrics(null)).status).toBe(401);
    expect((await metrics('lt_unknown-token-of-nobody')).body).toMatchObject({ error: 'unauthorized' });
    const fromStore = await metrics(org.tokens.s1);
    expect(fromStore.status).toBe(403);
    expect(fromStore.body).toMatchObject({ error: 'forbidden', message: expect.any(String) });
    expect((await metrics(`${METRICS_TOKEN}x`)).status).toBe(401);

    const s1 = new SyncClient(endpoint.url, org.tokens.s1);
    const stored = movement('s1');
    await s1.insert('movements', [stored, movement('s1'), movement('s1')]);
    // An append-only row pushed again with other content is a conflict.
    const conflict = await s1.push('movements', [{ newDocumentState: { ...stored, qty: 99 } }]);
    expect(conflict.body.conflicts).toHaveLength(1);
    expect((await s1.push('movements', [{ newDocumentState: { id: 'x' } }])).status).toBe(422);
    expect((await s1.pull('movements')).body.documents).toHaveLength(3);
    const stream = await SseReader.open(endpoint.url, org.tokens.hq);
    try {
      await stream.waitFor((r) => r.comments.includes('connected'));
      const text = await scrape(METRICS_TOKEN);
      expect(await scrape(org.tokens.hq)).toContain('# TYPE larder_http_requests_total counter');

      expect(sample(text, 'larder_pushes_total{collection="movements"}')).toBe(2);
      expect(sample(text, 'larder_rows_pushed_total{collection="movements"}')).toBe(4);
      expect(sample(text, 'larder_rows_pulled_total{collection="movements"}')).toBe(3);
      expect(sample(text, 'larder_conflicts_total{collection="movements"}')).toBe(1);
      expect(sample(text, 'larder_refusals_total{reason="invalid-document",status="422"}')).toBe(1);
      expect(sample(text, 'larder_refusals_total{reason="forbidden",status="403"}')).toBe(1);
      expect(sample(text, 'larder_refusals_total{reason="unauthorized",status="401"}')).toBe(3);
      expect(sample(text, 'larder_http_requests_total{method="POST",route="/api/v1/sync/:collection/push",status="200"}')).toBe(2);
      expect(sample(text, 'larder_open_streams')).toBe(1);
      expect(sample(text, 'larder_stream_queued_bytes')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'larder_database_seconds_total{operation="push"}')).toBeGreaterThan(0);
      expect(sample(text, 'larder_database_operations_total{operation="push"}')).toBe(2);
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);

      // The exposition is well formed: every family has HELP and TYPE, counters end in _total,
      // and every sample names a declared family.
      const declared = new Map<string, string>();
      for (const l of text.split('\n')) {
        const m = /^# TYPE (\S+) (counter|gauge)$/.exec(l);
        if (m) declared.set(m[1]!, m[2]!);
      }
      for (const [name, type] of declared) {
        expect(text).toContain(`# HELP ${name} `);
        if (type === 'counter') expect(name).toMatch(/_total$/);
      }
      for (const l of text.split('\n').filter((x) => x !== '' && !x.startsWith('#'))) {
        expect(l).toMatch(/^[a-z_]+(\{[a-z_]+="[^"\n]*"(,[a-z_]+="[^"\n]*")*\})? -?[0-9.e+-]+$/);
        expect(declared.has(l.split(/[{ ]/)[0]!), l).toBe(true);
      }
    } finally {
      stream.close();
    }
  });
});
