// Quantities as the screens show them (issue 14): in each product's units, "2.5 kg", "3 箱 4 瓶",
// "1 瓶 400 ml", "3 cases 4 bottles", signed "+2 kg" or "−500 g". Specs read them back into base
// units with the app's own parser, so they compare the quantity, not one way of writing it.
import { buildDemoCatalog } from '../../shared/demo/catalog';
import { formatQuantity, parseQuantity, type ProductUnits } from '../../shared/ops/quantity';
import type { ProductDoc } from '../../shared/schemas';
import { ENGLISH_UNIT_WORDS, unitLabel } from '../../renderer/ui/units';

/** A product counted in grams (most of the demo's raw goods and semi-finished products). */
export const GRAMS: ProductUnits = { baseUnit: 'g', packs: [{ unit: 'kg', qtyInBase: 1000 }] };

/** A quantity's text as a screen shows it → the product's base units; the sign applies to every term. */
export function baseQtyOf(text: string, product: ProductUnits = GRAMS): number {
  const trimmed = text.normalize('NFKC').trim();
  const negative = /^[-\u2212]/.test(trimmed);
  const unsigned = trimmed.replace(/^[-+\u2212]\s*/, '');
  const qty = parseQuantity(unsigned, product, { aliases: ENGLISH_UNIT_WORDS });
  return negative ? -qty : qty;
}

/** The text a screen in `locale` shows for a base-unit quantity of a product ("2 kg", "3 cases 4 bottles"). */
export function qtyShown(qty: number, product: ProductUnits, locale: string): string {
  const language = locale.startsWith('en') ? 'en' : 'zh-CN';
  return formatQuantity(qty, product, { label: (unit, amount) => unitLabel(unit, language, amount) });
}

let demoProducts: readonly ProductDoc[] | undefined;

/** A product of the demo catalog by id or Chinese name (its units are what the screens use). */
export function demoProduct(idOrName: string): ProductDoc {
  demoProducts ??= buildDemoCatalog({ updatedAt: '2026-01-01T00:00:00.000Z' }).products;
  const product = demoProducts.find((candidate) => candidate.id === idOrName || candidate.name === idOrName);
  if (!product) throw new Error(`no demo product ${idOrName}`);
  return product;
}
