import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gs1CheckDigit, parseScan, resolveScan, yymmddToDate, type Gs1Scan } from '../../../shared/ops/scan';
import { batch, product } from './fixtures';

const GS = '\u001d';

describe('parseScan: retail codes', () => {
  it('accepts EAN-13, EAN-8, UPC-A and GTIN-14 with a right check digit', () => {
    expect(parseScan('4006381333931')).toEqual({ kind: 'retail', symbology: 'ean13', code: '4006381333931', gtin14: '04006381333931' });
    expect(parseScan('96385074')).toMatchObject({ kind: 'retail', symbology: 'ean8', gtin14: '00000096385074' });
    expect(parseScan('036000291452\r\n')).toMatchObject({ kind: 'retail', symbology: 'upca', gtin14: '00036000291452' });
    expect(parseScan('09501101530003')).toMatchObject({ kind: 'retail', symbology: 'gtin14' });
  });

  it('names a wrong check digit with the expected one', () => {
    const result = parseScan('4006381333932');
    expect(result).toMatchObject({
      kind: 'unknown',
      raw: '4006381333932',
      reason: 'EAN-13 4006381333932 has a wrong check digit (expected 1)',
    });
    expect(result.kind === 'unknown' && result.error).toMatchObject({
      name: 'BadScanError',
      scanned: '4006381333932',
      problem: 'check-digit',
    });
  });

  it('never throws and says why on garbage', () => {
    expect(parseScan('')).toMatchObject({ kind: 'unknown', reason: 'empty scan' });
    expect(parseScan('12345')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('5 digits') });
    expect(parseScan(']E0123')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining(']E0') });
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseScan(text);
        return result.kind !== 'unknown' || result.reason.length > 0;
      }),
    );
  });

  it('check digit: any single digit changed in a valid EAN-13 is refused', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, delta) => {
          const valid = body + String(gs1CheckDigit(body));
          const digits = valid.split('');
          digits[position] = String((Number(digits[position]) + delta) % 10);
          // Codes starting with 2 are in-store (scale) codes: read, but checked just the same.
          return parseScan(valid).kind !== 'unknown' && parseScan(digits.join('')).kind === 'unknown';
        },
      ),
    );
  });
});

describe('parseScan: GS1 element strings', () => {
  const expected = { gtin14: '09501101530003', lot: 'AB-12', expiryDate: '2025-06-30', productionDate: '2025-03-01' };

  it('reads GS1-128 with the ]C1 prefix and FNC1 as GS after the variable lot', () => {
    const result = parseScan(`]C10109501101530003${'10AB-12'}${GS}17250630112503 01`.replace(' ', ''));
    expect(result).toMatchObject({ kind: 'gs1', symbology: 'gs1-128', ...expected });
  });

  it('reads GS1 DataMatrix (]d2), GS1 QR (]Q3), unprefixed and human-readable forms alike', () => {
    const data = `010950110153000317250630112503011 0AB-12`.replace(' ', '');
    expect(parseScan(`]d2${data}`)).toMatchObject({ symbology: 'gs1-datamatrix', ...expected });
    expect(parseScan(`]Q3${data}`)).toMatchObject({ symbology: 'gs1-qr', ...expected });
    expect(parseScan(`${GS}${data}`)).toMatchObject({ symbology: 'gs1-unprefixed', ...expected });
    expect(parseScan('(01)09501101530003(17)250630(11)250301(10)AB-12')).toMatchObject({ symbology: 'gs1-human-readable', ...expected });
  });

  it('day 00 in (17) is the last day of the month, leap years included', () => {
    expect(yymmddToDate('240200')).toBe('2024-02-29');
    expect(yymmddToDate('250200')).toBe('2025-02-28');
    expect(yymmddToDate('251200')).toBe('2025-12-31');
    expect(yymmddToDate('250230')).toBeUndefined();
    expect(yymmddToDate('251301')).toBeUndefined();
  });

  it('reads (310n) net weight with n decimals, (30) and (37) counts', () => {
    expect(parseScan('(01)09501101530003(3103)001250')).toMatchObject({ netWeightKg: 1.25 });
    expect(parseScan('(01)09501101530003(3101)001250')).toMatchObject({ netWeightKg: 125 });
    expect(parseScan(`]C10109501101530003${'30'}12${GS}10L1`)).toMatchObject({ variableCount: 12, lot: 'L1' });
    expect(parseScan(`]C10209501101530003${'37'}24`)).toMatchObject({ itemCount: 24, gtin14: '09501101530003' });
  });

  it('a lot runs to the GS, at most 20 characters', () => {
    const lot21 = 'X'.repeat(21);
    const result = parseScan(`]C1010950110153000310${lot21}`);
    expect(result).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('at most 20') });
  });

  it('refuses bad GTIN check digits, bad dates and unknown AIs with the reason', () => {
    expect(parseScan('(01)09501101530004')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('check digit') });
    expect(parseScan('(01)09501101530003(17)251340')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('YYMMDD') });
    expect(parseScan(']C1990')).toMatchObject({ kind: 'gs1' }); // company-internal AI 99 is allowed
    expect(parseScan(']C1780001')).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('unknown GS1 application identifier'),
    });
    expect(parseScan(']C10109501101')).toMatchObject({ kind: 'unknown', reason: 'AI (01) needs 14 characters, got 8' });
  });
});

