import type { ReversalDoc } from '../../schemas';
import { NotPostableError, ValidationError } from '../errors';
import { reverseJournalEntry } from '../journal';
import type { LedgerView } from '../ledger-view';
import { runPosting, type PostingOutcome } from './context';

/**
 * 红冲: cancels a posted document by reversing movements (same kind, opposite sign, `reversalOf`)
 * and mirrored journal entries; nothing is edited or deleted. Reversing a receipt whose stock
 * has since left is refused under `block` like any other posting that would go negative.
 */
export function postReversal(document: ReversalDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    if (!document.reversesDocId) throw new ValidationError('reversesDocId', 'names the document to reverse');
    const movements = view.movementsOfDocument(document.reversesDocId);
    if (movements.length === 0) throw new NotPostableError('reversal', `document ${document.reversesDocId} has no postings to reverse`);
    for (const movement of movements) {
      if (movement.siteId !== document.siteId) {
        throw new ValidationError('siteId', `movement ${movement.id} belongs to site ${movement.siteId}; only that site may reverse it`);
      }
    }
    // Additions first, so reversing e.g. a production run puts ingredients back before the
    // output batch is taken out.
    const ordered = [...movements].sort((a, b) => Number(b.qty > 0) - Number(a.qty > 0));
    for (const movement of ordered) {
      const lineNo = context.pushLine({
        productId: movement.productId,
        qty: Math.abs(movement.qty),
        batchId: movement.batchId,
        unitCost: movement.unitCost,
      });
      context.addMovement({
        kind: movement.kind,
        productId: movement.productId,
        batchId: movement.batchId,
        qty: -movement.qty,
        unitCost: movement.unitCost,
        lineNo,
        reversalOf: movement.id,
      });
    }
    const journal = view.journalOfDocument(document.reversesDocId).map((entry, index) => reverseJournalEntry(entry, document, index));
    return context.result('posted', journal);
  });
}
