// RxDB's downstream writes a pulled document into the local store, then — in a second write —
// records it as the endpoint's state ("assumed master"). A terminal killed between the two (a
// power cut, kill -9) restarts with a document that looks like an unsent local write, and the
// upstream pushes it back. For a document this terminal may write that is a harmless no-op; for
// one it may not — a dispatch addressed to a store, a product HQ wrote — the endpoint answers 403
// on every retry, and the collection's sync stalls both ways (found by the fault harness:
// tests/chaos, kill9-terminal, run 826 of seed 12). RxDB's own marker for downstream writes
// (`_meta.o`) does not survive an insert, so the document cannot tell where it came from.
//
// The app never writes a document its site may not write (the screens follow the same rule), so
// such a document in the store came from the endpoint: it is not sent, and RxDB records it as in
// sync when the push returns. A newer version on the endpoint still replaces it when pulled.
import type { RxReplicationWriteToMasterRow } from 'rxdb';
import type { CollectionName } from '../../../shared/schemas';
import { writeRefusal, type Writer } from '../../../shared/schemas/write-scope';

export function withoutOthersDocuments(
  collection: CollectionName,
  rows: RxReplicationWriteToMasterRow<unknown>[],
  writer: Writer,
): { send: RxReplicationWriteToMasterRow<unknown>[]; others: RxReplicationWriteToMasterRow<unknown>[] } {
  const send: RxReplicationWriteToMasterRow<unknown>[] = [];
  const others: RxReplicationWriteToMasterRow<unknown>[] = [];
  for (const row of rows) {
    const siteId = (row.newDocumentState as { siteId?: unknown }).siteId;
    (writeRefusal(writer, collection, typeof siteId === 'string' ? siteId : null) === null ? send : others).push(row);
  }
  return { send, others };
}
