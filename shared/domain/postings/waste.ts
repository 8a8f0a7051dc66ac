import type { WasteDoc } from '../../schemas';
import { buildJournalEntry } from '../journal';
import type { LedgerView } from '../ledger-view';
import { runPosting, type PostingOutcome } from './context';

/**
 * 报损: stock thrown away with a reason. Expired and held batches may be wasted (that is how
 * they leave), so the picking rule is not enforced. Dr Inventory loss / Cr Inventory.
 */
export function postWaste(document: WasteDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    document.lines.forEach((line, index) => context.takeStock(line, index, 'waste', false));
    return context.result('posted', [
      buildJournalEntry(document, context.movements, { memo: `waste (${document.wasteReason}) ${document.number}` }),
    ]);
  });
}
