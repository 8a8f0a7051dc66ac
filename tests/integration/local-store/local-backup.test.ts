// A terminal's own backup of its unsent records (renderer/db/local-backup.ts): exported from one
// store to a file, imported into a fresh store of the same site, each record once and unchanged;
// a file of another site or organisation is refused before anything is written.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLarderDatabase, type LarderDatabase } from '../../../renderer/db/database';
import { exportUnsent, importUnsent } from '../../../renderer/db/local-backup';
import { parseUnsentFile, unsentFileName } from '../../../shared/protocol/unsent-file';
import { ValidationError } from '../../../shared/domain';
import type { DocumentDoc } from '../../../shared/schemas';
import { movementDoc } from '../sync/clients';

let db: LarderDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

// RxDB's open-core build opens 13 collections per process: one store (9) at a time.
const openStore = async () =>
  (db = await createLarderDatabase({ name: `b${randomUUID().replace(/-/g, '').slice(0, 16)}`, storage: getRxStorageMemory() }));
const close = async () => {
  await db?.close();
  db = undefined;
};

const who = { orgId: 'org-1', siteId: 'store-a', terminalId: 'term-old' };
const waste = (id: string): DocumentDoc =>
  ({
    id,
    type: 'waste',
    siteId: 'store-a',
    number: `BS-${id}`,
    status: 'posted',
    businessDate: '2026-12-06',
    at: '2026-12-06T09:00:00.000Z',
    terminalId: 'term-old',
    lines: [{ productId: 'p-flour', qty: 2 }],
    updatedAt: '2026-12-06T09:00:00.000Z',
  }) as DocumentDoc;

describe('export and import of unsent records', () => {
  it('round-trips the unsent records into a fresh store, each once; a second import changes nothing', async () => {
    const old = await openStore();
    const unsent = Array.from({ length: 12 }, (_, n) => movementDoc('store-a', n));
    const sent = movementDoc('store-a', 99);
    await old.movements.bulkInsert([...unsent, sent]);
    await old.documents.insert(waste('w-1'));
    const pending = [...unsent.map((m) => `movements/${m.id}`), 'documents/w-1', 'movements/gone-since', 'nonsense'];
    const file = await exportUnsent(old, pending, who, '2026-12-06T10:00:00.000Z');
    const text = JSON.stringify(file);
    await close();

    const parsed = parseUnsentFile(text, { orgId: 'org-1', siteId: 'store-a' });
    expect(parsed.records.movements).toHaveLength(12);
    const fresh = await openStore();
    expect(await importUnsent(fresh, parsed)).toEqual({ imported: 13, present: 0, refused: 0, firstRefusal: null });
    const movements = (await fresh.movements.find().exec()).map((d) => d.toJSON(false));
    expect(movements.map((m) => m.id).sort()).toEqual(unsent.map((m) => m.id).sort());
    for (const m of unsent) expect(movements.find((x) => x.id === m.id)).toMatchObject(m);
    expect((await fresh.documents.findOne('w-1').exec())?.toJSON(false)).toMatchObject(waste('w-1'));
    expect(await importUnsent(fresh, parsed)).toMatchObject({ imported: 0, present: 13 });
    expect(await fresh.movements.count().exec()).toBe(12);
    expect(unsentFileName('store-a', '2026-12-06T10:00:00.000Z')).toBe('larder-unsent-store-a-2026-12-06-10-00-00.json');
  });

  it('refuses a file of another site or organisation, or not a backup at all', () => {
    const text = JSON.stringify({ format: 'larder-unsent', version: 1, ...who, exportedAt: '', records: {} });
    expect(() => parseUnsentFile(text, { orgId: 'org-1', siteId: 'store-b' })).toThrow(ValidationError);
    expect(() => parseUnsentFile(text, { orgId: 'org-2', siteId: 'store-a' })).toThrow(/organisation/);
    expect(() => parseUnsentFile('{"a":1}', { orgId: 'org-1', siteId: 'store-a' })).toThrow(/not a Larder/);
    expect(() => parseUnsentFile('not json', { orgId: 'org-1', siteId: 'store-a' })).toThrow(ValidationError);
    const bad = JSON.stringify({ format: 'larder-unsent', version: 1, ...who, exportedAt: '', records: { stock: [] } });
    expect(() => parseUnsentFile(bad, { orgId: 'org-1', siteId: 'store-a' })).toThrow(/no collection stock/);
  });
});
