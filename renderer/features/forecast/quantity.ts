import type { ProductDoc } from '../../../shared/schemas';
import { formatQty } from '../../ui/format';

const LARGER: Readonly<Record<string, string>> = { g: 'kg', ml: 'L' };

/** Rounded for reading: 6,494.8 g reads as 6.5 kg; counted units keep one decimal at most. */
export function readableQty(value: number, product: Pick<ProductDoc, 'baseUnit'> | undefined): string {
  const larger = product ? LARGER[product.baseUnit] : undefined;
  if (larger && Math.abs(value) >= 1000) return formatQty(Math.round(value / 100) / 10, { baseUnit: larger });
  return formatQty(Math.round(value * 10) / 10, product);
}
