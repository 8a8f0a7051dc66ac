/**
 * Staff accounts at the endpoint (issue 15): a PIN hash reaches only HQ and the terminals of the
 * account's own site, on the live stream as on pull; once the organisation has people, master data
 * and people changes must name a person of the pushing site with the right, and a document cannot
 * name a person of another site or an approval a person who may not approve.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { approvalDocumentId, heldEventId } from '../../../shared/domain/approvals';
import { accountIdFor } from '../../../shared/domain/people';
import type { PersonDoc } from '../../../shared/schemas';
import { businessDoc, openBackend, postgresAvailable, product, seedOrg, SseReader, SyncClient, type Backend } from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
const NOW = '2026-03-01T08:00:00.000Z';
const HASH = 'scrypt$16384$8$1$0011$aabb';

function account(personId: string, siteId: string, roles: string[], over: Partial<PersonDoc> = {}): PersonDoc {
  return {
    id: accountIdFor(personId, siteId),
    personId,
    siteId,
    name: personId,
    roles,
    pinHash: HASH,
    active: true,
    updatedAt: NOW,
    ...over,
  };
}

describe.each(backends)('people on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let hq: SyncClient;
  let s1: SyncClient;
  let s2: SyncClient;
  let tokens: Record<'hq' | 's1' | 's2', string>;

  beforeEach(async () => {
    backend = await openBackend(backendName);
    const org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null });
    hq = new SyncClient(endpoint.url, org.tokens.hq);
    s1 = new SyncClient(endpoint.url, org.tokens.s1);
    s2 = new SyncClient(endpoint.url, org.tokens.s2);
    tokens = org.tokens;
  });

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  it('sends an account (and its PIN hash) only to HQ and to its own site', async () => {
    const streams = await Promise.all([SseReader.open(endpoint.url, tokens.s1), SseReader.open(endpoint.url, tokens.s2)]);
    await Promise.all(streams.map((reader) => reader.waitFor((r) => r.comments.includes('connected'))));
    // The first person needs no one's right: nobody exists yet.
    await hq.insert('people', [account('admin', 'hq', ['hq-admin']), account('fang', 's1', ['clerk'])]);
    const [live1, live2] = streams;
    await live1!.waitFor((r) => r.changes().some((c) => c.collection === 'people'));
    // A product afterwards reaches both: once store 2 has it, it would have had the account too.
    await hq.insert('products', [{ ...product(), updatedBy: 'admin' }]);
    await live2!.waitFor((r) => r.changes().some((c) => c.collection === 'products'));
    const peopleSent = (reader: SseReader) =>
      reader.changes().flatMap((c) => (c.collection === 'people' ? c.documents.map((d) => d.personId) : []));
    expect([peopleSent(live1!), peopleSent(live2!)]).toEqual([['fang'], []]);
    for (const reader of streams) reader.close();
    const ids = async (client: SyncClient) => (await client.pullAll('people')).documents.map((doc) => doc.personId).sort();
    expect(await ids(hq)).toEqual(['admin', 'fang']);
    expect(await ids(s1)).toEqual(['fang']);
    expect(await ids(s2)).toEqual([]);
    expect(JSON.stringify((await s2.pullAll('people')).documents)).not.toContain(HASH);
    // A store terminal never writes people: reference data written by HQ.
    const forged = await s1.push('people', [{ assumedMasterState: null, newDocumentState: account('me', 's1', ['hq-admin']) }]);
    expect([forged.status, forged.body.error]).toEqual([403, 'forbidden']);
  });

  it('once people exist, a master-data change must name a person of HQ with the right', async () => {
    await hq.insert('people', [
      account('admin', 'hq', ['hq-admin']),
      account('buyer', 'hq', ['purchaser']),
      account('fang', 's1', ['store-manager']),
    ]);
    const push = (over: Record<string, unknown>) =>
      hq.push('products', [{ assumedMasterState: null, newDocumentState: { ...product(), ...over } }]);
    const unnamed = await push({});
    expect([unnamed.status, JSON.stringify(unnamed.body.details)]).toEqual([403, expect.stringContaining('updatedBy')]);
    const noRight = await push({ updatedBy: 'buyer' });
    expect([noRight.status, JSON.stringify(noRight.body.details)]).toEqual([403, expect.stringContaining('manage-master-data')]);
    const elsewhere = await push({ updatedBy: 'fang' });
    expect([elsewhere.status, JSON.stringify(elsewhere.body.details)]).toEqual([403, expect.stringContaining('no account at site hq')]);
    expect((await hq.pullAll('products')).documents).toEqual([]);
    expect((await push({ updatedBy: 'admin' })).status).toBe(200);
    // People themselves need the right to manage people.
    const promoted = await hq.push('people', [
      { assumedMasterState: null, newDocumentState: account('buyer', 's1', ['hq-admin'], { updatedBy: 'buyer' }) },
    ]);
    expect([promoted.status, JSON.stringify(promoted.body.details)]).toEqual([403, expect.stringContaining('manage-people')]);
  });

  it('a document names a person of its own site, and an approval one who may approve', async () => {
    await hq.insert('people', [
      account('admin', 'hq', ['hq-admin']),
      account('fang', 's1', ['clerk']),
      account('li', 's2', ['store-manager']),
    ]);
    expect((await s1.push('documents', [{ newDocumentState: businessDoc('s1', { operatorId: 'fang' }) }])).status).toBe(200);
    const otherSite = await s1.push('documents', [{ newDocumentState: businessDoc('s1', { operatorId: 'li' }) }]);
    expect([otherSite.status, JSON.stringify(otherSite.body.details)]).toEqual([403, expect.stringContaining('no account at site s1')]);
    const approval = (operatorId: string) =>
      businessDoc('hq', {
        type: 'approval',
        status: 'approved',
        number: 'AP-1',
        subjectDocId: 'po-1',
        subjectDocType: 'purchase-order',
        operatorId,
      });
    await hq.insert('people', [account('clerk-at-hq', 'hq', ['clerk'], { updatedBy: 'admin' })]);
    const forged = await hq.push('documents', [{ newDocumentState: approval('clerk-at-hq') }]);
    expect([forged.status, JSON.stringify(forged.body.details)]).toEqual([403, expect.stringContaining('approve-po')]);
    expect((await hq.push('documents', [{ newDocumentState: approval('admin') }])).status).toBe(200);
  });

  it('a decision on a held count must be one of its levels, by a person holding that level’s role', async () => {
    await hq.insert('people', [
      account('admin', 'hq', ['hq-admin']),
      account('fang', 's1', ['clerk']),
      account('li', 's1', ['store-manager']),
    ]);
    const count = businessDoc('s1', { type: 'stock-count', status: 'submitted', number: 'PD-9', operatorId: 'fang' });
    const request = {
      id: heldEventId(count.id),
      siteId: 's1',
      kind: 'audit',
      severity: 'warning',
      at: NOW,
      docType: 'stock-count',
      docId: count.id,
      message: 'PD-9 waits for approval by store-manager',
      data: { action: 'approval-requested', levels: ['store-manager'], tripped: [] },
      operatorId: 'fang',
      updatedAt: NOW,
    };
    expect((await s1.push('documents', [{ newDocumentState: count }])).status).toBe(200);
    expect((await s1.push('events', [{ newDocumentState: request }])).status).toBe(200);
    const decision = (operatorId: string, level = 0) =>
      businessDoc('s1', {
        id: approvalDocumentId(count.id, level),
        type: 'approval',
        status: 'approved',
        number: 'AP-9',
        subjectDocId: count.id,
        subjectDocType: 'stock-count',
        operatorId,
        lines: [],
      });
    const forged = await s1.push('documents', [{ newDocumentState: decision('fang') }]);
    expect([forged.status, JSON.stringify(forged.body.details)]).toEqual([
      403,
      expect.stringContaining('does not hold the role \\"store-manager\\"'),
    ]);
    const noLevel = await s1.push('documents', [{ newDocumentState: decision('li', 1) }]);
    expect([noLevel.status, JSON.stringify(noLevel.body.details)]).toEqual([403, expect.stringContaining('none of the approval levels')]);
    expect((await s1.push('documents', [{ newDocumentState: decision('li') }])).status).toBe(200);
  });
});
