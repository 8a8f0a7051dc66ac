import type { BatchDoc, OpeningStockDoc } from '../../schemas';
import { AlreadyRecordedError, ExpiredOnReceiptError, UnknownReferenceError, ValidationError } from '../errors';
import { buildJournalEntry } from '../journal';
import type { LedgerView } from '../ledger-view';
import { arrivalExpiry, coverCounterOverride, requireNonNegative, requirePositiveQty, runPosting, type PostingOutcome } from './context';

/**
 * 期初库存: the stock a site already holds on the day it starts on Larder, counted with lot, expiry
 * and cost. Each line creates its batch (`batchId`, derived from the site, product, lot and expiry
 * by the import, so the same row imported twice names the same batch) and an `opening` movement
 * at the line's cost. Dr Inventory / Cr Temporary opening (ERPNext's "Temporary Opening"), which
 * the accountant clears against the opening balance sheet (docs/valuation.md).
 *
 * A batch that exists already is refused (the row was imported before: a count corrects it, the
 * ledger is never rewritten); so is a batch already past its expiry — it is not stock to open
 * with, and a perishable line needs an expiry or production date like any receipt.
 */
export function postOpeningStock(document: OpeningStockDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    const seen = new Set<string>();
    document.lines.forEach((line, index) => {
      const field = `lines[${index}]`;
      const qty = requirePositiveQty(line.qty, `${field}.qty`);
      const unitCost = requireNonNegative(line.unitCost, `${field}.unitCost`);
      if (!line.batchId) throw new ValidationError(`${field}.batchId`, 'an opening line names the batch it creates');
      if (!line.lotCode) throw new ValidationError(`${field}.lotCode`, 'an opening batch needs a lot code');
      if (seen.has(line.batchId)) throw new ValidationError(`${field}.batchId`, `batch ${line.batchId} is on an earlier line`);
      seen.add(line.batchId);
      const product = view.product(line.productId);
      if (!product) throw new UnknownReferenceError('products', line.productId);
      const existing = view.batch(line.batchId);
      if (existing) throw new AlreadyRecordedError('batches', existing.id, existing.lotCode);
      const expiryDate = arrivalExpiry(product, line, field);
      if (expiryDate !== undefined && expiryDate < document.businessDate)
        throw new ExpiredOnReceiptError(index, line.productId, line.lotCode, expiryDate, document.businessDate);
      const batch: BatchDoc = {
        id: line.batchId,
        productId: line.productId,
        siteId: document.siteId,
        lotCode: line.lotCode,
        receivedAt: document.at,
        unitCost,
        certificateHashes: [],
        // Stock already on the shelf: counted and in use, not waiting for a certificate.
        qcStatus: 'released',
        sourceDocId: document.id,
        updatedAt: document.at,
        ...(line.productionDate === undefined ? {} : { productionDate: line.productionDate }),
        ...(expiryDate === undefined ? {} : { expiryDate }),
      };
      context.batches.push(batch);
      const lineNo = context.pushLine(line);
      context.addArrival({ kind: 'opening', productId: line.productId, batchId: line.batchId, qty, unitCost, lineNo });
    });
    return context.result('posted', [
      buildJournalEntry(document, context.movements, { counterOverrides: coverCounterOverride, memo: `opening stock ${document.number}` }),
    ]);
  });
}
