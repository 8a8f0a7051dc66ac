// 销售订单 (issue 17): a kitchen or store takes a customer's order at agreed prices, confirmed at
// once or held for approval (its amount, or the customer's credit limit); it then delivers the
// order in one or more sales on account taken FEFO, each at the order's prices and VAT rates, never
// more than is left; what is left may be cancelled. shared/domain/sales-orders.ts reads the state.
import {
  isDeliverable,
  orderCreditExcess,
  requireCustomerPrice,
  roundQty,
  salesOrderProgress,
  UnknownReferenceError,
  ValidationError,
  InvalidStateError,
  QTY_EPSILON,
} from '../domain';
import type { DocumentLine, SaleDoc, SalesOrderDoc } from '../schemas';
import { approvalRuleReads, postOrHold } from './approvals';
import { taxed } from './stock';
import { defineCommand, documentIn, type CommandContext } from './types';

export interface SalesOrderInput {
  partnerId: string;
  /** The day the customer wants the goods. */
  deliveryDate?: string;
  note?: string;
  /** A line without a price takes the customer's agreed price, else the site's price list, on the business date. */
  lines: readonly { productId: string; qty: number; unitPrice?: number }[];
}

/** Reads the customer's account and its other orders at this site, for the credit limit. */
const accountReads = () => ({ partners: true, documentTypes: ['sale', 'return', 'payment', 'reversal', 'sales-order'] as const });

export const salesOrderSubmit = defineCommand({
  reads: (_input: SalesOrderInput) => ({ ...approvalRuleReads(), ...accountReads() }),
  run(input, context) {
    const { stamp, ledger } = context;
    const customer = context.partners?.find((partner) => partner.id === input.partnerId);
    if (!customer || (customer.kind !== 'customer' && customer.kind !== 'both'))
      throw new ValidationError('partnerId', 'an order names one of the customers');
    const merged = new Map<string, { productId: string; qty: number; unitPrice?: number }>();
    input.lines.forEach((line, index) => {
      if (!(line.qty > 0)) return;
      if (!ledger.product(line.productId)) throw new UnknownReferenceError('products', line.productId);
      if (line.unitPrice !== undefined && !(line.unitPrice >= 0))
        throw new ValidationError(`lines[${index}].unitPrice`, 'a price is ¥0 or more');
      const same = merged.get(line.productId);
      if (same && same.unitPrice !== line.unitPrice)
        throw new ValidationError(`lines[${index}].productId`, 'a product is ordered on one line at one price');
      merged.set(line.productId, { ...line, qty: roundQty((same?.qty ?? 0) + line.qty) });
    });
    if (merged.size === 0) throw new ValidationError('lines', 'the order has no quantity');
    const lines = [...merged.values()].map((line) => ({
      productId: line.productId,
      qty: line.qty,
      // A line is never ordered at ¥0 by default: no typed price takes the customer's or the list's, else NoSalePriceError.
      unitPrice:
        line.unitPrice !== undefined && line.unitPrice > 0
          ? line.unitPrice
          : requireCustomerPrice(ledger.product(line.productId)!, customer, stamp.siteId, stamp.businessDate),
    }));
    const note = input.note?.trim();
    const order: SalesOrderDoc = {
      id: stamp.newId(),
      type: 'sales-order',
      siteId: stamp.siteId,
      number: stamp.nextNumber('SO'),
      status: 'draft',
      businessDate: stamp.businessDate,
      at: stamp.at,
      terminalId: stamp.terminalId,
      partnerId: customer.id,
      ...(input.deliveryDate ? { deliveryDate: input.deliveryDate } : {}),
      ...(note ? { note } : {}),
      lines: taxed(lines, ledger),
      updatedAt: stamp.at,
    };
    return postOrHold(order, context, { creditLimitExcess: orderCreditExcess(order, customer, context.documents) });
  },
});

