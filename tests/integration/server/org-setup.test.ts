// HQ sets up its organisation over the wire (SYNC-PROTOCOL.md v1.2, "Sites and terminals from
// HQ"): sites with their zones, terminals issued, renamed and revoked, and the fleet view built
// from each terminal's contacts and status reports; bad input is 4xx JSON and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import type { FleetAnswer, FleetTerminal, TerminalCreated } from '../../../shared/protocol/admin';
import { HEADER_APP_VERSION, HEADER_SCHEMA_VERSIONS } from '../../../shared/protocol/wire';
import { movement, openBackend, postgresAvailable, seedOrg, SyncClient, type Backend, type Org } from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(backends)('organisation set-up from HQ on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let org: Org;
  let hq: SyncClient;
  let s1: SyncClient;

  beforeEach(async () => {
    backend = await openBackend(backendName);
    org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null });
    hq = new SyncClient(endpoint.url, org.tokens.hq);
    s1 = new SyncClient(endpoint.url, org.tokens.s1);
  });

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  const fleetRow = async (terminalId: string): Promise<FleetTerminal | undefined> =>
    (await hq.request<FleetAnswer>('GET', '/api/v1/terminals')).body.terminals.find((t) => t.terminalId === terminalId);

  it('creates a site in its zone and renames it; every terminal pulls the site document', async () => {
    const created = await hq.request('POST', '/api/v1/sites', {
      id: 'store-london',
      name: '伦敦店',
      kind: 'store',
      timeZone: 'Europe/London',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 'store-london', name: '伦敦店', kind: 'store', timeZone: 'Europe/London' });
    const pulled = (await s1.pullAll('sites')).documents.find((d) => d.id === 'store-london');
    expect(pulled).toMatchObject({ name: '伦敦店', kind: 'store', timeZone: 'Europe/London', active: true });

    const renamed = await hq.request('PUT', '/api/v1/sites/store-london', { name: 'London store', timeZone: 'Europe/Dublin' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: 'store-london', name: 'London store', kind: 'store', timeZone: 'Europe/Dublin' });
    const after = (await s1.pullAll('sites')).documents.find((d) => d.id === 'store-london');
    expect(after).toMatchObject({ name: 'London store', timeZone: 'Europe/Dublin', kind: 'store' });
    expect((await backend.storage.getSite('store-london'))?.name).toBe('London store');
  });

  it('refuses bad sites with 4xx JSON naming the field, and stores nothing', async () => {
    const bad: [unknown, number, string, string][] = [
      [{ id: 'x1', name: 'X', kind: 'store', timeZone: 'Mars/Olympus' }, 400, 'bad-request', 'timeZone'],
      [{ id: 'x1', name: 'X', kind: 'store', timeZone: '+08:00' }, 400, 'bad-request', 'timeZone'],
      [{ id: 'x1', name: 'X', kind: 'warehouse', timeZone: 'Asia/Shanghai' }, 400, 'bad-request', 'kind'],
      [{ id: 'has space', name: 'X', kind: 'store', timeZone: 'Asia/Shanghai' }, 400, 'bad-request', 'id'],
      [{ id: 'x1', name: '  ', kind: 'store', timeZone: 'Asia/Shanghai' }, 400, 'bad-request', 'name'],
      [{ id: 'x1', kind: 'store', timeZone: 'Asia/Shanghai' }, 400, 'bad-request', 'name'],
      [{ id: 's1', name: 'again', kind: 'store', timeZone: 'Asia/Shanghai' }, 409, 'exists', 'id'],
    ];
    for (const [body, status, error, field] of bad) {
      const res = await hq.request<{ error: string; message: string; details: { field: string } }>('POST', '/api/v1/sites', body);
      expect({ status: res.status, error: res.body.error, field: res.body.details.field }).toEqual({ status, error, field });
      expect(res.body.message.length).toBeGreaterThan(0);
    }
    expect((await backend.storage.listSites()).map((s) => s.id)).toEqual(['hq', 'k1', 's1', 's2']);
    const unknown = await hq.request('PUT', '/api/v1/sites/nowhere', { name: 'N', timeZone: 'Asia/Shanghai' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'not-found' });
    const badZone = await hq.request('PUT', '/api/v1/sites/s1', { name: 'Store 1', timeZone: 'Asia/Atlantis' });
    expect(badZone.status).toBe(400);
    expect((await s1.pullAll('sites')).documents.find((d) => d.id === 's1')?.timeZone).toBeUndefined();
    const noTerminal = await hq.request('POST', '/api/v1/terminals', { siteId: 'nowhere', name: 'till' });
    expect(noTerminal.status).toBe(404);
    expect(noTerminal.body).toMatchObject({ error: 'not-found', details: { field: 'siteId' } });
  });

  it('answers non-HQ tokens 403 and missing tokens 401 on every admin route', async () => {
    const k1 = new SyncClient(endpoint.url, org.tokens.k1);
    const anon = new SyncClient(endpoint.url, null);
    const routes: [string, string, unknown][] = [
      ['GET', '/api/v1/terminals', undefined],
      ['POST', '/api/v1/terminals', { siteId: 's1', name: 'till' }],
      ['PUT', `/api/v1/terminals/${org.terminalIds.s2}`, { name: 'x' }],
      ['POST', `/api/v1/terminals/${org.terminalIds.s2}/revoke`, undefined],
      ['POST', '/api/v1/sites', { id: 'x1', name: 'X', kind: 'store', timeZone: 'Asia/Shanghai' }],
      ['PUT', '/api/v1/sites/s1', { name: 'mine now', timeZone: 'Asia/Shanghai' }],
    ];
    for (const [method, path, body] of routes) {
      for (const client of [s1, k1]) expect((await client.request(method, path, body)).body).toMatchObject({ error: 'forbidden' });
      expect((await anon.request(method, path, body)).status).toBe(401);
    }
    expect((await backend.storage.listSites()).length).toBe(4);
    expect((await fleetRow(org.terminalIds.s2))?.revokedAt).toBeNull();
  });

  it('issues a terminal once, renames it, and revokes it: its next push is refused as revoked', async () => {
    const issued = await hq.request<TerminalCreated>('POST', '/api/v1/terminals', { siteId: 's1', name: ' till 3 ' });
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect(issued.body).toMatchObject({ siteId: 's1', name: 'till 3', token: expect.stringMatching(/^lt_/) });
    const till3 = new SyncClient(endpoint.url, issued.body.token);
    expect((await till3.request('GET', '/api/v1/whoami')).body).toMatchObject({ terminalId: issued.body.terminalId, siteId: 's1' });
    // The fleet never shows a token.
    const fleetText = JSON.stringify((await hq.request('GET', '/api/v1/terminals')).body);
    expect(fleetText).not.toContain(issued.body.token);

    expect((await hq.request('PUT', `/api/v1/terminals/${issued.body.terminalId}`, { name: '收银 3' })).status).toBe(200);
    expect((await fleetRow(issued.body.terminalId))?.name).toBe('收银 3');

    const ownRevoke = await hq.request('POST', `/api/v1/terminals/${org.terminalIds.hq}/revoke`);
    expect(ownRevoke.status).toBe(400);
    expect((await hq.request('POST', '/api/v1/terminals/term_nope/revoke')).status).toBe(404);
    expect((await hq.request('POST', `/api/v1/terminals/${issued.body.terminalId}/revoke`)).status).toBe(200);
    const push = await till3.push('movements', [{ newDocumentState: movement('s1') }]);
    expect(push.status).toBe(401);
    expect(push.body).toMatchObject({ error: 'revoked', message: expect.stringContaining('revoked at HQ') });
    // An unknown token is still just unknown.
    expect((await new SyncClient(endpoint.url, 'lt_never').push('movements', [])).body).toMatchObject({ error: 'unauthorized' });
    expect((await fleetRow(issued.body.terminalId))?.revokedAt).toEqual(expect.any(String));
  });

  it('shows each terminal’s last contact, app and schema versions, and its pending and refused counts', async () => {
    const before = await fleetRow(org.terminalIds.s2);
    expect(before).toMatchObject({ siteId: 's2', name: 'till 2', lastSeenAt: null, appVersion: null, pending: null, refused: null });

    const t0 = Date.now();
    const s2 = new SyncClient(endpoint.url, org.tokens.s2);
    const status = await s2.request(
      'PUT',
      '/api/v1/terminal-status',
      { pending: 3, refused: 1 },
      {
        [HEADER_APP_VERSION]: '0.1.0',
        [HEADER_SCHEMA_VERSIONS]: 'documents=2,movements=0',
      },
    );
    expect(status.status).toBe(204);
    const row = await fleetRow(org.terminalIds.s2);
    expect(row).toMatchObject({ appVersion: '0.1.0', schemaVersions: { documents: 2, movements: 0 }, pending: 3, refused: 1 });
    expect(Date.parse(row?.lastSeenAt ?? '')).toBeGreaterThanOrEqual(t0 - 1000);

    for (const body of [{ pending: -1, refused: 0 }, { pending: 1.5, refused: 0 }, { pending: 1 }, [1, 2]]) {
      const res = await s2.request('PUT', '/api/v1/terminal-status', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad-request' });
    }
    expect(await fleetRow(org.terminalIds.s2)).toMatchObject({ pending: 3, refused: 1 });
  });
});
