// A restored endpoint (SYNC-PROTOCOL.md, Epochs, backup and restore): the backup missed what the
// terminals pushed after it was taken, and the restored database hands out sequence numbers the
// terminals have already passed. Terminals must notice the new epoch, pull again from the start and
// push back what they hold, so nothing is lost, nothing doubled, and later writes still arrive.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDoc, MovementDoc } from '../../../shared/schemas';
import { pullAll } from '../../support/pull';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { movementDoc, openTerminal, waitFor, type TestTerminal } from './clients';

let endpoint: EndpointProcess;
const tokens: Record<string, string> = {};
const open: TestTerminal[] = [];
const backupDir = mkdtempSync(join(tmpdir(), 'larder-restore-test-'));

async function terminal(site: string) {
  const t = await openTerminal(endpoint.url, tokens[site] ?? '');
  open.push(t);
  return t;
}

beforeAll(async () => {
  endpoint = await startEndpointProcess();
  for (const [id, kind] of [
    ['hq', 'hq'],
    ['kitchen', 'kitchen'],
    ['store-a', 'store'],
  ] as const) {
    await endpoint.admin('site', 'add', '--id', id, '--kind', kind, '--name', id);
    tokens[id] = (await endpoint.addTerminal(id, `${id} terminal`)).token;
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
  await endpoint?.stop();
  rmSync(backupDir, { recursive: true, force: true });
});

const onEndpoint = async (collection: 'movements' | 'documents') =>
  (await pullAll<{ id: string }>(endpoint.url, tokens.hq ?? '', collection)).map((d) => d.id);

const draft = (id: string, status: DocumentDoc['status'] = 'draft'): DocumentDoc =>
  ({
    id,
    type: 'waste',
    siteId: 'kitchen',
    number: `WS-${id}`,
    status,
    businessDate: '2026-11-30',
    at: '2026-11-30T06:00:00.000Z',
    terminalId: 't-k',
    lines: [{ productId: 'p-flour', qty: 1 }],
    updatedAt: '2026-11-30T06:00:00.000Z',
  }) as DocumentDoc;

describe('restoring an older backup', () => {
  it('brings back from the terminals what the backup missed, each record once', { timeout: 120_000 }, async () => {
    const [kitchen, store, hq] = await Promise.all([terminal('kitchen'), terminal('store-a'), terminal('hq')]);
    const before: MovementDoc[] = Array.from({ length: 30 }, (_, n) => movementDoc('kitchen', n));
    await kitchen.run({ op: 'insert', collection: 'movements', docs: before });
    await kitchen.run({ op: 'insert', collection: 'documents', docs: [draft('w-1')] });
    await waitFor('the first movements on the endpoint', async () => (await onEndpoint('movements')).length === 30);
    await waitFor('the draft on the endpoint', async () => (await onEndpoint('documents')).includes('w-1'));

    const backup = join(backupDir, 'older.sqlite');
    const out = await endpoint.admin('backup', '--out', backup);
    expect(out).toMatch(/epoch \S+/);

    // After the backup: more movements from two sites, and the draft is posted.
    const after = [
      ...Array.from({ length: 25 }, (_, n) => movementDoc('kitchen', 100 + n)),
      ...Array.from({ length: 5 }, (_, n) => movementDoc('store-a', 200 + n)),
    ];
    await kitchen.run({ op: 'insert', collection: 'movements', docs: after.filter((m) => m.siteId === 'kitchen') });
    await store.run({ op: 'insert', collection: 'movements', docs: after.filter((m) => m.siteId === 'store-a') });
    await kitchen.run({ op: 'patch', collection: 'documents', id: 'w-1', patch: { status: 'posted' } });
    await waitFor('every movement on the endpoint', async () => (await onEndpoint('movements')).length === 60);
    await waitFor('HQ to hold every movement', async () => (await hq.count('movements')) === 60);

    const dataDir = endpoint.dataDir;
    const port = Number(new URL(endpoint.url).port);
    await endpoint.stop({ keepData: true });
    const restoredOut = await endpoint.admin('restore', '--from', backup);
    expect(restoredOut).toMatch(/epoch \S+/);
    endpoint = await startEndpointProcess({ dataDir, port });
    // The restore lost what came after the backup...
    expect((await onEndpoint('movements')).length).toBe(30);

    // ...and the terminals bring it back.
    const expected = new Set([...before, ...after].map((m) => m.id));
    await waitFor(
      'the terminals to push back what the backup missed',
      async () => (await onEndpoint('movements')).length >= expected.size,
      40_000,
      async () => ({ endpoint: (await onEndpoint('movements')).length, kitchen: await kitchen.status() }),
    );
    // A write after the restore takes a sequence number the terminals had passed before it.
    const later = movementDoc('store-a', 300);
    expected.add(later.id);
    await store.run({ op: 'insert', collection: 'movements', docs: [later] });
    await waitFor('HQ to receive the write made after the restore', async () => (await hq.ids('movements')).includes(later.id), 20_000);

    const stored = await onEndpoint('movements');
    expect(new Set(stored).size).toBe(stored.length);
    expect(new Set(stored)).toEqual(expected);
    await hq.run({ op: 'awaitInSync' });
    const atHq = await hq.ids('movements');
    expect(new Set(atHq)).toEqual(expected);
    expect(atHq.length).toBe(expected.size);
    const posted = (await pullAll<DocumentDoc>(endpoint.url, tokens.hq ?? '', 'documents')).find((d) => d.id === 'w-1');
    expect(posted?.status).toBe('posted');
  });
});
