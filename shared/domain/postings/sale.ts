import type { ConsumptionDoc, SaleDoc } from '../../schemas';
import { accountCodes } from '../accounts';
import { buildJournalEntry, type Booking } from '../journal';
import type { LedgerView } from '../ledger-view';
import { requireNonNegative, runPosting, type PostingOutcome } from './context';

/**
 * 销售出库 / 消耗: stock leaves by FEFO/FIFO (or the chosen batch, enforced). A sale books
 * Dr Cash or Receivable / Cr Revenue at the line prices and Dr COGS / Cr Inventory at cost;
 * consumption (menu use, staff meals) books cost only.
 */
export function postSale(document: SaleDoc | ConsumptionDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    const kind = document.type === 'sale' ? 'sale' : 'consumption';
    let revenue = 0;
    document.lines.forEach((line, index) => {
      if (document.type === 'sale') revenue += line.qty * requireNonNegative(line.unitPrice, `lines[${index}].unitPrice`);
      context.takeStock(line, index, kind, true);
    });
    const bookings: Booking[] =
      revenue > 0
        ? [
            {
              debit: document.paymentMethod === 'credit' ? accountCodes.receivable : accountCodes.cash,
              credit: accountCodes.revenue,
              amount: revenue,
            },
          ]
        : [];
    return context.result('posted', [buildJournalEntry(document, context.movements, { extraBookings: bookings })]);
  });
}
