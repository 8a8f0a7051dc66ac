/**
 * Limits on values (SYNC-PROTOCOL.md v1.1): a push holding a free-form value nested too deep, a
 * document over 256 KiB or a number outside the double range is refused whole with 422, naming
 * the row's id, the field and the limit, and nothing of it is stored — on SQLite and PostgreSQL
 * alike. (An event nested 4,000 deep was once accepted and stopped every HQ terminal's event sync.)
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { movement, openBackend, postgresAvailable, seedOrg, SyncClient, type Backend, type Doc, type Org } from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

const NOW = '2026-03-01T08:00:00.000Z';

function event(siteId: string, data: unknown): Doc {
  return { id: randomUUID(), siteId, kind: 'audit', severity: 'info', at: NOW, message: 'm', data, updatedAt: NOW };
}

/** `levels` nested objects, the outermost being level 1. */
function nestedObjects(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 1; i < levels; i++) value = { next: value };
  return value;
}

interface Refusal {
  error?: string;
  message?: string;
  details?: { index: number; id: string | null; message: string }[];
}

describe.each(backends)('limits on pushed values on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let org: Org;
  let s1: SyncClient;
  let hq: SyncClient;

  beforeEach(async () => {
    backend = await openBackend(backendName);
    org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null });
    s1 = new SyncClient(endpoint.url, org.tokens.s1);
    hq = new SyncClient(endpoint.url, org.tokens.hq);
  });

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  async function expectRefused(res: { status: number; body: unknown }, id: string, message: RegExp): Promise<void> {
    expect(res.status).toBe(422);
    const body = res.body as Refusal;
    expect(body.error).toBe('invalid-document');
    expect(typeof body.message).toBe('string');
    expect(body.details).toContainEqual(expect.objectContaining({ id, message: expect.stringMatching(message) }));
  }

  it('refuses a push whose event data nests deeper than 16 levels, naming id, path and limit, and stores none of it', async () => {
    const fine = event('s1', { note: 'fine' });
    for (const levels of [17, 4_000]) {
      const deep = event('s1', nestedObjects(levels));
      const res = await s1.push('events', [{ newDocumentState: fine }, { newDocumentState: deep }]);
      await expectRefused(res, deep.id as string, /\/data(\/next)+: nested deeper than 16 levels/);
    }
    expect((await hq.pullAll('events')).documents).toEqual([]);
    // 16 levels, the value itself counted as level 1, is within the limit.
    await s1.insert('events', [event('s1', nestedObjects(16))]);
    expect((await hq.pullAll('events')).documents).toHaveLength(1);
  });

  it('holds every free-form value to the limits: config values, arrays, the assumed state', async () => {
    const config = { id: 'cfg-1', key: 'site-policy', siteId: 'hq', value: { rules: [[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]] }, updatedAt: NOW };
    await expectRefused(
      await hq.push('config', [{ newDocumentState: config }]),
      'cfg-1',
      /\/value\/rules(\/0)+: nested deeper than 16 levels/,
    );
    const stored = event('s1', { a: 1 });
    await s1.insert('events', [stored]);
    const next = { ...stored, message: 'changed' };
    const assumed = { ...stored, data: nestedObjects(40) };
    await expectRefused(
      await s1.push('events', [{ assumedMasterState: assumed, newDocumentState: next }]),
      stored.id as string,
      /assumedMasterState/,
    );
    expect((await backend.storage.getDocuments('config', ['cfg-1'])).length).toBe(0);
  });

  it('refuses a document over 256 KiB with 422 naming its size and the limit', async () => {
    const big = event('s1', { pad: '汉'.repeat(90_000) });
    await expectRefused(await s1.push('events', [{ newDocumentState: big }]), big.id as string, /document is \d+ bytes; at most 262144/);
    expect((await hq.pullAll('events')).documents).toEqual([]);
  });

  it('refuses numbers outside the JSON range (1e309 in the raw body) instead of storing null', async () => {
    const inData = event('s1', { reading: 1 });
    const eventsBody = JSON.stringify([{ newDocumentState: inData }]).replace('"reading":1', '"reading":1e309');
    await expectRefused(
      await s1.request('POST', '/api/v1/sync/events/push', eventsBody),
      inData.id as string,
      /\/data\/reading: numbers must be finite/,
    );
    const inQty = movement('s1');
    const movementsBody = JSON.stringify([{ newDocumentState: inQty }]).replace(`"qty":${inQty.qty}`, '"qty":-1e309');
    await expectRefused(await s1.request('POST', '/api/v1/sync/movements/push', movementsBody), inQty.id, /\/qty: numbers must be finite/);
    expect((await hq.pullAll('events')).documents).toEqual([]);
    expect((await hq.pullAll('movements')).documents).toEqual([]);
  });
});
