import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { parseRateLimit } from '../../../server/rate-limit';
import { openBackend, seedOrg, SyncClient, type Backend, type Org } from './helpers';

describe('per-token rate limiting', () => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let org: Org;

  beforeEach(async () => {
    backend = await openBackend('sqlite');
    org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: parseRateLimit('1/3') });
  });
  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  it('answers 429 rate-limited with Retry-After past the burst, per token', async () => {
    const s1 = new SyncClient(endpoint.url, org.tokens.s1);
    for (let i = 0; i < 3; i++) expect((await s1.pull('products')).status).toBe(200);
    const limited = await s1.pull('products');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another terminal has its own bucket; health needs no token and is never limited.
    expect((await new SyncClient(endpoint.url, org.tokens.s2).pull('products')).status).toBe(200);
    expect((await new SyncClient(endpoint.url, null).request('GET', '/api/v1/health')).status).toBe(200);
  });

  it('reads LARDER_RATE_LIMIT forms and defaults generously', () => {
    expect(parseRateLimit(undefined)).toEqual({ perSecond: 50, burst: 200 });
    expect(parseRateLimit('5/10')).toEqual({ perSecond: 5, burst: 10 });
    expect(parseRateLimit('5')).toEqual({ perSecond: 5, burst: 20 });
    expect(parseRateLimit('off')).toBeNull();
    expect(() => parseRateLimit('fast')).toThrow();
  });
});
