/**
 * ≥10,000 malformed pushes over HTTP to a real endpoint process: none crashes it, none stores
 * anything, every answer is a 4xx JSON error, and the process's memory stays flat (within 50 MB
 * after a warm-up; SYNC-PROTOCOL.md v1.1 limits: a hostile push must not grow the endpoint).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { MAX_PUSH_BYTES } from '../../../shared/protocol/wire';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { waitFor } from '../sync/clients';
import { movement, openBackend, seedOrg, type Backend, type Org } from './helpers';

/** Resident memory of a process, from the kernel (VmRSS, kB). */
function residentBytes(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

/**
 * The pid of the process that serves (npm → tsx → supervisor → endpoint): its log lines name it.
 * Pino writes its lines asynchronously, so the "endpoint serving at" line may reach the pipe after
 * the plain "listening" line the start waits for (CI saw exactly that): wait for it.
 */
function servingPid(endpoint: EndpointProcess): Promise<number> {
  return waitFor('a log line naming the serving pid', () => {
    const line = endpoint
      .output()
      .split('\n')
      .find((l) => l.startsWith('{') && l.includes('"pid"'));
    return line ? (JSON.parse(line) as { pid: number }).pid : undefined;
  });
}

const MB = 1024 * 1024;
/**
 * One request at a time: with four in flight the resident peak rose to 58 MB over the warm-up
 * (four 5 MiB bodies parsed at once), which measures the burst, not a leak.
 */
const CONCURRENCY = 1;

interface FuzzRequest {
  collection: string;
  payload: string;
  contentType: string;
  schemaVersion?: string;
}

const collections = fc.oneof(
  fc.constant('movements'),
  fc.constant('movements'),
  fc.constantFrom('documents', 'products', 'sites', 'batches', 'events', 'journal', 'config', 'partners'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'MOVEMENTS', 'movements ', '..', 'recipes'),
  fc.string({ minLength: 1, maxLength: 20 }),
);

const hostileKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', '_deleted', '_meta', 'id', 'siteId', 'qty', '');

/** A valid movement with one change that makes it unstorable by this terminal. */
const brokenMovement = fc
  .tuple(
    fc.constantFrom('wrongType', 'missing', 'extra', 'foreign', 'deleted', 'hugeString', 'badId', 'deep', 'craftedId', 'badRef'),
    fc.constantFrom('id', 'siteId', 'qty', 'kind', 'unitCost', 'lineNo', 'at', 'updatedAt'),
    fc.jsonValue({ maxDepth: 2 }),
  )
  .map(([how, field, junk]) => {
    const doc: Record<string, unknown> = { ...movement('s1') };
    if (how === 'wrongType') doc[field] = typeof doc[field] === 'string' ? [junk] : String(junk);
    if (how === 'missing') delete doc[field];
    if (how === 'extra') doc[`x_${field}`] = junk;
    if (how === 'foreign') doc.siteId = 's2';
    if (how === 'deleted') doc._deleted = true;
    if (how === 'hugeString') doc[field] = 'x'.repeat(70_000);
    if (how === 'badId') doc.id = junk === null ? 42 : { junk };
    // The wire's limits (SYNC-PROTOCOL.md v1.1): nesting, ids and references outside the pattern.
    if (how === 'deep')
      doc[field] = JSON.parse(`${'['.repeat(17 + JSON.stringify(junk).length)}${']'.repeat(17 + JSON.stringify(junk).length)}`) as unknown;
    if (how === 'craftedId') doc.id = `${String(doc.id)}${['\uD800', '\uDC00', '\u0000', ' ', '\uFFFD'][JSON.stringify(junk).length % 5]}`;
    if (how === 'badRef') doc.productId = ['p \u0000', 'p\uD83D', '面粉', 'p q'][JSON.stringify(junk).length % 4];
    return doc;
  });

const row = fc.oneof(
  brokenMovement.map((d) => ({ newDocumentState: d })),
  fc.record({ assumedMasterState: fc.jsonValue({ maxDepth: 2 }), newDocumentState: brokenMovement }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(hostileKeys, fc.jsonValue({ maxDepth: 2 })),
  fc.record({ newDocumentState: fc.dictionary(hostileKeys, fc.jsonValue({ maxDepth: 2 })) }),
);

// Huge bodies are rare (weight 1 of 60) so ten thousand samples stay within memory.
const payloads = fc.oneof(
  { arbitrary: fc.string({ maxLength: 200 }), weight: 10 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 10 },
  { arbitrary: fc.array(row, { maxLength: 6 }).map((rows) => JSON.stringify(rows)), weight: 25 },
  {
    arbitrary: fc
      .array(row, { minLength: 1, maxLength: 4 })
      .map((rows) => JSON.stringify(rows).replace('"newDocumentState"', '"__proto__"')),
    weight: 5,
  },
  {
    arbitrary: fc.constantFrom(
      '[{"newDocumentState":{"__proto__":{"polluted":1}}}]',
      '[{"__proto__":{"polluted":1},"newDocumentState":{}}]',
      '[{"newDocumentState":{"constructor":{"prototype":{"polluted":1}}}}]',
      '{"__proto__":[]}',
      '[',
      '',
      'null',
      '[null]',
      '[[]]',
      `[${'['.repeat(5000)}${']'.repeat(5000)}]`,
      JSON.stringify(Array.from({ length: 501 }, () => ({ newDocumentState: {} }))),
      // Numbers outside the JSON range parse to ±Infinity; they were once stored as null.
      JSON.stringify([{ newDocumentState: { ...movement('s1'), qty: 1 } }]).replace('"qty":1', '"qty":1e309'),
      JSON.stringify([{ newDocumentState: { ...movement('s1'), unitCost: 1 } }]).replace('"unitCost":1', '"unitCost":-1e999'),
      JSON.stringify([{ newDocumentState: { ...movement('s1'), id: 'x\uD800' } }]),
      JSON.stringify([{ newDocumentState: { ...movement('s1'), batchId: 'b\u0000' } }]),
      JSON.stringify([{ assumedMasterState: { a: 1 }, newDocumentState: movement('s1') }]).replace('"a":1', '"a":1e400'),
    ),
    weight: 9,
  },
  {
    arbitrary: fc
      .integer({ min: 1, max: 8 })
      .map((mb) => JSON.stringify([{ newDocumentState: { id: 'big', pad: 'y'.repeat(mb * 700_000) } }])),
    weight: 1,
  },
);

const requests: fc.Arbitrary<FuzzRequest> = fc.record(
  {
    collection: collections,
    payload: payloads,
    contentType: fc.constantFrom(
      'application/json',
      'application/json',
      'text/plain',
      'application/octet-stream',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    ),
    // Supported versions, newer ones (409 schema-mismatch) and malformed ones (400).
    schemaVersion: fc.constantFrom('0', '1', '2', '999', 'abc', '-1', '0x0', ''),
  },
  { requiredKeys: ['collection', 'payload', 'contentType'] },
);

function isEmptyArray(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.length === 0;
  } catch {
    return false;
  }
}

describe('push fuzzing', () => {
  let backend: Backend;
  let endpoint: EndpointProcess;
  let org: Org;

  beforeAll(async () => {
    backend = await openBackend('sqlite');
    org = await seedOrg(backend.storage);
    endpoint = await startEndpointProcess({ dataDir: backend.dataDir, env: { LARDER_RATE_LIMIT: 'off', LARDER_LOG_LEVEL: 'info' } });
  });
  afterAll(async () => {
    await endpoint.stop({ keepData: true });
    await backend.cleanup();
  });

  it('answers 10,000 malformed pushes with 4xx JSON, stores nothing, and keeps its memory flat', async () => {
    const before = await backend.storage.maxSeq();
    const pid = await servingPid(endpoint);
    const statuses = new Map<number, number>();
    const resident: number[] = [];
    let sent = 0;
    const send = async (req: FuzzRequest): Promise<void> => {
      const headers: Record<string, string> = { authorization: `Bearer ${org.tokens.s1}`, 'content-type': req.contentType };
      if (req.schemaVersion !== undefined) headers['x-schema-version'] = req.schemaVersion;
      let res: Response;
      try {
        res = await fetch(`${endpoint.url}/api/v1/sync/${encodeURIComponent(req.collection)}/push`, {
          method: 'POST',
          headers,
          body: req.payload,
        });
      } catch (error) {
        // A body over the limit is answered 413 at once and the socket closed while the client
        // still writes (EPIPE before it reads the answer): the refusal the protocol asks for.
        if (Buffer.byteLength(req.payload) > MAX_PUSH_BYTES) return void statuses.set(413, (statuses.get(413) ?? 0) + 1);
        throw error;
      }
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      // An empty array is the one well-formed push a generator can hit: 200, nothing to store.
      if (res.status === 200 && isEmptyArray(req.payload)) return;
      const ok = res.status >= 400 && res.status < 500 && res.headers.get('content-type')?.startsWith('application/json');
      if (!ok) throw new Error(`unexpected ${res.status} for ${JSON.stringify(req).slice(0, 500)}: ${text.slice(0, 300)}`);
      const body = JSON.parse(text) as { error?: unknown; message?: unknown };
      expect(typeof body.error).toBe('string');
      expect(typeof body.message).toBe('string');
    };
    // Drawn in chunks so a chunk's bodies can be collected before the next one is made.
    for (let chunk = 0; chunk < 20; chunk++) {
      const batch = fc.sample(requests, { numRuns: 500, seed: 20260301 + chunk });
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < batch.length) await send(batch[next++]!);
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      sent += batch.length;
      // The first chunk is the warm-up (code compiled, pools and heap grown to their working size).
      resident.push(residentBytes(pid));
    }
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(await backend.storage.maxSeq()).toBe(before);
    // The spread of answers shows every check was reached, not just the first one.
    for (const status of [400, 404, 409, 413, 422, 403]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    const health = await fetch(`${endpoint.url}/api/v1/health`);
    expect(health.status).toBe(200);

    // A leak is memory that stays: compare the lowest reading of the last five chunks with the
    // lowest of the five after warm-up. Peaks come and go with the collector (a single reading
    // reached 170 MB here and 63 MB above warm-up on CI, then fell back), so the highest reading
    // is no measure of a leak.
    const lowest = (from: number, to: number): number => Math.min(...resident.slice(from, to));
    const baseline = lowest(1, 6);
    const settled = lowest(resident.length - 5, resident.length);
    const growth = settled - baseline;
    console.log(
      `fuzz: ${sent} pushes; endpoint RSS after warm-up ${(baseline / MB).toFixed(1)} MB, ` +
        `max ${(Math.max(...resident) / MB).toFixed(1)} MB, last chunks ${(settled / MB).toFixed(1)} MB (growth ${(growth / MB).toFixed(1)} MB)`,
    );
    expect(growth).toBeLessThan(30 * MB);
  }, 600_000);
});

describe('push fuzzing in process', () => {
  it('never pollutes Object.prototype (only visible in the same process)', async () => {
    const backend = await openBackend('sqlite');
    const org = await seedOrg(backend.storage);
    const app = await buildApp(backend.storage, { rateLimit: null });
    try {
      for (const payload of [
        '[{"newDocumentState":{"__proto__":{"polluted":1}}}]',
        '[{"__proto__":{"polluted":1},"newDocumentState":{}}]',
        '[{"newDocumentState":{"constructor":{"prototype":{"polluted":1}}}}]',
        '{"__proto__":{"polluted":1}}',
      ]) {
        const res = await app.app.inject({
          method: 'POST',
          url: '/api/v1/sync/movements/push',
          headers: { authorization: `Bearer ${org.tokens.s1}`, 'content-type': 'application/json' },
          payload,
        });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      await app.close();
      await backend.cleanup();
    }
  });
});
