import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  encodeElementString,
  gs1CheckDigit,
  parseScan,
  resolveScan,
  toHumanReadable,
  yymmddToDate,
  type Gs1Element,
  type ScanResult,
} from '../../../shared/ops/scan';
import { product } from './fixtures';

const GS = '\u001d';
const gs1 = (result: ScanResult) => (result.kind === 'gs1' ? result : undefined);

describe('AIM symbology identifiers (ISO/IEC 15424)', () => {
  it('reads EAN/UPC under ]E0, ]E3 (with add-on) and ]E4', () => {
    expect(parseScan(']E04006381333931')).toMatchObject({ kind: 'retail', symbology: 'ean13', gtin14: '04006381333931' });
    // UPC-A is sent as 13 digits under ]E0, and matches the 12-digit UPC-A barcode on a product.
    expect(parseScan(']E00036000291452')).toMatchObject({ kind: 'retail', gtin14: '00036000291452' });
    expect(parseScan(']E496385074')).toMatchObject({ kind: 'retail', symbology: 'ean8', gtin14: '00000096385074' });
    expect(parseScan(']E3978030640615751000')).toMatchObject({ kind: 'retail', symbology: 'ean13', code: '9780306406157', addOn: '51000' });
    expect(parseScan(']E3978030640615712')).toMatchObject({ kind: 'retail', code: '9780306406157', addOn: '12' });
    // UPC-E 01234565 is UPC-A 012345000065.
    expect(parseScan(']E001234565')).toMatchObject({ kind: 'retail', symbology: 'upce', code: '01234565', gtin14: '00012345000065' });
  });

  it('reads GS1 element strings under ]C1, ]e0, ]d2 and ]Q3', () => {
    const data = `0109501101530003172506301125030110AB-12`;
    const expected = { kind: 'gs1', gtin14: '09501101530003', lot: 'AB-12', expiryDate: '2025-06-30', productionDate: '2025-03-01' };
    expect(parseScan(`]C1${data}`)).toMatchObject({ symbology: 'gs1-128', ...expected });
    expect(parseScan(`]e0${data}`)).toMatchObject({ symbology: 'gs1-databar', ...expected });
    expect(parseScan(`]d2${data}`)).toMatchObject({ symbology: 'gs1-datamatrix', ...expected });
    expect(parseScan(`]Q3${data}`)).toMatchObject({ symbology: 'gs1-qr', ...expected });
    // GS1 DataBar Omnidirectional: (01) only.
    expect(parseScan(']e00109501101530003')).toMatchObject({ kind: 'gs1', symbology: 'gs1-databar', gtin14: '09501101530003' });
  });

  it('ITF-14 under ]I1 is a GTIN-14; plain symbologies give their text without the identifier', () => {
    expect(parseScan(']I109501101530003')).toMatchObject({ kind: 'retail', symbology: 'gtin14', gtin14: '09501101530003' });
    expect(parseScan(']C0SHELF-A12')).toMatchObject({ kind: 'unknown', raw: 'SHELF-A12', reason: expect.stringContaining(']C0') });
    expect(parseScan(']A0PORK')).toMatchObject({ kind: 'unknown', raw: 'PORK' });
    const pork = product('pork', { sku: 'PORK' });
    expect(resolveScan(parseScan(']C0pork'), [pork], [])).toMatchObject({ status: 'resolved', product: { id: 'pork' } });
  });

  it('a wrong check digit under an identifier is a typed error naming the code', () => {
    const result = parseScan(']E04006381333932');
    expect(result).toMatchObject({
      kind: 'unknown',
      raw: '4006381333932',
      reason: 'EAN-13 4006381333932 has a wrong check digit (expected 1)',
    });
    expect(result.kind === 'unknown' && result.error?.message).toContain('4006381333932');
    expect(parseScan(']E4963850745')).toMatchObject({ kind: 'unknown', error: { problem: 'length' } });
    expect(parseScan(']d20109501101530004')).toMatchObject({
      kind: 'unknown',
      error: { name: 'BadScanError', problem: 'check-digit', scanned: ']d20109501101530004' },
      reason: 'AI (01) 09501101530004 has a wrong check digit (expected 3)',
    });
  });
});

