// After an epoch change (epoch-change.ts) the terminal has forgotten which of its documents were
// the endpoint's state, so RxDB's downstream takes a local copy that differs from the pulled one
// for an unsent local write and keeps it; the upstream then finds it is another site's document
// and leaves it (others-documents.ts). A copy the endpoint has moved past since — or the projection
// an upgraded terminal pulled at its old version (a dispatch without its requestIds) — would stay
// on this terminal for good (found by the fault harness: restore and an in-place upgrade in one
// run). This terminal can never have written such a document, so the pulled copy is the truth:
// it is stored here before RxDB compares, and RxDB then records it as in sync.
import { createRevision, now, type RxDocumentData, type RxStorageInstance } from 'rxdb';
import type { CollectionName } from '../../../shared/schemas';
import { writeRefusal, type Writer } from '../../../shared/schemas/write-scope';
import { sameContent } from '../conflict-handlers';
import type { LarderDatabase } from '../database';

type Pulled = { id: string; siteId?: unknown } & Record<string, unknown>;

/** Stores each pulled document this terminal may not write over a local copy that differs from it. */
export async function adoptPulledOthersDocuments(
  db: LarderDatabase,
  collection: CollectionName,
  pulled: readonly unknown[],
  writer: Writer,
): Promise<number> {
  const others = (pulled as Pulled[]).filter(
    (doc) => writeRefusal(writer, collection, typeof doc.siteId === 'string' ? doc.siteId : null) !== null,
  );
  if (others.length === 0) return 0;
  const instance = db[collection].storageInstance as unknown as RxStorageInstance<unknown, unknown, unknown>;
  const local = await instance.findDocumentsById(
    others.map((doc) => doc.id),
    true,
  );
  const byId = new Map(local.map((doc) => [(doc as unknown as Pulled).id, doc]));
  const writes = [];
  for (const doc of others) {
    const previous = byId.get(doc.id);
    if (!previous || sameContent(previous, doc)) continue;
    const document = {
      ...doc,
      _deleted: doc._deleted === true,
      _attachments: previous._attachments ?? {},
      _meta: { ...previous._meta, lwt: now() },
      _rev: createRevision(db.token, previous as RxDocumentData<unknown>),
    } as unknown as RxDocumentData<unknown>;
    writes.push({ previous, document });
  }
  if (writes.length === 0) return 0;
  // A local write in between (none is possible for another site's document) would only be a conflict: RxDB then decides.
  const result = await instance.bulkWrite(writes as never, 'larder-adopt-pulled');
  return writes.length - result.error.length;
}
