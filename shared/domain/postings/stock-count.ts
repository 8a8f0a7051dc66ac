import type { StockCountDoc } from '../../schemas';
import { UnknownReferenceError, ValidationError } from '../errors';
import { buildJournalEntry } from '../journal';
import type { LedgerView } from '../ledger-view';
import { QTY_EPSILON, roundMoney, roundQty } from '../numbers';
import { issueUnitCost } from '../valuation';
import { requireNonNegative, runPosting, type PostingOutcome } from './context';

export interface CountVarianceLine {
  lineNo: number;
  productId: string;
  batchId: string;
  countedAt: string;
  /** On-hand as of `countedAt`. */
  expected: number;
  counted: number;
  varianceQty: number;
  varianceValue: number;
}

/**
 * Count-while-trading (盘点): each line is compared with on-hand as of the moment it was
 * counted, so sales rung up during the count are neither lost nor counted twice.
 */
export function countVariance(document: StockCountDoc, view: LedgerView): CountVarianceLine[] {
  const seen = new Set<string>();
  return document.lines.map((line, index) => {
    const field = `lines[${index}]`;
    const counted = requireNonNegative(line.qty, `${field}.qty`);
    if (!line.batchId) throw new ValidationError(`${field}.batchId`, 'a counted line names its batch');
    if (!line.countedAt || Number.isNaN(Date.parse(line.countedAt)))
      throw new ValidationError(`${field}.countedAt`, 'the moment of counting is required');
    if (seen.has(line.batchId)) throw new ValidationError(`${field}.batchId`, `batch ${line.batchId} counted twice in one count`);
    seen.add(line.batchId);
    const batch = view.batch(line.batchId);
    if (!batch) throw new UnknownReferenceError('batches', line.batchId);
    const expected = roundQty(view.onHandAt(document.siteId, line.batchId, line.countedAt));
    const varianceQty = roundQty(counted - expected);
    const unitCost = issueUnitCost(view, document.siteId, line.productId, line.batchId);
    return {
      lineNo: index,
      productId: line.productId,
      batchId: line.batchId,
      countedAt: line.countedAt,
      expected,
      counted,
      varianceQty,
      varianceValue: roundMoney(varianceQty * unitCost),
    };
  });
}

/**
 * Posts `count-adjust` movements of counted − on-hand-as-of-counting, dated at the counting
 * moment; movements after it stay as they are, so on-hand ends at counted + later movements.
 * Counts record reality: a resulting negative is flagged, never refused.
 * Gains: Dr Inventory / Cr Gain/loss; losses the reverse.
 */
export function postStockCount(document: StockCountDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    const variance = countVariance(document, view);
    variance.forEach((line) => {
      const lineNo = context.pushLine(document.lines[line.lineNo] ?? { productId: line.productId, qty: line.counted });
      if (Math.abs(line.varianceQty) <= QTY_EPSILON) return;
      const unitCost = issueUnitCost(view, document.siteId, line.productId, line.batchId);
      context.addMovement({
        kind: 'count-adjust',
        productId: line.productId,
        batchId: line.batchId,
        qty: line.varianceQty,
        unitCost,
        lineNo,
        at: line.countedAt,
        neverBlock: true,
      });
    });
    context.addEvent({
      key: 'variance',
      kind: 'audit',
      severity: 'info',
      message: `Stock count ${document.number}: ${variance.filter((line) => line.varianceQty !== 0).length} of ${variance.length} lines differ`,
      data: {
        lines: variance.map((line) => ({ ...line })),
        varianceValue: roundMoney(variance.reduce((sum, line) => sum + line.varianceValue, 0)),
      },
    });
    return context.result('posted', [buildJournalEntry(document, context.movements)]);
  });
}
