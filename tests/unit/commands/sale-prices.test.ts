// Sale prices from the store's price list (issue 14): quick sales and POS imports take the price in
// force on the business date; a sale with no price is refused, never posted at ¥0.
import { describe, expect, it } from 'vitest';
import { NoSalePriceError, salePriceOn } from '../../../shared/domain';
import { previewPosImport } from '../../../shared/ops';
import { ledgerWith, product } from '../domain/fixtures';
import { run, stampFor } from './harness';

const STORE = 'store-a';
const cola = product('cola', {
  baseUnit: '瓶',
  packs: [{ unit: '箱', qtyInBase: 24, barcode: '06901234567892' }],
  salePrices: [
    { price: 3, from: '2025-01-01' },
    { price: 3.5, from: '2025-03-01' },
    { siteId: STORE, price: 4, from: '2025-02-01' },
    { siteId: STORE, price: 4.5, from: '2025-04-01' },
  ],
});
const unpriced = product('water', { baseUnit: '瓶' });
const ledger = () => ledgerWith([cola, unpriced], []);
const atStore = (businessDate: string) => stampFor({ siteId: STORE, siteKind: 'store', businessDate });

describe('the price in force', () => {
  it('is the store’s own latest entry on or before the date, else the latest entry for every store', () => {
    expect(salePriceOn(cola, 'store-b', '2024-12-31')).toBeUndefined();
    expect(salePriceOn(cola, 'store-b', '2025-02-15')).toBe(3);
    expect(salePriceOn(cola, 'store-b', '2025-03-01')).toBe(3.5);
    expect(salePriceOn(cola, STORE, '2025-01-15')).toBe(3);
    expect(salePriceOn(cola, STORE, '2025-03-15')).toBe(4);
    expect(salePriceOn(cola, STORE, '2025-04-01')).toBe(4.5);
    expect(salePriceOn(unpriced, STORE, '2025-04-01')).toBeUndefined();
  });
});

describe('sale.post prices from the price list', () => {
  it('takes the store’s price on the business date when the line has none', () => {
    const outcome = run(
      'sale.post',
      { kind: 'sale', lines: [{ productId: 'cola', qty: 24 }] },
      { ledger: ledger(), stamp: atStore('2025-03-15') },
    );
    expect(outcome.post?.document.lines).toEqual([{ productId: 'cola', qty: 24, unitPrice: 4 }]);
  });

  it('keeps a price the clerk typed', () => {
    const outcome = run(
      'sale.post',
      { kind: 'sale', lines: [{ productId: 'cola', qty: 1, unitPrice: 2 }] },
      { ledger: ledger(), stamp: atStore('2025-03-15') },
    );
    expect(outcome.post?.document.lines[0]?.unitPrice).toBe(2);
  });

  it('refuses a sale line without a price, naming product, store and date; never ¥0', () => {
    const attempt = () =>
      run(
        'sale.post',
        { kind: 'sale', lines: [{ productId: 'water', qty: 1, unitPrice: 0 }] },
        { ledger: ledger(), stamp: atStore('2025-03-15') },
      );
    expect(attempt).toThrow(NoSalePriceError);
    expect(attempt).toThrow(/water has no sale price at site store-a on 2025-03-15/);
    // Consumption carries no price: nothing to refuse.
    expect(
      run('sale.post', { kind: 'consumption', lines: [{ productId: 'water', qty: 1 }] }, { ledger: ledger(), stamp: atStore('2025-03-15') })
        .post?.document.type,
    ).toBe('consumption');
  });

  it('sale.import refuses a document with an unpriced line', () => {
    const preview = previewPosImport('日期,商品编码,数量,金额\n2025-03-15,COLA,2,9\n', {
      siteId: STORE,
      terminalId: 't',
      products: [cola],
      importedAt: '2025-03-16T00:00:00.000Z',
    });
    const document = { ...preview.documents[0]!, lines: preview.documents[0]!.lines.map((line) => ({ ...line, unitPrice: 0 })) };
    expect(() => run('sale.import', { document }, { stamp: atStore('2025-03-16') })).toThrow(NoSalePriceError);
  });
});

describe('POS import prices rows without an amount from the price list', () => {
  const file = [
    '日期,商品编码,条码,数量,金额',
    '2025-03-15,COLA,,2,',
    '2025-04-02,,06901234567892,1,',
    '2025-03-15,WATER,,1,',
    '2025-03-15,COLA,,2,10',
  ].join('\n');
  const preview = previewPosImport(file, {
    siteId: STORE,
    terminalId: 't',
    products: [cola, unpriced],
    importedAt: '2025-04-03T00:00:00.000Z',
  });

  it('a case barcode counts 24 bottles at the price of its date; a till amount still wins', () => {
    expect(preview.documents.map((doc) => [doc.businessDate, doc.lines.map((line) => [line.qty, line.unitPrice])])).toEqual([
      [
        '2025-03-15',
        [
          [2, 4],
          [2, 5],
        ],
      ],
      ['2025-04-02', [[24, 4.5]]],
    ]);
  });

  it('a row with neither amount nor price is reported, not posted at ¥0', () => {
    expect(preview.rows.flatMap((row) => row.errors)).toEqual([
      { rowNumber: 4, field: 'amount', reason: 'no sale price for "WATER" on 2025-03-15' },
    ]);
  });
});