describe('GS1 DataBar Expanded and the AIs a shop meets (GS1 General Specifications)', () => {
  it('parses a DataBar Expanded string: weight, best before (day 00), lot ended by FNC1, serial', () => {
    const read = `]e0010950110153000331030012501526030010ABC123${GS}2142`;
    expect(parseScan(read)).toMatchObject({
      kind: 'gs1',
      symbology: 'gs1-databar',
      gtin14: '09501101530003',
      netWeight: { value: 1.25, unit: 'kg' },
      netWeightKg: 1.25,
      bestBeforeDate: '2026-03-31',
      lot: 'ABC123',
      serial: '42',
    });
  });

  it('(320n) is net weight in pounds, n decimals; 1 lb = 0.45359237 kg', () => {
    const scan = gs1(parseScan(`]e001095011015300033202001500`));
    expect(scan?.netWeight).toEqual({ value: 15, unit: 'lb' });
    expect(scan?.netWeightKg).toBeCloseTo(6.80388555, 12);
    expect(gs1(parseScan('(01)09501101530003(3205)000125'))?.netWeight).toEqual({ value: 0.00125, unit: 'lb' });
    expect(gs1(parseScan('(01)09501101530003(3100)000125'))?.netWeight).toEqual({ value: 125, unit: 'kg' });
  });

  it('(320n) converts to the product unit: kg, g, 斤, and lb kept as encoded', () => {
    const scan = parseScan('(01)09501101530003(3202)001500');
    const of = (baseUnit: string) => resolveScan(scan, [product('p', { baseUnit, barcodes: ['09501101530003'] })], []);
    // Ledger quantities keep 6 decimals (roundQty).
    expect(of('kg')).toMatchObject({ status: 'resolved', quantity: 6.803886 });
    expect(of('g')).toMatchObject({ quantity: 6803.88555 });
    expect(of('斤')).toMatchObject({ quantity: 13.607771 });
    expect(of('lb')).toMatchObject({ quantity: 15 });
  });

  it('dates: day 00 is the last day of the month for (15), (16), (17); the first for (11), (13)', () => {
    // The General Specifications' own examples: 130200 is 2013-02-28, 160200 is 2016-02-29.
    expect(gs1(parseScan('(01)09501101530003(15)130200'))?.bestBeforeDate).toBe('2013-02-28');
    expect(gs1(parseScan('(01)09501101530003(15)160200'))?.bestBeforeDate).toBe('2016-02-29');
    expect(gs1(parseScan('(01)09501101530003(17)240200'))?.expiryDate).toBe('2024-02-29');
    expect(gs1(parseScan('(01)09501101530003(16)251100'))?.sellByDate).toBe('2025-11-30');
    expect(gs1(parseScan('(01)09501101530003(11)250300'))?.productionDate).toBe('2025-03-01');
    expect(gs1(parseScan('(01)09501101530003(13)250315'))?.packagingDate).toBe('2025-03-15');
    expect(parseScan('(01)09501101530003(17)250230')).toMatchObject({ kind: 'unknown', error: { problem: 'bad-date' } });
  });

  it('century by GS1 7.12: more than 50 years ahead is the previous century, 50 or more behind the next', () => {
    expect(yymmddToDate('770101', { referenceYear: 2026 })).toBe('1977-01-01');
    expect(yymmddToDate('760101', { referenceYear: 2026 })).toBe('2076-01-01');
    expect(yymmddToDate('260101', { referenceYear: 2026 })).toBe('2026-01-01');
    expect(yymmddToDate('450101', { referenceYear: 2095 })).toBe('2145-01-01');
    expect(gs1(parseScan('(01)09501101530003(17)991231', { referenceYear: 2026 }))?.expiryDate).toBe('1999-12-31');
  });

  it('variable-length fields end at FNC1; without it a field runs on and is refused by its maximum', () => {
    expect(parseScan(`]C110LOT1${GS}17251231`)).toMatchObject({ lot: 'LOT1', expiryDate: '2025-12-31' });
    expect(parseScan(`]C110LOT117251231`)).toMatchObject({ lot: 'LOT117251231' });
    expect(parseScan(`]C110${'A'.repeat(21)}`)).toMatchObject({
      kind: 'unknown',
      reason: 'AI (10) is at most 20 characters, got 21 (missing FNC1/GS separator?)',
    });
    // A redundant FNC1 after a predefined-length field is harmless.
    expect(parseScan(`]C10109501101530003${GS}10L1`)).toMatchObject({ gtin14: '09501101530003', lot: 'L1' });
  });

  it('refuses unknown AIs, measure decimals past 5, characters outside set 82, letters in numeric fields', () => {
    expect(parseScan(']C104123')).toMatchObject({ kind: 'unknown', error: { problem: 'unknown-ai' } });
    expect(parseScan(']C1310600125')).toMatchObject({ kind: 'unknown', error: { problem: 'unknown-ai' } });
    expect(parseScan(']C110AB#1')).toMatchObject({ kind: 'unknown', error: { problem: 'bad-value' } });
    expect(parseScan(']C1300A')).toMatchObject({ kind: 'unknown', error: { problem: 'bad-value' } });
  });

  it('writes FNC1 after variable fields and after fixed fields without a predefined length (402, 8005, 422)', () => {
    const elements: Gs1Element[] = [
      { ai: '01', value: '09501101530003' },
      { ai: '3103', value: '001250' },
      { ai: '8005', value: '001990' },
      { ai: '10', value: 'L1' },
      { ai: '422', value: '156' },
      { ai: '17', value: '251231' },
    ];
    expect(encodeElementString(elements)).toBe(`010950110153000331030012508005001990${GS}10L1${GS}422156${GS}17251231`);
    expect(toHumanReadable(elements)).toBe('(01)09501101530003(3103)001250(8005)001990(10)L1(422)156(17)251231');
  });
});

