import type { ReturnDoc } from '../../schemas';
import { accountCodes } from '../accounts';
import { UnknownReferenceError, ValidationError } from '../errors';
import { buildJournalEntry, type Booking } from '../journal';
import type { LedgerView } from '../ledger-view';
import { issueUnitCost } from '../valuation';
import { lineAmounts } from '../vat';
import { coverCounterOverride, requireNonNegative, requirePositiveQty, runPosting, type PostingOutcome } from './context';

/**
 * 退货. To a supplier: stock leaves (expired stock included — that is often why), Dr Payable /
 * Cr Inventory; the payable is relieved at the purchase price (the batch's cost), and where stock
 * left at the moving average the difference goes to the price-difference account. From a
 * customer: stock comes back into its batch at the cost it left at (the line's; else what the sale
 * named in `subjectDocId` took out of that batch; else the batch's cost or the site's moving
 * average), Dr Inventory / Cr COGS, and the refund Dr Revenue and Dr Output VAT (the tax its price
 * included) / Cr Cash — or, when the goods were
 * sold on account (the return, or the sale it names, is paid 'credit'), a credit note:
 * Dr Revenue / Cr Receivable, lowering what the customer owes (issue 17).
 */
export function postReturn(document: ReturnDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    if (document.returnDirection === 'to-supplier') {
      const differences: Booking[] = [];
      document.lines.forEach((line, index) => {
        for (const taken of context.takeStock(line, index, 'return', false)) {
          const purchasePrice = view.batch(taken.batchId)?.unitCost ?? taken.unitCost;
          const difference = taken.qty * (purchasePrice - taken.unitCost);
          if (Math.abs(difference) < 1e-9) continue;
          differences.push(
            difference > 0
              ? { debit: accountCodes.payable, credit: accountCodes.priceDifference, amount: difference }
              : { debit: accountCodes.priceDifference, credit: accountCodes.payable, amount: -difference },
          );
        }
      });
      return context.result('posted', [buildJournalEntry(document, context.movements, { extraBookings: differences })]);
    }
    let refund = 0;
    let refundTax = 0;
    const leftAtAverage = view.policy(document.siteId).costing === 'moving-average';
    document.lines.forEach((line, index) => {
      const field = `lines[${index}]`;
      const qty = requirePositiveQty(line.qty, `${field}.qty`);
      if (!line.batchId) throw new ValidationError(`${field}.batchId`, 'a returned line names its batch');
      const batch = view.batch(line.batchId);
      if (!batch) throw new UnknownReferenceError('batches', line.batchId);
      if (line.unitPrice !== undefined) {
        requireNonNegative(line.unitPrice, `${field}.unitPrice`);
        const amounts = lineAmounts(line);
        refund += amounts.gross;
        refundTax += amounts.tax;
      }
      const unitCost =
        line.unitCost ??
        costItLeftAt(view, document, line.batchId) ??
        (leftAtAverage ? issueUnitCost(context.view, document.siteId, line.productId, line.batchId) : batch.unitCost);
      const lineNo = context.pushLine({ ...line, unitCost });
      context.addArrival({ kind: 'return', productId: line.productId, batchId: line.batchId, qty, unitCost, lineNo });
    });
    const sale = document.subjectDocId ? view.document(document.subjectDocId) : undefined;
    const onAccount = document.paymentMethod === 'credit' || sale?.paymentMethod === 'credit';
    const refundFrom = onAccount ? accountCodes.receivable : accountCodes.cash;
    // The output VAT the sale booked comes back with the goods (a red-letter fapiao's tax).
    const bookings: Booking[] = [];
    if (refund - refundTax > 0) bookings.push({ debit: accountCodes.revenue, credit: refundFrom, amount: refund - refundTax });
    if (refundTax > 0) bookings.push({ debit: accountCodes.outputVat, credit: refundFrom, amount: refundTax });
    const journal = buildJournalEntry(document, context.movements, {
      counterOverrides: { return: accountCodes.costOfSales, ...coverCounterOverride },
      extraBookings: bookings,
    });
    return context.result('posted', [journal]);
  });
}

/** The unit cost at which the sale a return names (`subjectDocId`) took stock out of the batch. */
function costItLeftAt(view: LedgerView, document: ReturnDoc, batchId: string): number | undefined {
  if (!document.subjectDocId) return undefined;
  let qty = 0;
  let value = 0;
  for (const movement of view.movementsOfDocument(document.subjectDocId)) {
    if (movement.batchId !== batchId || movement.siteId !== document.siteId || movement.qty >= 0) continue;
    if (movement.kind !== 'sale' && movement.kind !== 'consumption') continue;
    qty += movement.qty;
    value += movement.qty * movement.unitCost;
  }
  return qty < 0 ? value / qty : undefined;
}
