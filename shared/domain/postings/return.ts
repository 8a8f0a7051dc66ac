import type { ReturnDoc } from '../../schemas';
import { accountCodes } from '../accounts';
import { UnknownReferenceError, ValidationError } from '../errors';
import { buildJournalEntry, type Booking } from '../journal';
import type { LedgerView } from '../ledger-view';
import { requireNonNegative, requirePositive, runPosting, type PostingOutcome } from './context';

/**
 * 退货. To a supplier: stock leaves (expired stock included — that is often why), Dr Payable /
 * Cr Inventory. From a customer: stock comes back into its batch, Dr Inventory / Cr COGS, and
 * the refund Dr Revenue / Cr Cash at the line prices.
 */
export function postReturn(document: ReturnDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    if (document.returnDirection === 'to-supplier') {
      document.lines.forEach((line, index) => context.takeStock(line, index, 'return', false));
      return context.result('posted', [buildJournalEntry(document, context.movements)]);
    }
    let refund = 0;
    document.lines.forEach((line, index) => {
      const field = `lines[${index}]`;
      const qty = requirePositive(line.qty, `${field}.qty`);
      if (!line.batchId) throw new ValidationError(`${field}.batchId`, 'a returned line names its batch');
      const batch = view.batch(line.batchId);
      if (!batch) throw new UnknownReferenceError('batches', line.batchId);
      if (line.unitPrice !== undefined) refund += qty * requireNonNegative(line.unitPrice, `${field}.unitPrice`);
      const unitCost = line.unitCost ?? batch.unitCost;
      const lineNo = context.pushLine({ ...line, unitCost });
      context.addMovement({ kind: 'return', productId: line.productId, batchId: line.batchId, qty, unitCost, lineNo });
    });
    const bookings: Booking[] = refund > 0 ? [{ debit: accountCodes.revenue, credit: accountCodes.cash, amount: refund }] : [];
    const journal = buildJournalEntry(document, context.movements, {
      counterOverrides: { return: accountCodes.costOfSales },
      extraBookings: bookings,
    });
    return context.result('posted', [journal]);
  });
}
