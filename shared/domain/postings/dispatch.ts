import type { ShipmentDoc } from '../../schemas';
import { ValidationError } from '../errors';
import { buildJournalEntry } from '../journal';
import type { LedgerView } from '../ledger-view';
import { runPosting, type PostingOutcome } from './context';

/**
 * Ship a dispatch (配送出库), written by the kitchen, or a store's transfer (调拨出库) alike: `dispatch-out` (−qty) per batch, picked by
 * FEFO/FIFO or as chosen (enforced). The posted document carries the batches and costs, which
 * is what the store receives against (and what the printed QR code encodes).
 * Dr Inventory in transit / Cr Inventory.
 */
export function postDispatchShip(document: ShipmentDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    if (!document.toSiteId || document.toSiteId === document.siteId) {
      throw new ValidationError('toSiteId', 'a dispatch goes to another site');
    }
    document.lines.forEach((line, index) => context.takeStock(line, index, 'dispatch-out', true));
    return context.result('shipped', [buildJournalEntry(document, context.movements)]);
  });
}
