// The rollout of a schema change (SYNC-PROTOCOL.md, Schema evolution): a kitchen terminal still on
// the first release (released v0 schemas, note tags, data version 0) and current terminals (v1
// link fields) sync through the same endpoint, all posting, and converge — each holds what the
// endpoint holds, as its version sees it: the fields it does not know left out, its notes free
// of tags (a link is never written into a note, not even for an old terminal). The v0 terminal is the real sync client speaking version
// 0 over a store at the v0 schemas, writing documents as the v0 screens wrote them. Each terminal
// runs in its own worker thread (RxDB allows 13 collections per realm; a terminal has 9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/protocol/wire';
import { projectToVersion } from '../../../shared/schemas/versions';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { movementDoc, openTerminal, waitFor, type TestTerminal } from './clients';

let endpoint: EndpointProcess;
const tokens: Record<string, string> = {};
const open: TestTerminal[] = [];

beforeAll(async () => {
  endpoint = await startEndpointProcess();
  await endpoint.admin('site', 'add', '--id', 'kitchen', '--kind', 'kitchen', '--name', 'kitchen');
  await endpoint.admin('site', 'add', '--id', 'store-a', '--kind', 'store', '--name', 'store-a');
  tokens.kitchenV0 = (await endpoint.addTerminal('kitchen', 'kitchen on the first release')).token;
  tokens.kitchenV1 = (await endpoint.addTerminal('kitchen', 'kitchen updated')).token;
  tokens.store = (await endpoint.addTerminal('store-a', 'store updated')).token;
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((t) => t.close()));
  await endpoint?.stop();
});

async function terminal(token: string, release: 'v0' | 'current'): Promise<TestTerminal> {
  const t = await openTerminal(endpoint.url, token, 'memory', release);
  open.push(t);
  return t;
}

const byId = async (t: TestTerminal, collection: 'documents' | 'movements') =>
  new Map((await t.run<JsonObject[]>({ op: 'all', collection })).map((doc) => [String(doc.id), doc]));

const at = '2026-12-01T02:00:00.000Z';
const header = { businessDate: '2026-12-01', at, updatedAt: at, lines: [{ productId: 'p-flour', qty: 10 }] };

describe('a v0 terminal beside v1 terminals', () => {
  it("both post; the v0 kitchen's tags become fields, it reads the fields it knows, and all converge", { timeout: 120_000 }, async () => {
    const [kitchenV0, kitchenV1, store] = await Promise.all([
      terminal(tokens.kitchenV0!, 'v0'),
      terminal(tokens.kitchenV1!, 'current'),
      terminal(tokens.store!, 'current'),
    ]);

    // The store (v1) asks for goods with a delivery date field.
    const request = {
      ...header,
      id: 'req-1',
      type: 'store-request',
      siteId: 'store-a',
      toSiteId: 'kitchen',
      number: 'YH-20261201-STOR-001',
      status: 'submitted',
      terminalId: 't-store',
      deliveryDate: '2026-12-02',
      note: '早上送',
    };
    await store.run({ op: 'insert', collection: 'documents', docs: [request] });
    // The v0 kitchen reads it without the field it does not know; the note is the store's own words.
    const requestOnV0 = await waitFor('the request on the v0 kitchen', async () => (await byId(kitchenV0, 'documents')).get('req-1'));
    expect(requestOnV0.note).toBe('早上送');
    expect(requestOnV0).not.toHaveProperty('deliveryDate');

    // The v0 kitchen answers with a dispatch naming the request in its note, and posts movements.
    const dispatch = {
      ...header,
      id: 'ps-v0',
      type: 'dispatch',
      siteId: 'kitchen',
      toSiteId: 'store-a',
      number: 'PS-20261201-KV0-001',
      status: 'shipped',
      terminalId: 't-kv0',
      note: '要货单 YH-20261201-STOR-001',
    };
    await kitchenV0.run({ op: 'insert', collection: 'documents', docs: [dispatch] });
    const fromV0 = Array.from({ length: 6 }, (_, n) => movementDoc('kitchen', 1000 + n));
    await kitchenV0.run({ op: 'insert', collection: 'movements', docs: fromV0 });
    // The v1 kitchen writes a purchase order with its expected date and a pack unit as fields.
    const order = {
      ...header,
      id: 'po-v1',
      type: 'purchase-order',
      siteId: 'kitchen',
      number: 'CG-20261201-KV1-001',
      status: 'submitted',
      partnerId: 'sup-1',
      terminalId: 't-kv1',
      expectedDate: '2026-12-04',
      lines: [{ productId: 'p-flour', qty: 25, unitCost: 4.5, unit: '袋', unitQty: 1 }],
    };
    await kitchenV1.run({ op: 'insert', collection: 'documents', docs: [order] });
    const fromV1 = Array.from({ length: 6 }, (_, n) => movementDoc('kitchen', 2000 + n));
    await kitchenV1.run({ op: 'insert', collection: 'movements', docs: fromV1 });

    // The store and the v1 kitchen read the v0 dispatch with its link as a field, the note free of tags.
    for (const t of [store, kitchenV1]) {
      const shipped = await waitFor('the v0 dispatch on a v1 terminal', async () => {
        const doc = (await byId(t, 'documents')).get('ps-v0');
        return doc?.requestIds ? doc : undefined;
      });
      expect(shipped.requestIds).toEqual(['req-1']);
      expect(shipped).not.toHaveProperty('note');
    }
    // The v0 kitchen reads the v1 order without the fields it does not know, and no tag in a note.
    const orderOnV0 = await waitFor('the v1 order on the v0 kitchen', async () => (await byId(kitchenV0, 'documents')).get('po-v1'));
    expect(orderOnV0).not.toHaveProperty('note');
    expect(orderOnV0).not.toHaveProperty('expectedDate');
    expect(orderOnV0.lines).toEqual([{ productId: 'p-flour', qty: 25, unitCost: 4.5 }]);

    // Convergence: both kitchens hold every kitchen movement, and the v0 kitchen's documents are
    // the v1 kitchen's as version 0 sees them (the dispatch it wrote included: its tag became the
    // link field, which version 0 leaves out).
    const movementIds = [...fromV0, ...fromV1].map((m) => m.id).sort();
    for (const t of [kitchenV0, kitchenV1]) {
      await waitFor('every kitchen movement on both kitchens', async () => {
        const ids = [...(await byId(t, 'movements')).keys()].filter((id) => movementIds.includes(id)).sort();
        return JSON.stringify(ids) === JSON.stringify(movementIds);
      });
    }
    await Promise.all([kitchenV0, kitchenV1].map((t) => t.run({ op: 'awaitInSync' })));
    const onV1 = await byId(kitchenV1, 'documents');
    const onV0 = await byId(kitchenV0, 'documents');
    expect([...onV0.keys()].sort()).toEqual([...onV1.keys()].sort());
    for (const [id, doc] of onV1) expect(onV0.get(id), id).toEqual(projectToVersion('documents', doc, 0));
    const { note: tag, ...dispatchWithoutTag } = dispatch;
    expect(tag).toMatch(/^要货单/);
    expect(onV0.get('ps-v0')).toEqual(dispatchWithoutTag);
    const movementsV0 = await byId(kitchenV0, 'movements');
    for (const [id, doc] of await byId(kitchenV1, 'movements')) expect(movementsV0.get(id), id).toEqual(doc);
  });
});
