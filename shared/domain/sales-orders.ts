// 销售订单 (issue 17): a customer orders of a kitchen or store at agreed prices; the site delivers
// it in one or more sales on account that name it (`salesOrderId`), each taken FEFO and booked to
// the customer's receivable with its output VAT. The order itself moves no stock and books
// nothing; what is delivered and what is left are read from the sales that deliver it, less any
// that were reversed (红冲). An order that would take the customer past its credit limit waits for
// approval before anything is delivered.
import type { DocumentDoc, PartnerDoc, SalesOrderDoc } from '../schemas';
import { customerBalance } from './credit';
import { QTY_EPSILON, roundMoney, roundQty } from './numbers';
import { documentAmounts } from './vat';

export type SalesOrderState = 'awaiting-approval' | 'rejected' | 'cancelled' | 'open' | 'partly-delivered' | 'delivered';

export interface SalesOrderLineProgress {
  productId: string;
  ordered: number;
  delivered: number;
  /** What is still to deliver (0 once cancelled). */
  remaining: number;
  unitPrice: number;
  taxRate?: number;
}

export interface SalesOrderProgress {
  state: SalesOrderState;
  lines: SalesOrderLineProgress[];
  /** 价税合计 of the order, and of what is still to deliver. */
  orderedValue: number;
  remainingValue: number;
  /** The sales that delivered it, oldest first. */
  deliveries: DocumentDoc[];
}

/** The posted sales delivering `orderId` that no reversal has cancelled. */
export function deliveriesOf(orderId: string, documents: readonly DocumentDoc[]): DocumentDoc[] {
  const reversed = new Set(
    documents.flatMap((doc) => (doc.type === 'reversal' && doc.status === 'posted' && doc.reversesDocId ? [doc.reversesDocId] : [])),
  );
  return documents
    .filter((doc) => doc.type === 'sale' && doc.salesOrderId === orderId && doc.status === 'posted' && !reversed.has(doc.id))
    .sort((a, b) => a.at.localeCompare(b.at));
}

export function salesOrderProgress(order: SalesOrderDoc, documents: readonly DocumentDoc[]): SalesOrderProgress {
  const deliveries = deliveriesOf(order.id, documents);
  const deliveredOf = new Map<string, number>();
  for (const sale of deliveries)
    for (const line of sale.lines) deliveredOf.set(line.productId, (deliveredOf.get(line.productId) ?? 0) + line.qty);
  const closed = order.status === 'cancelled' || order.status === 'rejected';
  const lines = order.lines.map((line) => {
    const delivered = roundQty(deliveredOf.get(line.productId) ?? 0);
    return {
      productId: line.productId,
      ordered: line.qty,
      delivered,
      remaining: closed ? 0 : Math.max(0, roundQty(line.qty - delivered)),
      unitPrice: line.unitPrice,
      ...(line.taxRate === undefined ? {} : { taxRate: line.taxRate }),
    };
  });
  const anyDelivered = lines.some((line) => line.delivered > QTY_EPSILON);
  const allDelivered = lines.every((line) => line.remaining <= QTY_EPSILON);
  const state: SalesOrderState =
    order.status === 'submitted'
      ? 'awaiting-approval'
      : order.status === 'rejected'
        ? 'rejected'
        : order.status === 'cancelled'
          ? 'cancelled'
          : allDelivered
            ? 'delivered'
            : anyDelivered
              ? 'partly-delivered'
              : 'open';
  return {
    state,
    lines,
    orderedValue: documentAmounts(order.lines).gross,
    remainingValue: roundMoney(documentAmounts(lines.map((line) => ({ ...line, qty: line.remaining }))).gross),
    deliveries,
  };
}

/** Orders a site may still deliver: approved, not cancelled, something left. */
export function isDeliverable(progress: SalesOrderProgress): boolean {
  return progress.state === 'open' || progress.state === 'partly-delivered';
}

/**
 * How far past its credit limit the customer would be with `order` confirmed: what it owes at the
 * site, plus what its other confirmed orders there still have to deliver, plus this order (as
 * ERPNext counts unbilled sales orders against a credit limit). 0 within it, or without a limit.
 */
export function orderCreditExcess(order: SalesOrderDoc, customer: PartnerDoc | undefined, documents: readonly DocumentDoc[]): number {
  if (customer?.creditLimit === undefined) return 0;
  let exposure = customerBalance(documents, order.partnerId, order.siteId) + documentAmounts(order.lines).gross;
  for (const other of documents) {
    if (other.type !== 'sales-order' || other.id === order.id || other.partnerId !== order.partnerId || other.siteId !== order.siteId)
      continue;
    const progress = salesOrderProgress(other, documents);
    if (isDeliverable(progress)) exposure += progress.remainingValue;
  }
  return Math.max(0, roundMoney(exposure - customer.creditLimit));
}
