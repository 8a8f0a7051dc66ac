import type { PaymentDoc } from '../../schemas';
import { accountCodes } from '../accounts';
import { ValidationError } from '../errors';
import { buildJournalEntry } from '../journal';
import type { LedgerView } from '../ledger-view';
import { roundMoney } from '../numbers';
import { runPosting, type PostingOutcome } from './context';

/** The money account a payment method moves: cash, the bank (a transfer), or WeChat/Alipay (其他货币资金). */
export function moneyAccountOf(method: PaymentDoc['paymentMethod']): string {
  if (method === 'transfer') return accountCodes.bank;
  if (method === 'wechat' || method === 'alipay') return accountCodes.otherFunds;
  return accountCodes.cash;
}

/**
 * 收款 / 付款 (issue 17): money from a customer settles what it owes, money to a supplier what is
 * owed to it. No stock moves. From a customer: Dr Cash, Bank or Other funds / Cr Receivable; to a
 * supplier: Dr Payable / Cr the money account. The partner ledger reads the AR/AP line with the
 * document's partner, so the payment lowers that partner's balance.
 */
export function postPayment(document: PaymentDoc, view: LedgerView): PostingOutcome {
  return runPosting(document, view, (context) => {
    if (!document.partnerId) throw new ValidationError('partnerId', 'a payment names its customer or supplier');
    const amount = roundMoney(document.amount);
    if (!Number.isFinite(document.amount) || amount <= 0) throw new ValidationError('amount', 'must be more than ¥0.00');
    const money = moneyAccountOf(document.paymentMethod);
    const booking =
      document.paymentDirection === 'from-customer'
        ? { debit: money, credit: accountCodes.receivable, amount }
        : { debit: accountCodes.payable, credit: money, amount };
    return context.result('posted', [buildJournalEntry(document, [], { extraBookings: [booking] })], { ...document, amount });
  });
}
