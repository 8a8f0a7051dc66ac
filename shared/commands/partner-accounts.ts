// A customer's account (issue 17): what it owes grows by sales on account, shrinks by its returns
// (a credit note) and by its payments (收款); a supplier's shrinks by payments to it (付款). Posted
// at once; the partner ledger and the statement (对账单) read them from the journal.
import { roundQty, UnknownReferenceError, ValidationError } from '../domain';
import { settlementMethods, type PaymentDoc, type ReturnDoc, type SettlementMethod } from '../schemas';
import { defineCommand, documentIn } from './types';

export interface PaymentInput {
  partnerId: string;
  direction: PaymentDoc['paymentDirection'];
  /** Yuan, more than zero. */
  amount: number;
  method: SettlementMethod;
  note?: string;
}

export const paymentRecord = defineCommand({
  reads: (_input: PaymentInput) => ({ partners: true }),
  run(input, { stamp, partners = [] }) {
    const partner = partners.find((candidate) => candidate.id === input.partnerId);
    if (!partner) throw new ValidationError('partnerId', 'choose a customer or supplier');
    const wanted = input.direction === 'from-customer' ? 'customer' : 'supplier';
    if (partner.kind !== wanted && partner.kind !== 'both') throw new ValidationError('partnerId', `${partner.name} is not a ${wanted}`);
    if (!(settlementMethods as readonly string[]).includes(input.method))
      throw new ValidationError('method', `unknown method ${input.method}`);
    if (!Number.isFinite(input.amount) || input.amount <= 0) throw new ValidationError('amount', 'must be more than ¥0.00');
    const note = input.note?.trim();
    const document: PaymentDoc = {
      id: stamp.newId(),
      type: 'payment',
      siteId: stamp.siteId,
      number: stamp.nextNumber(input.direction === 'from-customer' ? 'SK' : 'FK'),
      status: 'draft',
      businessDate: stamp.businessDate,
      at: stamp.at,
      terminalId: stamp.terminalId,
      partnerId: partner.id,
      paymentDirection: input.direction,
      paymentMethod: input.method,
      amount: input.amount,
      ...(note ? { note } : {}),
      lines: [],
      updatedAt: stamp.at,
    };
    return { post: { document }, result: { id: document.id, number: document.number } };
  },
});

/**
 * 客户退货: a customer returns goods of one of its sales on account. The lines name batches the
 * sale took, at most what it took of each; they come back at the sale's prices as a credit note
 * against the customer's account (postings/return.ts).
 */
export const customerReturnPost = defineCommand({
  reads: (input: { saleId: string; reason: string; lines: readonly { productId: string; batchId: string; qty: number }[] }) => ({
    documentIds: [input.saleId],
  }),
  run(input, context) {
    const { stamp } = context;
    const sale = documentIn(context, input.saleId, 'sale');
    if (!sale || sale.siteId !== stamp.siteId) throw new UnknownReferenceError('documents', input.saleId);
    if (!sale.partnerId) throw new ValidationError('saleId', `sale ${sale.number} names no customer`);
    const reason = input.reason.trim();
    if (!reason) throw new ValidationError('reason', 'say why the goods came back');
    const lines = input.lines.filter((line) => line.qty > 0);
    if (lines.length === 0) throw new ValidationError('lines', 'nothing to return');
    const returned: ReturnDoc['lines'] = lines.map((line, index) => {
      const sold = sale.lines.filter((candidate) => candidate.batchId === line.batchId && candidate.productId === line.productId);
      const soldQty = roundQty(sold.reduce((sum, candidate) => sum + candidate.qty, 0));
      if (sold.length === 0)
        throw new ValidationError(`lines[${index}].batchId`, `sale ${sale.number} took nothing of batch ${line.batchId}`);
      if (line.qty > soldQty) throw new ValidationError(`lines[${index}].qty`, `${line.qty} is more than the ${soldQty} sold`);
      const taxRate = sold[0]?.taxRate;
      return {
        productId: line.productId,
        batchId: line.batchId,
        qty: line.qty,
        unitPrice: sold[0]?.unitPrice ?? 0,
        ...(taxRate === undefined ? {} : { taxRate }),
      };
    });
    const document: ReturnDoc = {
      id: stamp.newId(),
      type: 'return',
      siteId: stamp.siteId,
      number: stamp.nextNumber('TH'),
      status: 'draft',
      businessDate: stamp.businessDate,
      at: stamp.at,
      terminalId: stamp.terminalId,
      returnDirection: 'from-customer',
      partnerId: sale.partnerId,
      subjectDocId: sale.id,
      subjectDocType: 'sale',
      ...(sale.paymentMethod ? { paymentMethod: sale.paymentMethod } : {}),
      note: reason,
      lines: returned,
      updatedAt: stamp.at,
    };
    return { post: { document }, result: { id: document.id, number: document.number } };
  },
});
