/**
 * Quantities in a product's own units (issue 14): the ledger keeps every quantity in the base
 * unit; people enter and read "2.5 kg", "3 箱 4 瓶", "2 斤". One module turns one into the other
 * for every screen, print and export, so a quantity typed in any unit of a product and shown back
 * reads the same quantity (tests/unit/ops/quantity.test.ts holds that as a property).
 *
 * - Mass products (base g, kg, 斤 …) are read by weight: shown in kg from 1 kg up, in g below;
 *   entered in g, kg, 斤 or 两 whatever their base.
 * - Count products are shown in their packs, largest first, the rest in the base unit
 *   (3 箱 4 瓶); a fractional rest stays in the base unit (2.5 瓶).
 */
import { ValidationError } from '../domain/errors';
import { roundQty, QTY_DECIMALS } from '../domain/numbers';
import type { ProductDoc } from '../schemas';

export type ProductUnits = Pick<ProductDoc, 'baseUnit'> & { packs?: ProductDoc['packs'] };

/** Grams in one unit of the mass units built in; a unit not listed is a count unit. */
const GRAMS_PER_UNIT: Readonly<Record<string, number>> = {
  g: 1,
  克: 1,
  kg: 1000,
  千克: 1000,
  公斤: 1000,
  斤: 500,
  两: 50,
};

/** The mass units offered to pick from (aliases such as 公斤 are understood when typed). */
export const BUILT_IN_MASS_UNITS = ['g', 'kg', '斤'] as const;

export function gramsPerUnit(unit: string): number | undefined {
  const key = unit.trim();
  return GRAMS_PER_UNIT[key] ?? GRAMS_PER_UNIT[key.toLowerCase()];
}

export function isMassProduct(product: ProductUnits): boolean {
  return gramsPerUnit(product.baseUnit) !== undefined;
}

export interface UnitChoice {
  unit: string;
  /** Base units in one of this unit. */
  qtyInBase: number;
}

/** The units a quantity of this product may be entered in: base first, then mass units or packs. */
export function unitChoices(product: ProductUnits): UnitChoice[] {
  const choices: UnitChoice[] = [{ unit: product.baseUnit, qtyInBase: 1 }];
  const baseGrams = gramsPerUnit(product.baseUnit);
  if (baseGrams !== undefined)
    for (const unit of BUILT_IN_MASS_UNITS)
      if (gramsPerUnit(unit) !== baseGrams) choices.push({ unit, qtyInBase: (gramsPerUnit(unit) as number) / baseGrams });
  for (const pack of product.packs ?? [])
    if (!choices.some((choice) => choice.unit === pack.unit)) choices.push({ unit: pack.unit, qtyInBase: pack.qtyInBase });
  return choices;
}

/** `amount` of `unit` in the product's base unit, at the kept precision. */
export function toBaseQty(amount: number, unit: string, product: ProductUnits): number {
  const choice = findUnit(unit, product);
  if (!choice) throw new ValidationError('unit', `${unit} is no unit of this product (${describeUnits(product)})`);
  return roundQty(amount * choice.qtyInBase);
}

function describeUnits(product: ProductUnits): string {
  return unitChoices(product)
    .map((choice) => choice.unit)
    .join(', ');
}

/** Typed unit → the product's unit: its own names first, then mass aliases, then the given aliases (English words). */
export function findUnit(typed: string, product: ProductUnits, aliases: Readonly<Record<string, string>> = {}): UnitChoice | undefined {
  const choices = unitChoices(product);
  const text = typed.trim();
  const exact =
    choices.find((choice) => choice.unit === text) ?? choices.find((choice) => choice.unit.toLowerCase() === text.toLowerCase());
  if (exact) return exact;
  const grams = gramsPerUnit(text);
  const baseGrams = gramsPerUnit(product.baseUnit);
  if (grams !== undefined && baseGrams !== undefined) return { unit: text, qtyInBase: grams / baseGrams };
  const typedWord = text.toLowerCase();
  const aliased = Object.entries(aliases).filter(([, word]) => [word.toLowerCase(), singular(word).toLowerCase()].includes(typedWord));
  for (const [unit] of aliased) {
    const found = choices.find((choice) => choice.unit === unit);
    if (found) return found;
  }
  return undefined;
}

/** "1 case", "1 box", "1 bunch": an English plural read for one (pcs, kg and the like stay). */
export function singular(word: string): string {
  if (/(ch|sh|x)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word) && word !== 'pcs') return word.slice(0, -1);
  return word;
}

