/**
 * The demo seed against a real SQLite endpoint: everything it writes is pulled back over HTTP by
 * terminals of each site, in the counts and scopes the protocol promises.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSite, addTerminal } from '../../../server/admin-ops';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { openStorage, type Storage } from '../../../server/storage/index';
import { seedDemoOrganisation, type DemoSeedResult } from '../../../scripts/demo-seed';
import { localSites } from '../../../scripts/local-terminal';

interface PullPage {
  documents: Record<string, unknown>[];
  checkpoint: string;
}

async function pullAll(url: string, token: string, collection: string): Promise<Record<string, unknown>[]> {
  const documents: Record<string, unknown>[] = [];
  let checkpoint: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(checkpoint === undefined ? {} : { checkpoint }) });
    const res = await fetch(`${url}/api/v1/sync/${collection}/pull?${query.toString()}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as PullPage;
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < 1000) return documents;
  }
}

describe('demo seed on a real endpoint', () => {
  let dataDir: string;
  let storage: Storage;
  let endpoint: RunningEndpoint;
  let seeded: DemoSeedResult;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'larder-demo-seed-'));
    storage = await openStorage({ dataDir });
    const terminals: Record<string, string> = {};
    for (const site of localSites) {
      await addSite(storage, { id: site.siteId, kind: site.siteKind, name: site.siteName });
      const issued = await addTerminal(storage, { siteId: site.siteId, name: 'demo test' });
      terminals[site.siteId] = issued.terminalId;
      tokens.set(site.siteId, issued.token);
    }
    seeded = await seedDemoOrganisation(storage, { today: '2026-11-30', terminals });
    endpoint = await startEndpoint({ storage, port: 0 });
  }, 60_000);

  afterAll(async () => {
    await endpoint?.close();
    await storage?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds about 200 products and thousands of movements', () => {
    expect(seeded.products).toBeGreaterThanOrEqual(190);
    expect(seeded.movements).toBeGreaterThan(3000);
    expect(seeded.written).toBeGreaterThan(seeded.movements);
  });

  it('hands HQ every movement and document back over HTTP, and every product', async () => {
    const hq = tokens.get('hq') ?? '';
    const movements = await pullAll(endpoint.url, hq, 'movements');
    expect(movements).toHaveLength(seeded.movements);
    expect(new Set(movements.map((m) => m.id)).size).toBe(seeded.movements);
    expect(await pullAll(endpoint.url, hq, 'documents')).toHaveLength(seeded.documents);
    expect(await pullAll(endpoint.url, hq, 'products')).toHaveLength(seeded.products);
    const sites = await pullAll(endpoint.url, hq, 'sites');
    expect(sites).toHaveLength(4);
  });

  it('scopes each site to its own movements, and shows the kitchen its inbox and each store its incoming dispatch', async () => {
    const hqMovements = await pullAll(endpoint.url, tokens.get('hq') ?? '', 'movements');
    let total = 0;
    for (const siteId of ['kitchen', 'store-renmin', 'store-riverside']) {
      const own = await pullAll(endpoint.url, tokens.get(siteId) ?? '', 'movements');
      expect(own.length).toBe(hqMovements.filter((m) => m.siteId === siteId).length);
      expect(own.every((m) => m.siteId === siteId)).toBe(true);
      total += own.length;
    }
    expect(total).toBe(seeded.movements);

    const kitchenDocs = await pullAll(endpoint.url, tokens.get('kitchen') ?? '', 'documents');
    expect(kitchenDocs.filter((d) => d.type === 'store-request' && d.status === 'submitted').length).toBeGreaterThanOrEqual(2);
    for (const storeId of ['store-renmin', 'store-riverside']) {
      const docs = await pullAll(endpoint.url, tokens.get(storeId) ?? '', 'documents');
      const received = new Set(docs.filter((d) => d.type === 'store-receipt').map((d) => d.dispatchId));
      const incoming = docs.filter((d) => d.type === 'dispatch' && d.toSiteId === storeId && !received.has(d.id));
      expect(incoming).toHaveLength(1);
    }
  });
});
