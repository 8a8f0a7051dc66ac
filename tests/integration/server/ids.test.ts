/**
 * Ids of the wire (SYNC-PROTOCOL.md v1.1): a document's id and every reference are 1–64
 * characters of printable ASCII without spaces, and anything else is the same 422 on SQLite and
 * PostgreSQL. PostgreSQL once turned lone surrogates into U+FFFD, so a crafted id replaced an
 * append-only movement (qty 10 → −5000), and a NUL in an id was a 500 there but a 200 on SQLite.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { businessDoc, movement, openBackend, postgresAvailable, seedOrg, SyncClient, type Backend, type Doc } from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

interface Refusal {
  error?: string;
  details?: { index: number; id: string | null; message: string }[];
}

describe.each(backends)('ids and references on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let s1: SyncClient;
  let hq: SyncClient;

  beforeEach(async () => {
    backend = await openBackend(backendName);
    const org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null });
    s1 = new SyncClient(endpoint.url, org.tokens.s1);
    hq = new SyncClient(endpoint.url, org.tokens.hq);
  });

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  async function expectInvalid(collection: string, doc: Doc, message: RegExp): Promise<void> {
    const res = await s1.push(collection, [{ newDocumentState: doc }]);
    expect(res.status, `${collection} ${JSON.stringify(doc).slice(0, 200)}`).toBe(422);
    const body = res.body as Refusal;
    expect(body.error).toBe('invalid-document');
    expect(body.details?.[0]?.message).toMatch(message);
  }

  it('refuses ids outside the pattern — lone surrogates, NUL, spaces, non-ASCII, too long — with 422', async () => {
    for (const id of ['mv-\uD800', 'mv-\uDC00x', 'mv-\u0000', 'mv 1', '面粉-1', 'mv-\u007F', 'x'.repeat(65), ''])
      await expectInvalid('movements', movement('s1', { id }), /id|Unicode/);
    expect((await hq.pullAll('movements')).documents).toEqual([]);
  });

  it('refuses references outside the pattern, top level, in lines and in lists, naming the field', async () => {
    await expectInvalid('movements', movement('s1', { productId: 'p flour' }), /\/productId: ids and references/);
    await expectInvalid('movements', movement('s1', { batchId: 'b-\u00E9' }), /\/batchId: ids and references/);
    await expectInvalid('movements', movement('s1', { reversalOf: 'mv\tx' }), /\/reversalOf: ids and references/);
    await expectInvalid('movements', movement('s1', { docId: 'd-\u0000' }), /\/docId/);
    await expectInvalid('movements', movement('s1', { terminalId: 't-\uD83D' }), /\/terminalId/);
    const lines = [
      { productId: 'p-flour', qty: 1 },
      { productId: '面粉', qty: 1 },
    ];
    await expectInvalid('documents', businessDoc('s1', { lines } as Doc), /\/lines\/1\/productId: ids and references/);
    await expectInvalid('documents', businessDoc('s1', { requestIds: ['r-1', 'r 2'] } as Doc), /\/requestIds\/1: ids and references/);
    expect((await hq.pullAll('movements')).documents).toEqual([]);
    expect((await hq.pullAll('documents')).documents).toEqual([]);
  });

  it('keeps free text that looks like an id out of the rule: lot codes, numbers, SKUs may hold spaces and CJK', async () => {
    await s1.insert('documents', [
      businessDoc('s1', { number: 'S 0001 门店', lines: [{ productId: 'p-flour', qty: 1, lotCode: '批次 A' }] } as Doc),
    ]);
    expect((await hq.pullAll('documents')).documents).toHaveLength(1);
  });

  it('a crafted id can no longer replace an append-only movement', async () => {
    const id = `mv-${randomUUID()}`;
    await s1.insert('movements', [movement('s1', { id, qty: 10 })]);
    // Each of these once mapped onto one PostgreSQL row with the other; now each is refused.
    for (const crafted of [`${id}\uD800`, `${id}\uDC00`, `${id}\uFFFD`]) {
      const res = await s1.push('movements', [{ newDocumentState: movement('s1', { id: crafted, qty: -5000 }) }]);
      expect(res.status).toBe(422);
    }
    const { documents } = await hq.pullAll('movements');
    expect(documents.map((d) => [d.id, d.qty])).toEqual([[id, 10]]);
  });
});
