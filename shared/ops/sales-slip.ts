/**
 * 销售单: the paper that goes with a delivery to a customer on account — seller, customer, the
 * order it delivers, and per line the lot, quantity, tax-inclusive price, VAT rate, amount (金额),
 * tax (税额) and total (价税合计), with the total in Chinese capitals (人民币大写) as PRC invoices
 * and receipts write it. The split is the books' (shared/domain/vat.ts), so the paper and the
 * journal say the same. Pure: the screen prints it on A4.
 */
import Nzh from 'nzh';
import { lineAmounts, roundMoney, type LineAmounts } from '../domain';
import type { ProductDoc, SaleDoc } from '../schemas';

export interface SalesSlipLine {
  name: string;
  lot: string;
  qty: string;
  unitPrice: number;
  /** The VAT rate as printed (13%), '' without one. */
  taxRate: string;
  amounts: LineAmounts;
}

export interface SalesSlip {
  seller: string;
  customer: string;
  number: string;
  date: string;
  orderNumber: string | null;
  lines: SalesSlipLine[];
  totals: LineAmounts;
  /** The total in Chinese capitals: 人民币叁佰叁拾玖元整. */
  totalInCapitals: string;
}

export interface SalesSlipContext {
  seller: string;
  customer: string;
  orderNumber: string | null;
  product(id: string): ProductDoc | undefined;
  productName(product: ProductDoc | undefined, id: string): string;
  lotOf(batchId: string | undefined): string;
  quantity(qty: number, product: ProductDoc | undefined): string;
}

/** 人民币 in capitals, to the fen (Nzh follows the PBOC's 支付结算办法 wording). */
export function amountInCapitals(amount: number): string {
  return Nzh.cn.toMoney(roundMoney(amount).toFixed(2), { outSymbol: true, forceZheng: true });
}

export function salesSlip(sale: SaleDoc, context: SalesSlipContext): SalesSlip {
  let gross = 0;
  let tax = 0;
  const lines = sale.lines.map((line) => {
    const product = context.product(line.productId);
    const split = lineAmounts(line);
    const amounts = { gross: roundMoney(split.gross), tax: split.tax, net: roundMoney(split.gross - split.tax) };
    gross += amounts.gross;
    tax += amounts.tax;
    return {
      name: context.productName(product, line.productId),
      lot: context.lotOf(line.batchId),
      qty: context.quantity(line.qty, product),
      unitPrice: line.unitPrice,
      taxRate: line.taxRate ? `${roundMoney(line.taxRate * 100)}%` : '',
      amounts,
    };
  });
  const totals = { gross: roundMoney(gross), tax: roundMoney(tax), net: roundMoney(gross - tax) };
  return {
    seller: context.seller,
    customer: context.customer,
    number: sale.number,
    date: sale.businessDate,
    orderNumber: context.orderNumber,
    lines,
    totals,
    totalInCapitals: amountInCapitals(totals.gross),
  };
}
