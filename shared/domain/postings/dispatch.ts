import type { ShipmentDoc } from '../../schemas';
import { ValidationError } from '../errors';
import { accountCodes } from '../accounts';
import { buildJournalEntry } from '../journal';
import type { LedgerView } from '../ledger-view';
import { runPosting, type PostingOutcome } from './context';

/**
 * Ship a dispatch (配送出库), written by the kitchen, or a store's transfer (调拨出库) alike: `dispatch-out` (−qty) per batch, picked by
 * FEFO/FIFO or as chosen (enforced). The posted document carries the batches and costs, which
 * is what the store receives against (and what the printed QR code encodes).
 * Dr Inventory in transit / Cr Inventory. Between two companies (the document names the partner
 * that stands for the receiver's company, shared/domain/companies.ts) it is a sale at cost: Dr COGS /
 * Cr Inventory, and Dr Receivable / Cr Revenue for the value shipped — what the receiver's receipt
 * owes as a purchase, so consolidation can eliminate both.
 */
export function postDispatchShip(document: ShipmentDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    if (!document.toSiteId || document.toSiteId === document.siteId) {
      throw new ValidationError('toSiteId', 'a dispatch goes to another site');
    }
    document.lines.forEach((line, index) => context.takeStock(line, index, 'dispatch-out', true));
    if (!document.partnerId) return context.result('shipped', [buildJournalEntry(document, context.movements)]);
    const value = context.movements.reduce((sum, movement) => sum - movement.qty * movement.unitCost, 0);
    const sale = buildJournalEntry(document, context.movements, {
      counterOverrides: { 'dispatch-out': accountCodes.costOfSales },
      extraBookings: [{ debit: accountCodes.receivable, credit: accountCodes.revenue, amount: value }],
    });
    return context.result('shipped', [sale]);
  });
}
