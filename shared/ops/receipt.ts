/**
 * 小票: what a quick sale's receipt says — the store, the sale's number and time, one line per
 * product (a sale taken from two batches is one line to the customer), quantity in the product's
 * units, price, amount, the total and how it was paid. Pure: the screen prints it at 58 or 80 mm.
 */
import { documentAmounts, roundMoney } from '../domain';
import type { PaymentMethod, ProductDoc, SaleDoc } from '../schemas';
import { gramsPerUnit } from './quantity';

export interface ReceiptLine {
  name: string;
  qty: string;
  /** The price per `priceUnit`: per kg for weighed goods (never ¥0.08 a gram), else per base unit. */
  price: number;
  priceUnit: string;
  amount: number;
}

export interface Receipt {
  store: string;
  number: string;
  /** The sale's time on the site's clock, `YYYY-MM-DD HH:mm`. */
  time: string;
  lines: ReceiptLine[];
  itemCount: number;
  total: number;
  /** The VAT the total includes (其中税额; shared/domain/vat.ts); 0 where no line carries a rate. */
  tax: number;
  payment: PaymentMethod | undefined;
}

export interface ReceiptContext {
  store: string;
  product(id: string): ProductDoc | undefined;
  productName(product: ProductDoc | undefined, id: string): string;
  siteTime(instant: string): string;
  /** The quantity in the product's units, in the reader's words (3 箱 / 3 cases). */
  quantity(qty: number, product: ProductDoc | undefined): string;
  /** A unit in the reader's words (瓶 / bottle). */
  unitName(unit: string): string;
}

export function saleReceipt(sale: SaleDoc, context: ReceiptContext): Receipt {
  const merged = new Map<string, { productId: string; qty: number; unitPrice: number }>();
  for (const line of sale.lines) {
    const key = `${line.productId}\u0000${line.unitPrice}`;
    const same = merged.get(key);
    if (same) same.qty += line.qty;
    else merged.set(key, { productId: line.productId, qty: line.qty, unitPrice: line.unitPrice });
  }
  const lines = [...merged.values()].map((line) => {
    const product = context.product(line.productId);
    const baseGrams = product ? gramsPerUnit(product.baseUnit) : undefined;
    const perKg = baseGrams !== undefined ? 1000 / baseGrams : undefined;
    return {
      name: context.productName(product, line.productId),
      qty: context.quantity(line.qty, product),
      price: roundMoney(line.unitPrice * (perKg ?? 1)),
      priceUnit: context.unitName(perKg !== undefined ? 'kg' : (product?.baseUnit ?? '')),
      amount: roundMoney(line.qty * line.unitPrice),
    };
  });
  return {
    store: context.store,
    number: sale.number,
    time: context.siteTime(sale.at),
    lines,
    itemCount: lines.length,
    // The total of the rounded line amounts: what the customer adds up on paper.
    total: roundMoney(lines.reduce((sum, line) => sum + line.amount, 0)),
    tax: documentAmounts(sale.lines).tax,
    payment: sale.paymentMethod,
  };
}