const set82Char = fc.constantFrom(...'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'.split(''));
const text82 = (max: number) => fc.array(set82Char, { minLength: 1, maxLength: max }).map((chars) => chars.join(''));
const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
const withCheck = (length: number) => digits(length - 1, length - 1).map((body) => body + String(gs1CheckDigit(body)));
const yymmdd = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 28 }))
  .map(([y, m, d]) => [y, m, d].map((n) => String(n).padStart(2, '0')).join(''));
const element: fc.Arbitrary<Gs1Element> = fc.oneof(
  withCheck(14).map((value) => ({ ai: '01', value })),
  text82(20).map((value) => ({ ai: '10', value })),
  text82(20).map((value) => ({ ai: '21', value })),
  fc.tuple(fc.constantFrom('11', '13', '15', '16', '17'), yymmdd).map(([ai, value]) => ({ ai, value })),
  fc
    .tuple(fc.constantFrom('310', '320', '330'), fc.integer({ min: 0, max: 5 }), digits(6, 6))
    .map(([stem, n, value]) => ({ ai: `${stem}${n}`, value })),
  fc.tuple(fc.constantFrom('30', '37'), digits(1, 8)).map(([ai, value]) => ({ ai, value })),
  text82(30).map((value) => ({ ai: '400', value })),
  withCheck(17).map((value) => ({ ai: '402', value })),
  withCheck(13).map((value) => ({ ai: '414', value })),
  digits(6, 6).map((value) => ({ ai: '8005', value })),
  digits(3, 3).map((value) => ({ ai: '422', value })),
  text82(90).map((value) => ({ ai: '91', value })),
);

describe('GS1 element strings round-trip', () => {
  it('encode → parse gives the same elements, under every GS1 identifier and unprefixed', () => {
    fc.assert(
      fc.property(
        fc.array(element, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(']C1', ']e0', ']d2', ']Q3', GS),
        (elements, prefix) => {
          const result = parseScan(prefix + encodeElementString(elements));
          expect(result.kind === 'gs1' ? result.elements : result).toEqual(elements);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the human-readable form parses to the same elements (values without "(")', () => {
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 6 }), (elements) => {
        fc.pre(elements.every((e) => !e.value.includes('(') && e.value.trim() === e.value));
        const result = parseScan(toHumanReadable(elements));
        expect(result.kind === 'gs1' ? result.elements : result).toEqual(elements);
      }),
      { numRuns: 500 },
    );
  });
});
