// The file outbox on a real Dexie store (fake-indexeddb) and a real RxDB database; the network is
// a fault-injecting stand-in for fetch (down, refusing, or accepting), which is what is tested.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLarderDatabase, type LarderDatabase } from '../../../renderer/db/database';
import { FileOutbox, FileUploadError, sha256Hex, type QueuedFileSummary } from '../../../renderer/db/file-outbox';

const AT = '2026-11-30T08:00:00.000Z';
let db: LarderDatabase | undefined;
let outbox: FileOutbox | undefined;
afterEach(async () => {
  await outbox?.stop();
  await db?.close();
  vi.unstubAllGlobals();
});

async function setUp() {
  db = await createLarderDatabase({ name: `fo${randomUUID().replace(/-/g, '').slice(0, 12)}`, storage: getRxStorageMemory() });
  await db.batches.insert({
    id: 'b-milk',
    productId: 'p-milk',
    siteId: 'kitchen',
    lotCode: 'MILK-1',
    receivedAt: AT,
    unitCost: 2,
    certificateHashes: [],
    qcStatus: 'pending',
    sourceDocId: 'gr-1',
    updatedAt: AT,
  });
  let queued: QueuedFileSummary[] = [];
  const storeName = `outbox-${randomUUID()}`;
  outbox = new FileOutbox(storeName, db, { url: 'http://endpoint.test', token: 't' }, (files) => (queued = files));
  return { db, outbox, storeName, queued: () => queued };
}

const network = (mode: { current: 'down' | 'refuse' | 'up' }, stored: Map<string, number>) =>
  vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    if (mode.current === 'down') throw new TypeError('fetch failed');
    if (mode.current === 'refuse') return Response.json({ error: 'too-large', message: 'file too large' }, { status: 413 });
    const hash = String(url).split('/').pop() as string;
    stored.set(hash, (init?.body as ArrayBuffer).byteLength);
    return new Response(null, { status: 201 });
  });

const certificate = () => ({
  bytes: new TextEncoder().encode('%PDF-1.4 certificate').buffer as ArrayBuffer,
  type: 'application/pdf',
  name: '检疫证明.pdf',
});

describe('file outbox', () => {
  it('keeps a certificate attached offline, names it on the batch only after the endpoint holds it', async () => {
    const { db, outbox, queued } = await setUp();
    const mode = { current: 'down' as 'down' | 'refuse' | 'up' };
    const stored = new Map<string, number>();
    vi.stubGlobal('fetch', network(mode, stored));
    const file = certificate();
    const hash = await sha256Hex(file.bytes);

    await expect(outbox.add(file, { kind: 'certificate', batchId: 'b-milk', lotCode: 'MILK-1' })).resolves.toEqual({ hash, queued: true });
    expect(queued().map((f) => [f.name, f.hash])).toEqual([['检疫证明.pdf', hash]]);
    expect((await db.batches.findOne('b-milk').exec())?.certificateHashes).toEqual([]); // not named before upload

    await outbox.flush(); // still offline: nothing changes, nothing lost
    expect(queued()).toHaveLength(1);

    mode.current = 'up';
    await outbox.flush();
    expect(stored.get(hash)).toBe(file.bytes.byteLength);
    expect((await db.batches.findOne('b-milk').exec())?.certificateHashes).toEqual([hash]);
    expect(queued()).toEqual([]);
  });

  it('shows and uploads what an earlier session left waiting', async () => {
    const { db, outbox, storeName } = await setUp();
    const mode = { current: 'down' as 'down' | 'refuse' | 'up' };
    vi.stubGlobal('fetch', network(mode, new Map()));
    const file = certificate();
    const { hash } = await outbox.add(file, { kind: 'certificate', batchId: 'b-milk', lotCode: 'MILK-1' });
    await outbox.stop();
    // The app restarts on the same store, still offline: the waiting file is listed at start.
    let queued: QueuedFileSummary[] = [];
    const restarted = new FileOutbox(storeName, db, { url: 'http://endpoint.test', token: 't' }, (files) => (queued = files));
    restarted.start();
    await restarted.flush();
    expect(queued.map((f) => f.hash)).toEqual([hash]);
    mode.current = 'up';
    await restarted.flush();
    expect(queued).toEqual([]);
    expect((await db.batches.findOne('b-milk').exec())?.certificateHashes).toEqual([hash]);
    await restarted.stop();
  });

  it('throws a refusal at once instead of keeping a file the endpoint will never take', async () => {
    const { outbox, queued } = await setUp();
    vi.stubGlobal('fetch', network({ current: 'refuse' }, new Map()));
    await expect(outbox.add(certificate(), { kind: 'certificate', batchId: 'b-milk', lotCode: 'MILK-1' })).rejects.toBeInstanceOf(
      FileUploadError,
    );
    expect(queued()).toEqual([]);
  });

  it('records a waste photo as an audit event naming document and file once uploaded', async () => {
    const { db, outbox } = await setUp();
    vi.stubGlobal('fetch', network({ current: 'up' }, new Map()));
    const photo = { bytes: new Uint8Array([137, 80, 78, 71]).buffer as ArrayBuffer, type: 'image/png', name: 'crate.png' };
    const { hash, queued } = await outbox.add(photo, {
      kind: 'waste-photo',
      docId: 'w-1',
      docNumber: 'BS-1',
      siteId: 'store-a',
      terminalId: 't-1',
    });
    expect(queued).toBe(false);
    const events = await db.events.find({ selector: { docId: 'w-1' } }).exec();
    expect(events.map((e) => [e.kind, e.docType, (e.data as { fileHash?: string }).fileHash])).toEqual([['audit', 'waste', hash]]);
  });
});