/** A number as people read it: no grouping, up to the digits the kept precision needs, no trailing zeros. */
function plainNumber(value: number, decimals: number): string {
  return value.toFixed(Math.min(20, Math.max(0, decimals))).replace(/\.?0+$/, '') || '0';
}

export interface QuantityFormatOptions {
  /** The unit as the reader's language says it for that amount (英文 "cases"/"case" for 箱); as stored by default. */
  label?: (unit: string, amount: number) => string;
}

/** A base-unit quantity in the product's units: "2.5 kg", "3 箱 4 瓶", "500 g", "−2 瓶". */
export function formatQuantity(qty: number, product: ProductUnits, options: QuantityFormatOptions = {}): string {
  const label = options.label ?? ((unit: string) => unit);
  const rounded = roundQty(qty);
  const sign = rounded < 0 ? '−' : '';
  const abs = Math.abs(rounded);
  const baseGrams = gramsPerUnit(product.baseUnit);
  if (baseGrams !== undefined) {
    const grams = abs * baseGrams;
    // Every digit the base quantity kept stays visible: 1234.5 g reads 1.2345 kg, not 1.235 kg.
    const baseDigits = QTY_DECIMALS + Math.max(0, Math.round(Math.log10(baseGrams)));
    if (grams >= 1000) return `${sign}${plainNumber(grams / 1000, baseDigits + 3)} ${label('kg', grams / 1000)}`;
    if (baseGrams === 1 || grams === 0) return `${sign}${plainNumber(abs, QTY_DECIMALS)} ${label(product.baseUnit, abs)}`;
    return `${sign}${plainNumber(grams, baseDigits)} ${label('g', grams)}`;
  }
  const parts: string[] = [];
  let rest = abs;
  const packs = [...(product.packs ?? [])].filter((pack) => pack.qtyInBase > 1).sort((a, b) => b.qtyInBase - a.qtyInBase);
  for (const pack of packs) {
    const count = Math.floor(roundQty(rest / pack.qtyInBase));
    if (count <= 0) continue;
    const left = roundQty(rest - count * pack.qtyInBase);
    if (left < 0) continue;
    parts.push(`${count} ${label(pack.unit, count)}`);
    rest = left;
  }
  if (rest > 0 || parts.length === 0) parts.push(`${plainNumber(rest, QTY_DECIMALS)} ${label(product.baseUnit, rest)}`);
  return `${sign}${parts.join(' ')}`;
}

/** What a quantity field refuses, naming the text and the units it would take. */
export class QuantityTextError extends ValidationError {
  constructor(
    readonly text: string,
    readonly units: string,
  ) {
    super('qty', `"${text}" is not a quantity in ${units}`);
    this.name = 'QuantityTextError';
  }
}

const TERM = /([-+\u2212]?\d+(?:[.,]\d+)?)\s*([^\d\s+\u2212-]*)/y;

export interface QuantityParseOptions {
  /** Other words for the product's units (English "cases" for 箱), unit → word. */
  aliases?: Readonly<Record<string, string>>;
}

/**
 * "2.5 kg", "3箱4瓶", "3 cases 4 bottles", "2 斤", "250" (base unit) → base units. Terms add up;
 * a bare number is in the base unit. Anything else is a QuantityTextError.
 */
export function parseQuantity(text: string, product: ProductUnits, options: QuantityParseOptions = {}): number {
  const source = text.normalize('NFKC').trim();
  const fail = () => new QuantityTextError(text, describeUnits(product));
  if (source === '') throw fail();
  let total = 0;
  let terms = 0;
  TERM.lastIndex = 0;
  let index = 0;
  while (index < source.length) {
    while (source[index] === ' ') index++;
    if (index >= source.length) break;
    TERM.lastIndex = index;
    const match = TERM.exec(source);
    if (!match || match[0] === '') throw fail();
    const amount = Number((match[1] as string).replace(',', '.').replace('−', '-'));
    const unitText = (match[2] as string).trim();
    const choice = unitText === '' ? { unit: product.baseUnit, qtyInBase: 1 } : findUnit(unitText, product, options.aliases);
    if (!choice || !Number.isFinite(amount)) throw fail();
    total += amount * choice.qtyInBase;
    terms++;
    index = TERM.lastIndex;
  }
  if (terms === 0) throw fail();
  return roundQty(total);
}
