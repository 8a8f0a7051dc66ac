import type { StoreReceiptDoc } from '../../../shared/schemas';
import type { LarderDatabase } from '../../db/database';
import { useDatabase } from '../../db/session';
import { useLedger, usePoster } from '../../db/hooks';
import { missingBatches, storeReceiptId, type IncomingDispatch } from './receive-model';

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
    const qrBatches = new Map(missingBatches(incoming, ledger.ledger).map((batch) => [batch.id, batch]));
    await poster(receipt, qrBatches.size ? { batchFallback: (batchId) => qrBatches.get(batchId) } : undefined);
  };
}
