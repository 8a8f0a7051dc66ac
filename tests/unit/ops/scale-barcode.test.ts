import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  defaultScaleLayouts,
  encodeScaleBarcode,
  gs1CheckDigit,
  parseScaleBarcode,
  parseScan,
  resolveScan,
  scaleLayoutPresets,
  scaleLayoutProblem,
} from '../../../shared/ops/scan';
import { product } from './fixtures';

const withCheck = (body: string) => body + String(gs1CheckDigit(body));

describe('Chinese in-store scale labels (条码秤)', () => {
  it('the default 13-digit amount label: 2x + 5-digit PLU + amount in fen + check', () => {
    // 苹果 PLU 10001, ¥5.00, flag 21 (计重): 21 10001 00500 + check 8.
    expect(parseScan('2110001005008')).toEqual({ kind: 'scale', code: '2110001005008', layout: '2FPPPPPMMMMMC', plu: '10001', amount: 5 });
  });

  it('the 18-digit label carries amount and weight (大华 18位码 26 PLU amount weight check)', () => {
    const code = withCheck('26000120187501250');
    expect(parseScan(code)).toMatchObject({ kind: 'scale', plu: '00012', amount: 18.75, weightKg: 1.25 });
  });

  it("reads by the site's layouts: weight labels, 6-digit PLUs, several layouts tried in order", () => {
    const weight = withCheck('220123401250');
    expect(parseScan(weight, { scaleLayouts: ['2FPPPPPWWWWWC'] })).toMatchObject({ kind: 'scale', plu: '01234', weightKg: 1.25 });
    const six = withCheck('201234500750');
    expect(parseScan(six, { scaleLayouts: ['2PPPPPPWWWWWC'] })).toMatchObject({ plu: '012345', weightKg: 0.75 });
    // Flag 21 weighed, flag 20 counted-by-price: two layouts told apart by their flag digits.
    const layouts = ['21PPPPPWWWWWC', '20PPPPPMMMMMC'];
    expect(parseScan(withCheck('210000101250'), { scaleLayouts: layouts })).toMatchObject({ weightKg: 1.25 });
    expect(parseScan(withCheck('200000101250'), { scaleLayouts: layouts })).toMatchObject({ amount: 12.5 });
    // A 2-prefixed code no layout fits is an ordinary in-store EAN-13.
    expect(parseScan(withCheck('290000101250'), { scaleLayouts: layouts })).toMatchObject({ kind: 'retail', symbology: 'ean13' });
    // Sent with an AIM identifier: EAN-13 under ]E0, the 18-digit label as Code 128 under ]C0.
    expect(parseScan(`]E0${withCheck('210000101250')}`, { scaleLayouts: layouts })).toMatchObject({ kind: 'scale' });
    expect(parseScan(`]C0${withCheck('26000120187501250')}`)).toMatchObject({ kind: 'scale', weightKg: 1.25 });
  });

  it('a wrong check digit is refused with a typed error naming the code', () => {
    const result = parseScan('2110001005009');
    expect(result).toMatchObject({
      kind: 'unknown',
      raw: '2110001005009',
      reason: 'scale barcode 2110001005009 has a wrong check digit (expected 8)',
      error: { name: 'BadScanError', problem: 'check-digit', scanned: '2110001005009' },
    });
  });

  it('layout patterns are checked', () => {
    expect(scaleLayoutPresets.map((preset) => scaleLayoutProblem(preset.pattern))).toEqual(scaleLayoutPresets.map(() => null));
    expect(defaultScaleLayouts.every((layout) => scaleLayoutProblem(layout) === null)).toBe(true);
    expect(scaleLayoutProblem('2FWWWWWPPPPPC')).toMatch(/flag digits, the PLU/);
    expect(scaleLayoutProblem('2FPPPPPC')).toMatch(/flag digits, the PLU/);
    expect(scaleLayoutProblem('2FPPPPPXXXXXC')).toMatch(/only digits/);
    expect(scaleLayoutProblem('2FPPPPPWWWWWCC')).not.toBeNull();
  });

  it('encode → parse round-trips for every built-in layout', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scaleLayoutPresets.map((preset) => preset.pattern)),
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 9 }),
        (layout, plu, grams, fen, flag) => {
          const code = encodeScaleBarcode(layout, { plu: String(plu), weightGrams: grams, amountFen: fen, flag: String(flag) });
          const parsed = parseScaleBarcode(code, [layout]);
          expect(parsed?.plu).toBe(String(plu).padStart(layout.split('P').length - 1, '0'));
          if (layout.includes('W')) expect(parsed?.weightKg).toBe(grams / 1000);
          if (layout.includes('M')) expect(parsed?.amount).toBe(fen / 100);
          expect(code.startsWith('2')).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('scale labels resolve to the product by scale PLU, with its weight', () => {
  const pork = product('pork', { sku: 'PORK', baseUnit: 'g', barcodes: ['6901234567892'], scale: { plu: '12', pricePerKg: 30 } });
  const apples = product('apples', { sku: 'APPLE', baseUnit: 'kg', scale: { plu: '010001' } });
  const products = [pork, apples];

  it('weight on the label → quantity in the base unit; PLUs match without leading zeros', () => {
    const code = withCheck('26000120187501250');
    expect(resolveScan(parseScan(code), products, [])).toMatchObject({ status: 'resolved', product: { id: 'pork' }, quantity: 1250 });
    const weighed = parseScan(withCheck('2010001007500'.slice(0, 12)), { scaleLayouts: ['2PPPPPPWWWWWC'] });
    expect(resolveScan(weighed, products, [])).toMatchObject({ product: { id: 'apples' }, quantity: 0.75 });
  });

  it('amount only → amount ÷ price per kg; without a price the weight is asked for, never 1 g', () => {
    // ¥18.75 of pork at ¥30/kg is 625 g.
    expect(resolveScan(parseScan(withCheck('210001201875')), products, [])).toMatchObject({ product: { id: 'pork' }, quantity: 625 });
    expect(resolveScan(parseScan(withCheck('211000100500')), products, [])).toMatchObject({
      product: { id: 'apples' },
      quantity: 0,
      needsWeight: true,
    });
  });

  it('an unknown PLU says which PLU; a 2-prefixed barcode on a product still finds it', () => {
    expect(resolveScan(parseScan(withCheck('219999901875')), products, [])).toMatchObject({
      status: 'unknown-product',
      message: expect.stringContaining('PLU 99999'),
    });
    const own = product('own', { sku: 'OWN', barcodes: [withCheck('219999901875')] });
    expect(resolveScan(parseScan(withCheck('219999901875')), [own], [])).toMatchObject({ status: 'resolved', product: { id: 'own' } });
  });

  it("a weighed product's plain barcode or SKU adds no 1 g: it asks for the weight", () => {
    expect(resolveScan(parseScan('6901234567892'), products, [])).toMatchObject({ status: 'resolved', quantity: 0, needsWeight: true });
    expect(resolveScan(parseScan('PORK'), products, [])).toMatchObject({ quantity: 0, needsWeight: true });
  });
});
