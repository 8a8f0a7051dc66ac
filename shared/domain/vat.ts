// Output VAT on sales (销项税额, issue 17). Shop prices in China include VAT (含税价), as Odoo's
// "tax included in price" and ERPNext's "included in print rate": a sale's line amount is the
// price-and-tax total (价税合计), split per line into amount (金额) and tax (税额) the way a fapiao
// is — tax = amount × rate / (1 + rate), rounded to the fen per line (Odoo's round-per-line).
// The rate applied is the product's when the line was made, stamped on the line (documents v6
// `taxRate`), so a later change of rate never rewrites a posted sale; a line without one carries
// no tax (every sale before v6).
import { roundMoney } from './numbers';

export interface TaxedLine {
  qty: number;
  unitPrice?: number | undefined;
  taxRate?: number | undefined;
}

export interface LineAmounts {
  /** 价税合计: qty × the tax-inclusive price. */
  gross: number;
  /** 税额. */
  tax: number;
  /** 金额: gross less tax, what the books take as revenue. */
  net: number;
}

/** A line's amounts; without a rate it is all amount, unrounded as the ledger's other values are. */
export function lineAmounts(line: TaxedLine): LineAmounts {
  const gross = line.qty * (line.unitPrice ?? 0);
  const rate = line.taxRate ?? 0;
  if (!(rate > 0)) return { gross, tax: 0, net: gross };
  const tax = roundMoney((roundMoney(gross) * rate) / (1 + rate));
  return { gross, tax, net: gross - tax };
}

/** A document's totals, the sum of its lines' (each rounded first, as the fapiao adds them). */
export function documentAmounts(lines: readonly TaxedLine[]): LineAmounts {
  let gross = 0;
  let tax = 0;
  for (const line of lines) {
    const amounts = lineAmounts(line);
    gross += amounts.gross;
    tax += amounts.tax;
  }
  return { gross: roundMoney(gross), tax: roundMoney(tax), net: roundMoney(gross - tax) };
}

/** Lines with the product's VAT rate stamped where they have none (a sale, an order, their import). */
export function withTaxRates<L extends { productId: string; taxRate?: number | undefined }>(
  lines: readonly L[],
  rateOf: (productId: string) => number | undefined,
): L[] {
  return lines.map((line) => {
    if (line.taxRate !== undefined) return line;
    const rate = rateOf(line.productId);
    return rate !== undefined && rate > 0 ? { ...line, taxRate: rate } : line;
  });
}
