import { receiptProgress, receiptsForOrder, type ReceiptStatus } from '../../../shared/finance';
import type { DocumentDoc, PurchaseOrderDoc } from '../../../shared/schemas';

export { poState } from './model';

export function receiptProgressOf(order: PurchaseOrderDoc, receipts: readonly DocumentDoc[]): ReceiptStatus {
  return receiptProgress(order, receiptsForOrder(order, receipts)).status;
}
