import type { DocumentDoc } from '../../schemas';
import { NotPostableError } from '../errors';
import type { LedgerView } from '../ledger-view';
import type { PostingOutcome } from './context';
import { postDispatchShip } from './dispatch';
import { postGoodsReceipt } from './goods-receipt';
import { postOpeningStock } from './opening-stock';
import { postPayment } from './payment';
import { postProductionRun } from './production-run';
import { postReturn } from './return';
import { postReversal } from './reversal';
import { postSale } from './sale';
import { postStockCount } from './stock-count';
import { postStoreReceipt } from './store-receipt';
import { postWaste } from './waste';

export type { PostingOutcome, PostingResult } from './context';
export { postDispatchShip } from './dispatch';
export { postGoodsReceipt } from './goods-receipt';
export { postOpeningStock } from './opening-stock';
export { ingredientLines, postProductionRun } from './production-run';
export { postReturn } from './return';
export { postReversal } from './reversal';
export { postSale } from './sale';
export { countVariance, postStockCount, type CountVarianceLine } from './stock-count';
export { postStoreReceipt } from './store-receipt';
export { postWaste } from './waste';
export { moneyAccountOf, postPayment } from './payment';
export { historyReadsOf, withLoadedHistory, type HistoryReads } from './history-reads';

/** Posts any document by its kind; kinds that move no stock (orders, requests, approvals) are refused. */
export function postDocument(document: DocumentDoc, view: LedgerView): PostingOutcome {
  switch (document.type) {
    case 'goods-receipt':
      return postGoodsReceipt(document, view);
    case 'opening-stock':
      return postOpeningStock(document, view);
    case 'production-run':
      return postProductionRun(document, view);
    case 'dispatch':
    case 'transfer':
      return postDispatchShip(document, view);
    case 'store-receipt':
      return postStoreReceipt(document, view);
    case 'stock-count':
      return postStockCount(document, view);
    case 'sale':
    case 'consumption':
      return postSale(document, view);
    case 'waste':
      return postWaste(document, view);
    case 'return':
      return postReturn(document, view);
    case 'reversal':
      return postReversal(document, view);
    case 'payment':
      return postPayment(document, view);
    case 'purchase-order':
    case 'sales-order':
    case 'store-request':
    case 'discrepancy':
    case 'approval':
      return { ok: false, error: new NotPostableError(document.type, 'it moves no stock') };
  }
}
