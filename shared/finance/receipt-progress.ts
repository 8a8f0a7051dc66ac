// A purchase order's receipt progress: ordered vs received per product, from the goods receipts
// naming it in `purchaseOrderId` (documents v1).
import { QTY_EPSILON, roundQty } from '../domain';
import type { DocumentDoc, GoodsReceiptDoc, PurchaseOrderDoc } from '../schemas';

export type ReceiptStatus = 'open' | 'partially-received' | 'closed';

export interface ReceiptProgressLine {
  productId: string;
  ordered: number;
  received: number;
  outstanding: number;
}

export interface ReceiptProgress {
  status: ReceiptStatus;
  lines: ReceiptProgressLine[];
}

/** The goods receipts made against the order (documents v1 `purchaseOrderId`). */
export function receiptsForOrder(order: Pick<PurchaseOrderDoc, 'id'>, documents: readonly DocumentDoc[]): GoodsReceiptDoc[] {
  return documents.filter(
    (document): document is GoodsReceiptDoc => document.type === 'goods-receipt' && document.purchaseOrderId === order.id,
  );
}

/**
 * Ordered vs received per product (posted receipts only; a receipt split over several batches
 * adds up). Partial receipts keep the PO open; it closes when every line is fully received.
 */
export function receiptProgress(order: PurchaseOrderDoc, receipts: readonly GoodsReceiptDoc[]): ReceiptProgress {
  const ordered = new Map<string, number>();
  for (const line of order.lines) ordered.set(line.productId, (ordered.get(line.productId) ?? 0) + line.qty);
  const received = new Map<string, number>();
  for (const receipt of receipts) {
    if (receipt.status !== 'posted') continue;
    for (const line of receipt.lines) received.set(line.productId, (received.get(line.productId) ?? 0) + line.qty);
  }
  const lines = [...ordered].map(([productId, qty]) => {
    const got = roundQty(received.get(productId) ?? 0);
    return { productId, ordered: roundQty(qty), received: got, outstanding: roundQty(Math.max(0, qty - got)) };
  });
  const anyReceived = lines.some((line) => line.received > QTY_EPSILON);
  const allReceived = lines.every((line) => line.outstanding <= QTY_EPSILON);
  return { status: allReceived ? 'closed' : anyReceived ? 'partially-received' : 'open', lines };
}