function ownOrder(context: CommandContext, orderId: string): SalesOrderDoc {
  const order = documentIn(context, orderId, 'sales-order');
  if (!order || order.siteId !== context.stamp.siteId) throw new UnknownReferenceError('documents', orderId);
  return order;
}

export interface DeliveryLineInput {
  productId: string;
  qty: number;
  /** A chosen batch; absent means FEFO/FIFO. A later batch than proposed needs `fifoOverrideReason`. */
  batchId?: string;
  fifoOverrideReason?: string;
}

/**
 * 销售出库 against an order: a sale on account to the order's customer, at the order's prices and
 * VAT rates, naming the order. The order was checked against the credit limit when confirmed, so
 * its deliveries never wait.
 */
export const salesOrderDeliver = defineCommand({
  reads: (input: { orderId: string; lines: readonly DeliveryLineInput[] }) => ({
    documentIds: [input.orderId],
    documentTypes: ['sale', 'reversal'] as const,
  }),
  run(input, context) {
    const { stamp } = context;
    const order = ownOrder(context, input.orderId);
    const progress = salesOrderProgress(order, context.documents);
    if (!isDeliverable(progress)) throw new InvalidStateError('sales-order', order.number, progress.state, ['open', 'partly-delivered']);
    const taken = new Map<string, number>();
    const lines: DocumentLine[] = [];
    input.lines.forEach((line, index) => {
      if (!(line.qty > 0)) return;
      const ordered = progress.lines.find((candidate) => candidate.productId === line.productId);
      if (!ordered) throw new ValidationError(`lines[${index}].productId`, `order ${order.number} has no line of ${line.productId}`);
      const total = roundQty((taken.get(line.productId) ?? 0) + line.qty);
      if (total > ordered.remaining + QTY_EPSILON)
        throw new ValidationError(
          `lines[${index}].qty`,
          `${total} is more than the ${ordered.remaining} order ${order.number} has left to deliver`,
        );
      taken.set(line.productId, total);
      const reason = line.fifoOverrideReason?.trim();
      lines.push({
        productId: line.productId,
        qty: line.qty,
        unitPrice: ordered.unitPrice,
        ...(ordered.taxRate === undefined ? {} : { taxRate: ordered.taxRate }),
        ...(line.batchId ? { batchId: line.batchId } : {}),
        ...(reason ? { fifoOverrideReason: reason } : {}),
      });
    });
    if (lines.length === 0) throw new ValidationError('lines', 'nothing to deliver');
    const sale: SaleDoc = {
      id: stamp.newId(),
      type: 'sale',
      siteId: stamp.siteId,
      number: stamp.nextNumber('XS'),
      status: 'draft',
      businessDate: stamp.businessDate,
      at: stamp.at,
      terminalId: stamp.terminalId,
      partnerId: order.partnerId,
      paymentMethod: 'credit',
      salesOrderId: order.id,
      lines: lines as SaleDoc['lines'],
      updatedAt: stamp.at,
    };
    return { post: { document: sale }, result: { id: sale.id, number: sale.number } };
  },
});

/** Closes what an order has left to deliver (what was delivered stays delivered and billed). */
export const salesOrderCancel = defineCommand({
  reads: (input: { orderId: string; reason: string }) => ({ documentIds: [input.orderId], documentTypes: ['sale', 'reversal'] as const }),
  run(input, context) {
    const order = ownOrder(context, input.orderId);
    const reason = input.reason.trim();
    if (!reason) throw new ValidationError('reason', 'say why the order is cancelled');
    const progress = salesOrderProgress(order, context.documents);
    if (progress.state !== 'open' && progress.state !== 'partly-delivered' && progress.state !== 'awaiting-approval')
      throw new InvalidStateError('sales-order', order.number, progress.state, ['open', 'partly-delivered', 'awaiting approval']);
    const note = order.note ? `${order.note}\n${reason}` : reason;
    const cancelled: SalesOrderDoc = { ...order, status: 'cancelled', note, updatedAt: context.stamp.at };
    return { writes: { documents: [cancelled] }, result: { number: order.number } };
  },
});
