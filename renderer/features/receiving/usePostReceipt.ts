import { postDocument } from '../../../shared/domain';
import type { StoreReceiptDoc } from '../../../shared/schemas';
import type { LarderDatabase } from '../../db/database';
import { useDatabase } from '../../db/session';
import { useLedger, usePoster } from '../../db/hooks';
import { PostingRefusedError } from '../../db/posting';
import { missingBatches, storeReceiptId, withBatchFallback, type IncomingDispatch } from './receive-model';

export class AlreadyReceivedError extends Error {
  override readonly name = 'AlreadyReceivedError';
  constructor(readonly receiptNumber: string) {
    super(`already received as ${receiptNumber}`);
  }
}

/** The number of this store's receipt of a dispatch, when one exists locally. */
export async function existingReceiptNumber(db: LarderDatabase, dispatchId: string): Promise<string | null> {
  const doc = await db.documents.findOne(storeReceiptId(dispatchId)).exec();
  return doc ? String(doc.get('number')) : null;
}

/**
 * Posts a store receipt. When the dispatch came by QR and the kitchen's batches have not synced,
 * the posting rules read those batches from the QR (never stored: batches are written by their
 * own site only).
 */
export function usePostReceipt(): ((incoming: IncomingDispatch, receipt: StoreReceiptDoc) => Promise<void>) | null {
  const db = useDatabase();
  const poster = usePoster();
  const { ledger } = useLedger();
  if (!db || !poster || !ledger) return null;
  return async (incoming, receipt) => {
    const existing = await existingReceiptNumber(db, incoming.dispatchId);
    if (existing !== null) throw new AlreadyReceivedError(existing);
    const missing = missingBatches(incoming, ledger.ledger);
    if (missing.length > 0) {
      // Dry run against the overlay view first, so a refusal leaves the projection untouched.
      const outcome = postDocument(receipt, withBatchFallback(ledger.ledger, missing));
      if (!outcome.ok) throw new PostingRefusedError(outcome.error);
      // TODO(lead, renderer/db/posting.ts): postLocally(db, local, doc, { batchFallback }) so the
      // overlay view is used for the posting itself. Until then the in-memory projection learns
      // the QR's batches (not written to RxDB, not pushed); the synced batch replaces them.
      for (const batch of missing) ledger.ledger.upsertBatch(batch);
    }
    await poster(receipt);
  };
}
