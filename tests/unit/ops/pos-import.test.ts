import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ledger, postDocument } from '../../../shared/domain';
import { documentsToPost, guessColumnMapping, parsePosDate, parsePosNumber, previewPosImport } from '../../../shared/ops/pos-import';
import { parseCsv, toCsv } from '../../../shared/ops/csv';
import { batch, movement, product, STORE } from './fixtures';

const cola = product('cola', {
  sku: 'C001',
  name: '可乐',
  barcodes: ['4006381333931'],
  packs: [{ unit: '箱', qtyInBase: 24, barcode: '09501101530003' }],
});
const rice = product('rice', { sku: 'R001', name: '米饭' });
const products = [cola, rice];
const options = { siteId: STORE, terminalId: 'term-1', products, importedAt: '2025-03-03T02:00:00.000Z' };

const zhFile =
  '\uFEFF日期,商品编码,条码,数量,金额\r\n2025-03-01,C001,,3,10.50\r\n2025/3/1,,09501101530003,1,60\r\n2025年3月2日,R001,,2,"1,000.00"\r\n20250230,R001,,1,2\r\n2025-03-02,X999,,1,2\r\n2025-03-02,R001,,abc,2\r\n';

describe('CSV parsing', () => {
  it('reads RFC 4180 quoting, embedded newlines, BOM, and ; or tab delimiters', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","line1\nline2"\r\n').records).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line1\nline2'],
    ]);
    expect(parseCsv('a;b\n1,5;2\n')).toMatchObject({
      delimiter: ';',
      records: [
        ['a', 'b'],
        ['1,5', '2'],
      ],
    });
    expect(parseCsv('a\tb\n1\t2').records).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('h\n"a\nb"\nc\n').lineNumbers).toEqual([1, 2, 4]);
  });

  it('property: toCsv then parseCsv gives the rows back', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', ';', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        return JSON.stringify(parseCsv(toCsv(rows, { formulaSafe: false }), ',').records) === JSON.stringify(rows);
      }),
    );
  });

  it('defuses text Excel would run as a formula, but leaves numbers alone', () => {
    expect(toCsv([['=HYPERLINK("x")', '-80.00', -3, '@SUM(A1)', 'ok']], { bom: false })).toBe(
      `"'=HYPERLINK(""x"")",-80.00,-3,'@SUM(A1),ok\r\n`,
    );
  });
});

describe('POS import helpers', () => {
  it('guesses zh and en headers', () => {
    expect(guessColumnMapping(['日期', '商品编码', '条码', '数量', '金额'])).toEqual({
      date: 0,
      productCode: 1,
      barcode: 2,
      quantity: 3,
      amount: 4,
    });
    expect(guessColumnMapping(['Business Date', 'Item Code', 'Qty', 'Net Sales', 'Store'])).toEqual({
      date: 0,
      productCode: 1,
      quantity: 2,
      amount: 3,
    });
    expect(guessColumnMapping(['销售日期', '商品条码', '销售数量', '实收金额(元)'])).toEqual({
      date: 0,
      barcode: 1,
      quantity: 2,
      amount: 3,
    });
  });

  it('reads dates and numbers as tills print them', () => {
    expect(['2025-03-01', '2025/3/1', '2025.03.01', '20250301', '2025年3月1日', '2025-03-01 21:14:05'].map(parsePosDate)).toEqual(
      Array(6).fill('2025-03-01'),
    );
    expect(parsePosDate('2025-02-29')).toBeUndefined();
    expect(parsePosDate('03/01/2025')).toBeUndefined();
    expect([
      parsePosNumber('1,234.50'),
      parsePosNumber('¥12.5'),
      parsePosNumber('1.234,5', true),
      parsePosNumber('1,5', true),
      parsePosNumber('1,5'),
    ]).toEqual([1234.5, 12.5, 1234.5, 1.5, undefined]);
  });
});

describe('previewPosImport', () => {
  it('names each bad row: row number, field, reason', () => {
    const preview = previewPosImport(zhFile, options);
    expect(preview.missing).toEqual([]);
    expect(preview.rows.flatMap((row) => row.errors)).toEqual([
      { rowNumber: 5, field: 'date', reason: 'bad date: "20250230"' },
      { rowNumber: 6, field: 'productCode', reason: 'unknown product "X999"' },
      { rowNumber: 7, field: 'quantity', reason: 'bad quantity: "abc"' },
    ]);
  });

  it('builds one sale per business date; a pack barcode counts in base units; price = amount ÷ qty', () => {
    const preview = previewPosImport(zhFile, options);
    expect(
      preview.documents.map((doc) => [
        doc.businessDate,
        doc.at,
        doc.lines.map((line) => [line.productId, line.qty, line.unitPrice, line.note]),
      ]),
    ).toEqual([
      [
        '2025-03-01',
        '2025-03-01T15:59:59.000Z',
        [
          ['cola', 3, 3.5, 'POS row 2'],
          ['cola', 24, 2.5, 'POS row 3'],
        ],
      ],
      ['2025-03-02', '2025-03-02T15:59:59.000Z', [['rice', 2, 500, 'POS row 4']]],
    ]);
  });

  it('re-importing the same file gives the same ids and reports the rows as already imported', () => {
    const first = previewPosImport(zhFile, options);
    const again = previewPosImport(zhFile.replace(/,/g, ';').replace('"1;000.00"', '1000'), {
      ...options,
      importedAt: '2025-03-04T00:00:00.000Z',
    });
    expect(again.documents.map((doc) => doc.id)).toEqual(first.documents.map((doc) => doc.id));
    const existing = new Set([first.documents[0]?.id ?? '']);
    const third = previewPosImport(zhFile, { ...options, existingDocumentIds: existing });
    expect(third.alreadyImportedRows).toEqual([2, 3]);
    expect(documentsToPost(third, existing).map((doc) => doc.businessDate)).toEqual(['2025-03-02']);
    const changed = previewPosImport(zhFile.replace('C001,,3,', 'C001,,4,'), options);
    expect(changed.documents[0]?.id).not.toBe(first.documents[0]?.id);
    expect(changed.documents[1]?.id).toBe(first.documents[1]?.id);
  });

  it('says which columns are missing instead of guessing', () => {
    const preview = previewPosImport('名称,数量\n可乐,1\n', options);
    expect(preview.missing).toEqual(['date', 'productCode']);
    expect(preview.documents).toEqual([]);
  });

  it('the sale documents post against the ledger', () => {
    const ledger = Ledger.fromMovements({ products, batches: [batch('cola-1', 'cola'), batch('rice-1', 'rice')] }, [
      movement({ siteId: STORE, productId: 'cola', batchId: 'cola-1', qty: 100, kind: 'receipt' }),
      movement({ siteId: STORE, productId: 'rice', batchId: 'rice-1', qty: 100, kind: 'receipt' }),
    ]);
    for (const doc of previewPosImport(zhFile, options).documents) {
      const outcome = postDocument(doc, ledger);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) ledger.commit(outcome.result);
    }
    expect([ledger.onHand(STORE, 'cola-1'), ledger.onHand(STORE, 'rice-1')]).toEqual([73, 98]);
  });
});
