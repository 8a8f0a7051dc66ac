import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatQuantity,
  parseQuantity,
  QuantityTextError,
  singular,
  toBaseQty,
  unitChoices,
  type ProductUnits,
} from '../../../shared/ops/quantity';

const beef: ProductUnits = { baseUnit: 'g', packs: [{ unit: '包', qtyInBase: 250 }] };
const cola: ProductUnits = { baseUnit: '瓶', packs: [{ unit: '箱', qtyInBase: 24 }] };
const rice: ProductUnits = { baseUnit: 'kg', packs: [{ unit: '袋', qtyInBase: 25 }] };
const eggs: ProductUnits = {
  baseUnit: '个',
  packs: [
    { unit: '盘', qtyInBase: 30 },
    { unit: '箱', qtyInBase: 360 },
  ],
};
const english: Record<string, string> = { 瓶: 'bottles', 箱: 'cases', 个: 'pcs', 盘: 'trays', 包: 'packs', 袋: 'bags' };

describe('quantities in the product’s units', () => {
  it('shows weights in kg from 1 kg up, grams below, and never "1 g" for a kilo', () => {
    expect(formatQuantity(2500, beef)).toBe('2.5 kg');
    expect(formatQuantity(1, beef)).toBe('1 g');
    expect(formatQuantity(0.25, rice)).toBe('250 g');
    expect(formatQuantity(50, rice)).toBe('50 kg');
    expect(formatQuantity(-1500, beef)).toBe('−1.5 kg');
  });

  it('shows counted goods in packs, largest first, the rest in the base unit', () => {
    expect(formatQuantity(76, cola)).toBe('3 箱 4 瓶');
    expect(formatQuantity(24, cola)).toBe('1 箱');
    expect(formatQuantity(5, cola)).toBe('5 瓶');
    expect(formatQuantity(0, cola)).toBe('0 瓶');
    expect(formatQuantity(391, eggs)).toBe('1 箱 1 盘 1 个');
    expect(formatQuantity(76, cola, { label: (unit) => english[unit] ?? unit })).toBe('3 cases 4 bottles');
    const readable = (unit: string, amount: number) => (amount === 1 ? singular(english[unit] ?? unit) : (english[unit] ?? unit));
    expect(formatQuantity(25, cola, { label: readable })).toBe('1 case 1 bottle');
    expect(parseQuantity('1 case 1 bottle', cola, { aliases: english })).toBe(25);
  });

  it('reads what people type: packs, mass units, English words, a bare number in the base unit', () => {
    expect(parseQuantity('3 箱 4 瓶', cola)).toBe(76);
    expect(parseQuantity('3箱4瓶', cola)).toBe(76);
    expect(parseQuantity('3 cases 4 bottles', cola, { aliases: english })).toBe(76);
    expect(parseQuantity('2.5 kg', beef)).toBe(2500);
    expect(parseQuantity('2 斤', beef)).toBe(1000);
    expect(parseQuantity('2,5公斤', beef)).toBe(2500);
    expect(parseQuantity('250', beef)).toBe(250);
    expect(parseQuantity('500 g', rice)).toBe(0.5);
    expect(parseQuantity('2 包', beef)).toBe(500);
  });

  it('refuses text that is no quantity of this product, naming the units it takes', () => {
    expect(() => parseQuantity('3 袋', cola)).toThrow(QuantityTextError);
    expect(() => parseQuantity('3 袋', cola)).toThrow(/瓶, 箱/);
    expect(() => parseQuantity('abc', cola)).toThrow(QuantityTextError);
    expect(() => parseQuantity('', cola)).toThrow(QuantityTextError);
    expect(() => parseQuantity('3 kg', cola)).toThrow(QuantityTextError);
  });

  it('offers g, kg and 斤 for weighed products and the packs for the others', () => {
    expect(unitChoices(beef).map((c) => c.unit)).toEqual(['g', 'kg', '斤', '包']);
    expect(unitChoices(cola).map((c) => c.unit)).toEqual(['瓶', '箱']);
  });

  it('property: any quantity entered in any unit of a product and shown back reads the same', () => {
    const product = fc.constantFrom(beef, cola, rice, eggs, { baseUnit: '斤', packs: [] } as ProductUnits);
    fc.assert(
      fc.property(
        product,
        fc.nat({ max: 5 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(1, 10, 100, 1000),
        fc.constantFrom('zh', 'en'),
        (p, unitIndex, whole, divisor, language) => {
          const units = unitChoices(p);
          const unit = units[unitIndex % units.length]!;
          const amount = whole / divisor;
          const entered = parseQuantity(`${amount} ${unit.unit}`, p);
          expect(entered).toBe(toBaseQty(amount, unit.unit, p));
          const options =
            language === 'en' ? { label: (u: string, n: number) => (n === 1 ? singular(english[u] ?? u) : (english[u] ?? u)) } : {};
          const shown = formatQuantity(entered, p, options);
          expect(parseQuantity(shown, p, { aliases: english })).toBe(entered);
          expect(formatQuantity(parseQuantity(shown, p, { aliases: english }), p, options)).toBe(shown);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
