import { formatMoney } from '../../ui/format';

/** Cost per base unit: grams and millilitres cost fractions of a fen, so small costs keep 4 decimals. */
export function formatUnitCost(value: number): string {
  return Math.abs(value) > 0 && Math.abs(value) < 1 ? `¥${value.toFixed(4)}` : formatMoney(value);
}
