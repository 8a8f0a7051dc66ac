// The endpoint refuses (403) a document this terminal's site may not write (SYNC-PROTOCOL.md,
// Identity and scope), and the sync client never sends one (others-documents.ts), so a screen
// that wrote one would leave it on this terminal alone, without a word. The same rule is checked
// here on every local insert, save and remove: such a write fails at once, naming the document
// and the reason, and nothing of it is stored. Pulled documents are not checked: replication and
// migrations write to the storage directly and do not run collection hooks.
import type { RxCollection } from 'rxdb';
import { NotWritableHereError } from '../../shared/domain';
import { collectionNames, type CollectionName } from '../../shared/schemas';
import { writeRefusal, writtenBy, type Writer } from '../../shared/schemas/write-scope';
import type { LarderDatabase } from './database';

interface Owned {
  id: string;
  siteId?: unknown;
}

function check(writer: Writer, collection: CollectionName, doc: Owned): void {
  const siteId = typeof doc.siteId === 'string' ? doc.siteId : null;
  const why = writeRefusal(writer, collection, siteId);
  if (!why) return;
  const error = new NotWritableHereError(collection, doc.id, siteId, writtenBy(collection), why);
  // Logged as well: a screen's background save may not show it, and it is a bug in that screen.
  console.error(`larder: ${error.message}`);
  throw error;
}

function storedData(previous: unknown): Owned {
  const value = previous as Owned & { _data?: Owned };
  return value._data ?? value;
}

const writers = new WeakMap<LarderDatabase, Writer>();

export function guardWriteScope(db: LarderDatabase, writer: Writer): void {
  writers.set(db, writer);
  for (const name of collectionNames) {
    const collection = db[name] as unknown as RxCollection<Owned>;
    collection.preInsert((data) => check(writer, name, data), false);
    // The stored owner too, as the endpoint does: a save cannot take over another site's document.
    // RxDB 17 passes the stored data as the second argument (rx-document.ts,
    // beforeDocumentUpdateWrite), though its types name an RxDocument; both shapes are read.
    collection.preSave((data, previous: unknown) => {
      check(writer, name, storedData(previous));
      check(writer, name, data);
    }, false);
    // A removal's first argument is the stored document.
    collection.preRemove((data) => check(writer, name, data), false);
  }
}

/**
 * Throws before anything is written when a write of several collections (a posting) holds a
 * document this terminal may not write; the hooks alone would stop it halfway.
 */
export function assertWritableHere(db: LarderDatabase, writes: { [K in CollectionName]?: readonly Owned[] }): void {
  const writer = writers.get(db);
  if (!writer) return;
  for (const name of collectionNames) for (const doc of writes[name] ?? []) check(writer, name, doc);
}
