import 'fake-indexeddb/auto'; // the stock projection keeps its history in IndexedDB (renderer/db/ledger-history.ts)
// The executor on a real RxDB store: it stamps what a screen never supplies (ids, numbers, times,
// the site's business date, the terminal), refuses a write this site may not make before anything
// is stored, and posts through the posting intent so the ledger moves with the document.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { runCommand, type CommandSession } from '../../../renderer/db/commands';
import { createLarderDatabase, type LarderDatabase } from '../../../renderer/db/database';
import { LocalLedger } from '../../../renderer/db/local-ledger';
import { guardWriteScope } from '../../../renderer/db/write-guard';
import { accountIdFor, NotWritableHereError, operatorOf, PermissionMissingError } from '../../../shared/domain';
import { batch, KITCHEN, product, STORE, T0 } from '../../unit/domain/fixtures';

let db: LarderDatabase | undefined;
let ledger: LocalLedger | undefined;

beforeAll(() => {
  // Document numbers keep their running count in localStorage, as in the window.
  if (!('localStorage' in globalThis)) {
    const items = new Map<string, string>();
    Object.assign(globalThis, {
      localStorage: {
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => void items.set(key, value),
      },
    });
  }
});

afterEach(async () => {
  ledger?.close();
  await db?.close();
  db = undefined;
});

/** A kitchen terminal's store holding what sync would have brought: a product and a store's batch. */
async function kitchenSession(synced: (db: LarderDatabase) => Promise<unknown> = async () => undefined): Promise<CommandSession> {
  db = await createLarderDatabase({ name: `c${randomUUID().replace(/-/g, '').slice(0, 16)}`, storage: getRxStorageMemory() });
  await db.products.insert(product('flour'));
  await db.batches.insert(batch('b-store', 'flour', { siteId: STORE, qcStatus: 'pending' }));
  await synced(db);
  guardWriteScope(db, { siteId: KITCHEN, siteKind: 'kitchen' });
  ledger = await LocalLedger.open(db);
  return {
    db,
    ledger,
    siteId: KITCHEN,
    siteKind: 'kitchen',
    terminalId: 'term-abcd',
    operator: () => ({ operator: null, required: false }),
  };
}