describe('resolveScan', () => {
  const eggs = product('eggs', {
    sku: 'EGG',
    name: '鸡蛋',
    barcodes: ['4006381333931'],
    packs: [{ unit: '箱', qtyInBase: 360, barcode: '09501101530003' }],
  });
  const pork = product('pork', { sku: 'PORK', baseUnit: 'g', barcodes: ['96385074'] });
  const products = [eggs, pork];
  const batches = [
    batch('b1', 'eggs', { lotCode: 'L1', expiryDate: '2025-06-30' }),
    batch('b2', 'eggs', { lotCode: 'L2', expiryDate: '2025-07-15' }),
    batch('b3', 'eggs', { lotCode: 'L3', expiryDate: '2025-07-15' }),
    batch('p1', 'pork', { lotCode: 'L1' }),
  ];

  it('matches a GTIN-14 with a leading 0 to the EAN-13 on the product', () => {
    const result = resolveScan(parseScan('04006381333931'), products, batches);
    expect(result).toMatchObject({ status: 'resolved', product: { id: 'eggs' }, quantity: 1, batchCandidates: [] });
  });

  it('a pack barcode stands for the pack quantity in base units; count (37) multiplies it', () => {
    expect(resolveScan(parseScan('09501101530003'), products, batches)).toMatchObject({
      pack: { unit: '箱', qtyInBase: 360 },
      quantity: 360,
    });
    expect(resolveScan(parseScan('(01)09501101530003(37)3'), products, batches)).toMatchObject({ quantity: 1080 });
  });

  it('finds the batch by lot within the product, not another product with the same lot', () => {
    const result = resolveScan(parseScan('(01)09501101530003(10)L1'), products, batches);
    expect(result).toMatchObject({ status: 'resolved', batch: { id: 'b1' }, lot: 'L1' });
  });

  it('says which lot is missing for which product', () => {
    const result = resolveScan(parseScan('(01)09501101530003(10)L9'), products, batches);
    expect(result).toMatchObject({ status: 'no-batch', lot: 'L9', message: 'no batch with lot L9 for product EGG 鸡蛋' });
  });

  it('matches by expiry when there is no lot; several matches become candidates', () => {
    expect(resolveScan(parseScan('(01)09501101530003(17)250600'), products, batches)).toMatchObject({ batch: { id: 'b1' } });
    const several = resolveScan(parseScan('(01)09501101530003(17)250715'), products, batches);
    expect(several).toMatchObject({ status: 'resolved' });
    expect(several.status === 'resolved' && several.batch).toBeUndefined();
    expect(several.status === 'resolved' && several.batchCandidates.map((b) => b.id)).toEqual(['b2', 'b3']);
  });

  it('turns a (3102) net weight into grams for a product stocked in g', () => {
    const scan = parseScan('(01)00000096385074(3102)000250(10)L1') as Gs1Scan;
    expect(resolveScan(scan, products, batches)).toMatchObject({ product: { id: 'pork' }, quantity: 2500, batch: { id: 'p1' } });
  });

  it('reports unknown codes and unknown products clearly; an internal code may still be a SKU', () => {
    expect(resolveScan(parseScan('hello'), products, batches)).toMatchObject({ status: 'unknown-code', reason: expect.any(String) });
    expect(resolveScan(parseScan('5901234123457'), products, batches)).toEqual({
      status: 'unknown-product',
      code: '05901234123457',
      message: 'unknown code 05901234123457: no product or pack has this barcode',
    });
    expect(resolveScan(parseScan('pork'), products, batches)).toMatchObject({ status: 'resolved', product: { id: 'pork' } });
  });
});
