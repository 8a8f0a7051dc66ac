import { storeReceiptId } from '../../../shared/dispatch/store-receipt';
import type { LarderDatabase } from '../../db/database';

/** The number of this store's receipt of a dispatch, when one exists locally. */
export async function existingReceiptNumber(db: LarderDatabase, dispatchId: string): Promise<string | null> {
  const doc = await db.documents.findOne(storeReceiptId(dispatchId)).exec();
  return doc ? String(doc.get('number')) : null;
}