describe('the command executor', () => {
  it('stamps id, number, instant, business date and terminal on a new draft', async () => {
    const session = await kitchenSession();
    const { result } = await runCommand(session, 'dispatch.create', { toSiteId: STORE });
    const stored = (await session.db.documents.findOne(result.id).exec())?.toJSON();
    expect(stored).toMatchObject({
      id: result.id,
      type: 'dispatch',
      siteId: KITCHEN,
      toSiteId: STORE,
      terminalId: 'term-abcd',
      status: 'draft',
    });
    expect(result.number).toMatch(/^PS-\d{8}-ABCD-\d{3}$/);
    expect(result.number.slice(3, 11)).toBe(stored?.businessDate.replaceAll('-', ''));
    expect(stored?.at).toBe(stored?.updatedAt);
    const second = await runCommand(session, 'dispatch.create', { toSiteId: STORE });
    expect(second.result.number).not.toBe(result.number);
  });

  it('refuses a write of another site’s record before storing anything of the command', async () => {
    const session = await kitchenSession();
    const error = await runCommand(session, 'batch.release', { batchId: 'b-store', reason: 'checked' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotWritableHereError);
    expect((await session.db.batches.findOne('b-store').exec())?.get('qcStatus')).toBe('pending');
    expect(await session.db.events.count().exec()).toBe(0);
  });

  it('posts through the posting intent: the document, its movements and the ledger move together', async () => {
    const session = await kitchenSession();
    const { result, posting } = await runCommand(session, 'goods-receipt.post', {
      partnerId: 'sup',
      purchaseOrderId: 'po-1',
      lines: [{ productId: 'flour', qty: 25, unitCost: 4, lotCode: 'F-1' }],
    });
    expect(posting?.document).toMatchObject({ id: result.id, status: 'posted', purchaseOrderId: 'po-1' });
    const batchId = posting?.document.lines[0]?.batchId ?? '';
    expect(await session.db.movements.count().exec()).toBe(1);
    expect(session.ledger.ledger.onHand(KITCHEN, batchId)).toBe(25);
    expect(await session.db.documents.getLocal('posting-intents').then((doc) => doc?.get('intents'))).toEqual({});
  });

  it('writes as the person signed in, and refuses what their roles do not allow before storing anything', async () => {
    const session = await kitchenSession();
    const person = (roles: string[]) =>
      operatorOf({ id: 'a', personId: 'fang', siteId: KITCHEN, name: '王芳', roles, active: true, updatedAt: T0 }, []);
    const clerk: CommandSession = { ...session, operator: () => ({ operator: person(['clerk']), required: true }) };
    const { posting } = await runCommand(clerk, 'goods-receipt.post', {
      partnerId: 'sup',
      lines: [{ productId: 'flour', qty: 5, unitCost: 4, lotCode: 'F-2' }],
    });
    expect(posting?.document.operatorId).toBe('fang');
    // A movement's operator is its document's (docId): no copy on the largest collection.
    expect((await session.db.movements.find().exec()).map((doc) => doc.docId)).toEqual([posting?.document.id]);
    const before = await session.db.documents.count().exec();
    const production = runCommand(clerk, 'production.post', {
      document: { outputProductId: 'flour', outputQty: 1, outputLotCode: 'P-1', lines: [] },
    } as never);
    await expect(production).rejects.toThrow(new PermissionMissingError('produce', '王芳'));
    const nobody: CommandSession = { ...session, operator: () => ({ operator: null, required: true }) };
    await expect(runCommand(nobody, 'waste.post', { document: {} } as never)).rejects.toThrow(/sign in first/);
    expect(await session.db.documents.count().exec()).toBe(before);
  });

  it('holds a count an approval rule trips, reading on-hand at its counting moment, and posts it on approval as its maker’s', async () => {
    const account = (personId: string, name: string, roles: string[]) =>
      ({ id: accountIdFor(personId, KITCHEN), personId, siteId: KITCHEN, name, roles, active: true, updatedAt: T0 }) as const;
    const rule = { id: 'r', documentType: 'stock-count', condition: 'count-variance-over', threshold: 5, approverRoles: ['store-manager'] };
    // People and rules arrive by sync from HQ (this terminal may not write them).
    const session = await kitchenSession(async (db) => {
      await db.people.bulkInsert([account('fang', '王芳', ['clerk']), account('li', '李娜', ['store-manager'])]);
      await db.config.insert({ id: 'approval-rules', key: 'approval-rules', value: { rules: [rule] }, updatedAt: T0 });
    });
    const as = (personId: string, name: string, roles: string[]): CommandSession => ({
      ...session,
      operator: () => ({ operator: operatorOf(account(personId, name, roles), []), required: true }),
    });
    const { posting: received } = await runCommand(as('li', '李娜', ['store-manager']), 'goods-receipt.post', {
      partnerId: 'sup',
      lines: [{ productId: 'flour', qty: 20, unitCost: 4, lotCode: 'F-3' }],
    });
    const batchId = received!.document.lines[0]!.batchId!;
    const count = {
      id: 'count-1',
      type: 'stock-count' as const,
      siteId: KITCHEN,
      number: 'PD-1',
      status: 'submitted' as const,
      businessDate: received!.document.businessDate,
      at: new Date().toISOString(),
      terminalId: 'term-abcd',
      lines: [{ productId: 'flour', batchId, qty: 18, countedAt: new Date().toISOString() }],
      updatedAt: T0,
    };
    const held = await runCommand(as('fang', '王芳', ['clerk']), 'count.post', { document: count });
    expect([held.posting, held.result.heldFor]).toEqual([null, ['store-manager']]);
    expect((await session.db.documents.findOne('count-1').exec())?.toJSON()).toMatchObject({ status: 'submitted', operatorId: 'fang' });
    expect(session.ledger.ledger.onHand(KITCHEN, batchId)).toBe(20);

    const decided = await runCommand(as('li', '李娜', ['store-manager']), 'approval.decide', {
      documentId: 'count-1',
      decision: 'approved',
    });
    expect(decided.posting?.document).toMatchObject({ id: 'count-1', status: 'posted', operatorId: 'fang' });
    expect(session.ledger.ledger.onHand(KITCHEN, batchId)).toBe(18);
    const approvals = await session.db.documents.find({ selector: { type: 'approval' } }).exec();
    expect(approvals.map((doc) => doc.toJSON()).map((doc) => [doc.subjectDocId, doc.status, doc.operatorId])).toEqual([
      ['count-1', 'approved', 'li'],
    ]);
  });
});
