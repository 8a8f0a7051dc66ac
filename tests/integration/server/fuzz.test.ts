/**
 * ≥10,000 malformed pushes through the real app (Fastify `inject`, in-process for speed): none
 * crashes the endpoint, none stores anything, every answer is a 4xx JSON error.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type EndpointApp } from '../../../server/app';
import { movement, openBackend, seedOrg, type Backend, type Org } from './helpers';

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
  let endpoint: EndpointApp;
  let org: Org;

  beforeAll(async () => {
    backend = await openBackend('sqlite');
    org = await seedOrg(backend.storage);
    endpoint = await buildApp(backend.storage, { rateLimit: null });
  });
  afterAll(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  it('answers 10,000 malformed pushes with 4xx JSON and stores nothing', async () => {
    const before = await backend.storage.maxSeq();
    const statuses = new Map<number, number>();
    let sent = 0;
    // Drawn in chunks so a chunk's bodies can be collected before the next one is made.
    for (let chunk = 0; chunk < 20; chunk++)
      for (const req of fc.sample(requests, { numRuns: 500, seed: 20260301 + chunk })) {
        sent += 1;
        const headers: Record<string, string> = { authorization: `Bearer ${org.tokens.s1}`, 'content-type': req.contentType };
        if (req.schemaVersion !== undefined) headers['x-schema-version'] = req.schemaVersion;
        const res = await endpoint.app.inject({
          method: 'POST',
          url: `/api/v1/sync/${encodeURIComponent(req.collection)}/push`,
          headers,
          payload: req.payload,
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        // An empty array is the one well-formed push a generator can hit: 200, nothing to store.
        if (res.statusCode === 200 && isEmptyArray(req.payload)) continue;
        const ok = res.statusCode >= 400 && res.statusCode < 500 && res.headers['content-type']?.toString().startsWith('application/json');
        if (!ok) throw new Error(`unexpected ${res.statusCode} for ${JSON.stringify(req).slice(0, 500)}: ${res.body.slice(0, 300)}`);
        const body = JSON.parse(res.body) as { error?: unknown; message?: unknown };
        expect(typeof body.error).toBe('string');
        expect(typeof body.message).toBe('string');
      }
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(await backend.storage.maxSeq()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The spread of answers shows every check was reached, not just the first one.
    for (const status of [400, 404, 409, 413, 422, 403]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    const health = await endpoint.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
  }, 120_000);
});
