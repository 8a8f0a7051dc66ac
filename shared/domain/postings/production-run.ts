import type { BatchDoc, DocumentLine, ProductionRunDoc } from '../../schemas';
import { UnknownReferenceError, ValidationError } from '../errors';
import { computeExpiry } from '../expiry';
import { buildJournalEntry } from '../journal';
import type { LedgerView } from '../ledger-view';
import { coverCounterOverride, requirePositiveQty, runPosting, type PostingOutcome } from './context';

/** Ingredient lines: as written on the document, or the output product's recipe scaled to the run. */
export function ingredientLines(document: ProductionRunDoc, view: LedgerView): DocumentLine[] {
  if (document.lines.length > 0) return document.lines;
  const product = view.product(document.outputProductId);
  if (!product) throw new UnknownReferenceError('products', document.outputProductId);
  if (!product.recipe || product.recipe.lines.length === 0)
    throw new ValidationError('lines', 'no ingredients and no recipe to derive them from');
  const scale = document.outputQty / product.recipe.outputQty;
  return product.recipe.lines.map((line) => ({ productId: line.productId, qty: line.qty * scale }));
}

/**
 * 生产单: consumes ingredients by FEFO (or chosen batches, enforced) and outputs a new batch at
 * the kitchen, expiring by the product's shelf life from today, costed at what it consumed.
 * Dr Production cost / Cr Inventory, then Dr Inventory / Cr Production cost.
 */
export function postProductionRun(document: ProductionRunDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    const outputQty = requirePositiveQty(document.outputQty, 'outputQty');
    const product = view.product(document.outputProductId);
    if (!product) throw new UnknownReferenceError('products', document.outputProductId);
    if (!document.outputBatchId) throw new ValidationError('outputBatchId', 'the run names the batch it creates');
    if (!document.outputLotCode) throw new ValidationError('outputLotCode', 'the output batch needs a lot code');

    let consumedValue = 0;
    ingredientLines(document, view).forEach((line, index) => {
      for (const taken of context.takeStock(line, index, 'production-consume', true)) consumedValue += taken.qty * taken.unitCost;
    });
    const unitCost = consumedValue / outputQty;
    const expiry = computeExpiry(product, document.businessDate, document.at, view.siteTimeZone(document.siteId));
    const batch: BatchDoc = {
      id: document.outputBatchId,
      productId: product.id,
      siteId: document.siteId,
      lotCode: document.outputLotCode,
      productionDate: document.businessDate,
      receivedAt: document.at,
      unitCost,
      certificateHashes: [],
      // Made in-house under the kitchen's own QC: usable at once.
      qcStatus: 'released',
      sourceDocId: document.id,
      updatedAt: document.at,
      ...expiry,
    };
    context.batches.push(batch);
    context.addArrival({
      kind: 'production-output',
      productId: product.id,
      batchId: batch.id,
      qty: outputQty,
      unitCost,
      // After every resolved ingredient line: deterministic for the posted document too.
      lineNo: context.lines.length,
    });
    return context.result('posted', [buildJournalEntry(document, context.movements, { counterOverrides: coverCounterOverride })]);
  });
}
