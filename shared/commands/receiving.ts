// 门店收货: the store's own receipt of a kitchen dispatch, however it reached the store (synced or
// by the dispatch note's QR code). One receipt per dispatch: its id derives from the dispatch.
import { AlreadyRecordedError, companiesFrom, interCompanyPartner, ValidationError } from '../domain';
import {
  buildStoreReceipt,
  lineProblem,
  missingBatches,
  storeReceiptId,
  type IncomingDispatch,
  type LineEntry,
} from '../dispatch/store-receipt';
import { defineCommand } from './types';

const problemText = {
  negative: 'must be zero or more',
  'too-much': 'accepted + rejected exceed what was shipped',
  'reason-missing': 'a rejection needs a reason',
};

export const receiptReceive = defineCommand({
  reads: (input: { incoming: IncomingDispatch; entries: readonly LineEntry[] }) => ({
    documentIds: [storeReceiptId(input.incoming.dispatchId)],
    config: true,
  }),
  run(input, context) {
    const { incoming, entries } = input;
    const existing = context.documents.find((doc) => doc.id === storeReceiptId(incoming.dispatchId));
    if (existing) throw new AlreadyRecordedError('store-receipt', existing.id, existing.number);
    incoming.lines.forEach((line, index) => {
      const problem = lineProblem(line, entries[index] ?? { accepted: line.qty, rejected: 0 });
      if (problem) throw new ValidationError(`lines[${index}]`, problemText[problem]);
    });
    const { stamp } = context;
    const built = buildStoreReceipt(incoming, entries, {
      storeSiteId: stamp.siteId,
      terminalId: stamp.terminalId,
      number: stamp.nextNumber('SH'),
      businessDate: stamp.businessDate,
      at: stamp.at,
    });
    // From a site of another company it is a purchase from the partner standing for that company.
    const seller = interCompanyPartner(companiesFrom(context.config), stamp.siteId, incoming.fromSiteId);
    const receipt = seller ? { ...built, partnerId: seller } : built;
    // A dispatch received by QR before the kitchen's batches synced: the posting reads them from the QR.
    const batchFallback = missingBatches(incoming, context.ledger);
    return { post: { document: receipt, ...(batchFallback.length ? { batchFallback } : {}) }, result: { number: receipt.number } };
  },
});
