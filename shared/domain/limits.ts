import { OutOfRangeError } from './errors';

/**
 * Upper limits on what one purchase order or goods receipt may say. Far above any real line
 * (a chain's central kitchen orders tonnes, not kilotonnes), low enough that a slip of the
 * keyboard (99,999,999,999 × ¥1,000,000 was approved at once) is refused with the line and field
 * named, and that money stays exact: amounts are doubles rounded to cents, exact below
 * 2^53 / 100 ≈ ¥9 × 10^13, and the largest total allowed here is 10^4 times smaller.
 * - lineQty: 10,000,000 base units per line (10 t in grams, ten million pieces);
 * - unitCost: ¥1,000,000 per base unit;
 * - lineAmount: ¥100,000,000 per line (qty × unit cost);
 * - total: ¥1,000,000,000 per document.
 * Large orders well below these limits are held for approval (finance/purchasing.ts).
 */
export const PURCHASE_LIMITS = {
  lineQty: 10_000_000,
  unitCost: 1_000_000,
  lineAmount: 100_000_000,
  total: 1_000_000_000,
} as const;

/** Throws OutOfRangeError for the first line field, or the total, above its limit. */
export function checkPurchaseLimits(lines: readonly { qty: number; unitCost: number }[]): void {
  let total = 0;
  lines.forEach((line, index) => {
    const field = `lines[${index}]`;
    if (line.qty > PURCHASE_LIMITS.lineQty) throw new OutOfRangeError(`${field}.qty`, index, line.qty, PURCHASE_LIMITS.lineQty);
    if (line.unitCost > PURCHASE_LIMITS.unitCost)
      throw new OutOfRangeError(`${field}.unitCost`, index, line.unitCost, PURCHASE_LIMITS.unitCost);
    const amount = line.qty * line.unitCost;
    if (amount > PURCHASE_LIMITS.lineAmount) throw new OutOfRangeError(`${field}.amount`, index, amount, PURCHASE_LIMITS.lineAmount);
    total += amount;
  });
  if (total > PURCHASE_LIMITS.total) throw new OutOfRangeError('total', null, total, PURCHASE_LIMITS.total);
}
