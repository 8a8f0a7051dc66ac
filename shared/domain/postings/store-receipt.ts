import { isShipmentType, type DocumentDoc, type StoreReceiptDoc } from '../../schemas';
import { UnknownReferenceError, ValidationError } from '../errors';
import { accountCodes } from '../accounts';
import { buildJournalEntry } from '../journal';
import type { LedgerView } from '../ledger-view';
import { roundQty, sameQty } from '../numbers';
import { coverCounterOverride, requireNonNegative, requirePositiveQty, runPosting, type PostingOutcome } from './context';

function shippedByBatch(dispatch: DocumentDoc): Map<string, number> {
  const shipped = new Map<string, number>();
  for (const line of dispatch.lines) {
    if (line.batchId !== undefined) shipped.set(line.batchId, (shipped.get(line.batchId) ?? 0) + line.qty);
  }
  return shipped;
}

/**
 * 门店收货 (of a kitchen's dispatch, or 调拨入库 of another store's transfer), written by the receiving store: per batch, `dispatch-in` (+accepted) into the store's
 * stock and `transit-loss` (+short +rejected) closing the in-transit balance, so that for every
 * batch out + in + loss = 0. Any loss sends a discrepancy notice to the kitchen.
 * Dr Inventory / Cr In transit (accepted); Dr Gain/loss / Cr In transit (lost). Between two
 * companies (the receipt names the partner that stands for the sender's company) it is a purchase
 * of all that was shipped: Dr Inventory (accepted) and Dr Gain/loss (lost) / Cr Payable — the
 * receiver bears what went missing on the way, and its payable equals the sender's receivable.
 */
export function postStoreReceipt(document: StoreReceiptDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    const dispatch = view.document(document.dispatchId);
    if (dispatch) {
      if (!isShipmentType(dispatch.type)) throw new ValidationError('dispatchId', `${document.dispatchId} is not a dispatch or transfer`);
      if (dispatch.toSiteId !== document.siteId) throw new ValidationError('dispatchId', 'the dispatch is addressed to another site');
    }
    const received = new Map<string, number>();
    const losses: { batchId: string; productId: string; short: number; rejected: number; reason?: string }[] = [];
    document.lines.forEach((line, index) => {
      const field = `lines[${index}]`;
      const qty = requirePositiveQty(line.qty, `${field}.qty`);
      const accepted = requireNonNegative(line.accepted, `${field}.accepted`);
      const short = requireNonNegative(line.short, `${field}.short`);
      const rejected = requireNonNegative(line.rejected, `${field}.rejected`);
      if (!sameQty(accepted + short + rejected, qty)) {
        throw new ValidationError(field, `accepted + short + rejected (${accepted + short + rejected}) must equal the shipped ${qty}`);
      }
      const batch = view.batch(line.batchId);
      if (!batch) throw new UnknownReferenceError('batches', line.batchId);
      if (batch.productId !== line.productId) throw new ValidationError(`${field}.batchId`, 'batch of another product');
      received.set(line.batchId, (received.get(line.batchId) ?? 0) + qty);
      const unitCost = line.unitCost ?? batch.unitCost;
      const lineNo = context.pushLine({ ...line, unitCost });
      if (accepted > 0)
        context.addArrival({ kind: 'dispatch-in', productId: line.productId, batchId: line.batchId, qty: accepted, unitCost, lineNo });
      const lost = short + rejected;
      if (lost > 0) {
        context.addMovement({ kind: 'transit-loss', productId: line.productId, batchId: line.batchId, qty: lost, unitCost, lineNo });
        losses.push({
          batchId: line.batchId,
          productId: line.productId,
          short,
          rejected,
          ...(line.rejectReason ? { reason: line.rejectReason } : {}),
        });
      }
    });
    if (dispatch) {
      const shipped = shippedByBatch(dispatch);
      for (const batchId of new Set([...shipped.keys(), ...received.keys()])) {
        const expected = roundQty(shipped.get(batchId) ?? 0);
        const got = roundQty(received.get(batchId) ?? 0);
        if (expected !== got)
          throw new ValidationError('lines', `batch ${batchId}: dispatch shipped ${expected}, receipt accounts for ${got}`);
      }
    }
    if (losses.length > 0) {
      context.addEvent({
        key: 'discrepancy',
        kind: 'discrepancy',
        severity: 'warning',
        message: `Store receipt ${document.number} of dispatch ${dispatch?.number ?? document.dispatchId}: ${losses.length} line(s) short or rejected`,
        data: { dispatchId: document.dispatchId, losses },
        toSiteId: document.toSiteId,
      });
    }
    const counterOverrides = document.partnerId
      ? { ...coverCounterOverride, 'dispatch-in': accountCodes.payable, 'transit-loss': accountCodes.payable }
      : coverCounterOverride;
    return context.result('posted', [buildJournalEntry(document, context.movements, { counterOverrides })]);
  });
}
