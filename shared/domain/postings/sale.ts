import type { ConsumptionDoc, SaleDoc } from '../../schemas';
import { accountCodes } from '../accounts';
import { buildJournalEntry, type Booking } from '../journal';
import type { LedgerView } from '../ledger-view';
import { lineAmounts } from '../vat';
import { requireNonNegative, runPosting, type PostingOutcome } from './context';

/**
 * 销售出库 / 消耗: stock leaves by FEFO/FIFO (or the chosen batch, enforced). A sale books
 * Dr Cash or Receivable at the tax-inclusive line amounts / Cr Revenue at their amounts net of
 * VAT and Cr Output VAT at the tax (shared/domain/vat.ts), and Dr COGS / Cr Inventory at cost;
 * consumption (menu use, staff meals) books cost only.
 */
export function postSale(document: SaleDoc | ConsumptionDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    const kind = document.type === 'sale' ? 'sale' : 'consumption';
    let gross = 0;
    let tax = 0;
    document.lines.forEach((line, index) => {
      if (document.type === 'sale') {
        requireNonNegative(line.unitPrice, `lines[${index}].unitPrice`);
        const amounts = lineAmounts(line);
        gross += amounts.gross;
        tax += amounts.tax;
      }
      context.takeStock(line, index, kind, true);
    });
    const paidTo = document.paymentMethod === 'credit' ? accountCodes.receivable : accountCodes.cash;
    const bookings: Booking[] = [];
    if (gross - tax > 0) bookings.push({ debit: paidTo, credit: accountCodes.revenue, amount: gross - tax });
    if (tax > 0) bookings.push({ debit: paidTo, credit: accountCodes.outputVat, amount: tax });
    return context.result('posted', [buildJournalEntry(document, context.movements, { extraBookings: bookings })]);
  });
}
