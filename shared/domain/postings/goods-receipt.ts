import type { BatchDoc, GoodsReceiptDoc } from '../../schemas';
import { UnknownReferenceError, ValidationError } from '../errors';
import { buildJournalEntry } from '../journal';
import type { LedgerView } from '../ledger-view';
import { arrivalExpiry, coverCounterOverride, requireNonNegative, requirePositiveQty, runPosting, type PostingOutcome } from './context';

/**
 * 采购入库: each line creates its batch (`batchId`, client-generated) at the receiving site and
 * a `receipt` movement at the line's cost, after filling any negative stock of the product first
 * (settlement.ts). Dr Inventory / Cr Accounts payable. Perishables
 * arriving without a certificate are held (`pending`) until QC releases them.
 */
export function postGoodsReceipt(document: GoodsReceiptDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    const policy = view.policy(document.siteId);
    document.lines.forEach((line, index) => {
      const field = `lines[${index}]`;
      const qty = requirePositiveQty(line.qty, `${field}.qty`);
      const unitCost = requireNonNegative(line.unitCost, `${field}.unitCost`);
      if (!line.batchId) throw new ValidationError(`${field}.batchId`, 'a received line names the batch it creates');
      if (!line.lotCode) throw new ValidationError(`${field}.lotCode`, 'a received batch needs a lot code');
      const product = view.product(line.productId);
      if (!product) throw new UnknownReferenceError('products', line.productId);
      const existing = view.batch(line.batchId);
      if (existing && existing.productId !== line.productId) {
        throw new ValidationError(`${field}.batchId`, `batch ${line.batchId} belongs to another product`);
      }
      const expiryDate = arrivalExpiry(product, line, field);
      const certificateHashes = line.certificateHashes ?? [];
      const batch: BatchDoc = {
        id: line.batchId,
        productId: line.productId,
        siteId: document.siteId,
        lotCode: line.lotCode,
        receivedAt: document.at,
        unitCost,
        certificateHashes,
        qcStatus: line.qcStatus ?? (product.perishable && certificateHashes.length === 0 ? 'pending' : 'released'),
        sourceDocId: document.id,
        updatedAt: document.at,
        ...(line.productionDate === undefined ? {} : { productionDate: line.productionDate }),
        ...(expiryDate === undefined ? {} : { expiryDate }),
        ...(document.partnerId === undefined ? {} : { supplierId: document.partnerId }),
      };
      context.batches.push(batch);
      const lineNo = context.pushLine(line);
      context.addArrival({ kind: 'receipt', productId: line.productId, batchId: line.batchId, qty, unitCost, lineNo });

      const lastCost = view.lastReceiptCost(document.siteId, line.productId);
      if (lastCost !== undefined && lastCost > 0) {
        const deviationPct = (Math.abs(unitCost - lastCost) / lastCost) * 100;
        if (deviationPct > policy.priceDeviationPct) {
          context.addEvent({
            key: `price-deviation:${index}`,
            kind: 'price-deviation',
            severity: 'warning',
            message: `Price ${unitCost} deviates ${deviationPct.toFixed(1)}% from last price ${lastCost}`,
            data: { lineNo: index, unitCost, lastCost, deviationPct },
            productId: line.productId,
            batchId: line.batchId,
          });
        }
      }
    });
    return context.result('posted', [buildJournalEntry(document, context.movements, { counterOverrides: coverCounterOverride })]);
  });
}
