// Product import and export (issue 14): the dry run names every bad cell by row and column, an
// export imports back unchanged, the same file twice changes nothing, and the import command
// holds the editor's rules over the whole batch.
import { describe, expect, it } from 'vitest';
import { DuplicateCodeError, type CategoryNode } from '../../../shared/domain';
import { formatCell, type TableModel } from '../../../shared/finance/export';
import { planProductImport, productSheet, productTemplate, type ProductSheetContext } from '../../../shared/ops/product-sheet';
import type { ProductDoc } from '../../../shared/schemas';
import { tableToXlsx } from '../../../renderer/export/xlsx';
import { readSheetFile } from '../../../renderer/import/read-sheet';
import { run, stampFor } from '../commands/harness';
import { product } from '../domain/fixtures';

const categories: CategoryNode[] = [
  { id: 'dairy', name: '乳制品', nameEn: 'Dairy' },
  { id: 'drinks', name: '饮料', nameEn: 'Drinks' },
];
const cola = product('cola', {
  name: '可乐',
  nameEn: 'Cola',
  sku: 'COLA',
  category: 'drinks',
  baseUnit: '瓶',
  barcodes: ['6901234567892'],
  packs: [{ unit: '箱', qtyInBase: 24, barcodes: ['16901234567899'] }],
  salePrices: [
    { price: 3, from: '2025-01-01' },
    { siteId: 's1', price: 3.5, from: '2025-01-01' },
  ],
  taxRate: 0.13,
  perishable: false,
});
const TODAY = '2025-03-01';
const context = (products: ProductDoc[] = [cola]): ProductSheetContext => ({ products, categories, today: TODAY });

/** A sheet as the file holds it: header titles and every cell as text. */
function asRecords(table: TableModel): string[][] {
  return [table.columns.map((c) => c.title), ...table.rows.map((row) => table.columns.map((c) => formatCell(row[c.key], c.kind)))];
}

const header = ['商品编码', '商品名称', '类别', '基本单位', '包装单位', '条码', '保质期(天)', '储存条件', '税率(%)', '售价(每基本单位)'];

/** Applies a plan as the executor would: the import command's writes over the products. */
function apply(products: ProductDoc[], plan: ReturnType<typeof planProductImport>): ProductDoc[] {
  const outcome = run(
    'product.import',
    { products: plan.toApply },
    { stamp: stampFor({ siteId: 'hq', siteKind: 'hq', businessDate: TODAY }), products },
  );
  const written = outcome.writes?.products ?? [];
  const byId = new Map(products.map((p) => [p.id, p]));
  for (const p of written) byId.set(p.id, p);
  return [...byId.values()];
}

describe('product sheet', () => {
  it('imports new products in the file language, and the same file again changes nothing', () => {
    const records = [
      header,
      ['MILK-1L', '鲜牛奶 1L', '乳制品', '瓶', '箱=12', '6901234567885', '7', '冷藏', '9', '9.9'],
      ['YOG', '酸奶', 'dairy', '杯', '', '', '21', 'chilled', '9%', ''],
    ];
    const plan = planProductImport(records, context());
    expect(plan.fileProblems).toEqual([]);
    expect(plan.counts).toEqual({ new: 2, changed: 0, unchanged: 0, invalid: 0 });
    const products = apply([cola], plan);
    const milk = products.find((p) => p.sku === 'MILK-1L')!;
    expect(milk).toMatchObject({
      name: '鲜牛奶 1L',
      category: 'dairy',
      baseUnit: '瓶',
      packs: [{ unit: '箱', qtyInBase: 12 }],
      barcodes: ['6901234567885'],
      shelfLifeDays: 7,
      perishable: true,
      storageClass: 'chilled',
      taxRate: 0.09,
      salePrices: [{ price: 9.9, from: TODAY }],
      active: true,
    });
    const again = planProductImport(records, context(products));
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 2, invalid: 0 });
    expect(again.toApply).toEqual([]);
  });

  it('names every bad cell of a row with its row and column, and imports none of that row', () => {
    const records = [
      header,
      ['', '无编码', '乳制品', '瓶', '', '', '', '', '', ''],
      ['X1', '坏数据', '零食', '个', '箱=abc', '', '3.5', '恒温', '120', '-1'],
      ['COLA2', '假可乐', '饮料', '瓶', '', '6901234567892', '', '', '', ''],
      ['X2', '重复', '饮料', '瓶', '', '', '', '', '', ''],
      ['x2', '重复二', '饮料', '瓶', '', '', '', '', '', ''],
    ];
    const plan = planProductImport(records, context());
    expect(plan.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 4 });
    const problems = plan.rows.flatMap((row) => row.problems.map((p) => `${p.row}:${p.column}:${p.kind}${p.value ? `:${p.value}` : ''}`));
    expect(problems).toEqual([
      '2:sku:required',
      '3:category:unknown-category:零食',
      '3:packs:bad-packs:箱=abc',
      '3:shelfLifeDays:not-whole:3.5',
      '3:storageClass:unknown-value:恒温',
      '3:taxRate:out-of-range:120',
      '3:salePrice:negative:-1',
      '4:barcodes:duplicate-code:6901234567892',
      '6:sku:duplicate-in-file:x2',
    ]);
    expect(plan.rows.find((row) => row.row === 4)!.problems[0]!.detail).toBe('可乐');
    expect(plan.toApply.map((p) => p.sku)).toEqual(['X2']);
  });

  it('refuses a file without the required columns, naming them', () => {
    const plan = planProductImport(
      [
        ['名称', 'Category'],
        ['牛奶', 'dairy'],
      ],
      context(),
    );
    expect(plan.fileProblems.map((p) => p.column)).toEqual(['sku']);
    expect(plan.toApply).toEqual([]);
  });

  it('exports every product so that it imports back unchanged, in both languages', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const plan = planProductImport(asRecords(productSheet(context(), language)), context());
      expect(plan.rows.map((row) => [row.sku, row.action, row.problems])).toEqual([['COLA', 'unchanged', []]]);
    }
  });

  it('reads an exported workbook back as typed (numbers unformatted, no thousands separators) and imports it unchanged', async () => {
    const big = { ...cola, packs: [{ unit: '箱', qtyInBase: 24000 }], purchasePrice: 1234.5 };
    const bytes = await tableToXlsx(productSheet(context([big]), 'zh-CN'));
    const rows = await readSheetFile('商品.xlsx', bytes);
    expect(rows[1]).toContain('箱=24000');
    expect(rows[1]).toContain('1234.5');
    const plan = planProductImport(rows, context([big]));
    expect(plan.rows.map((row) => [row.sku, row.action, row.problems])).toEqual([['COLA', 'unchanged', []]]);
  });

  it('updates only the columns in the file and keeps what the sheet does not show', () => {
    const plan = planProductImport(
      [
        ['Code', 'Sale price (per base unit)', 'Shelf life (hours)'],
        ['cola', '3.2', '12'],
      ],
      context(),
    );
    expect(plan.counts.changed).toBe(1);
    const [updated] = apply([cola], plan);
    // The price history and the store's own price stay; the new all-stores price holds from today.
    expect(updated!.salePrices).toEqual([...cola.salePrices!, { price: 3.2, from: TODAY }]);
    expect(updated!.packs).toEqual(cola.packs);
    expect(updated!.taxRate).toBe(0.13);
    expect(updated!.name).toBe('可乐');
    // A shelf life alone does not turn a FIFO product into FEFO; only the picking column does.
    expect(updated!).toMatchObject({ shelfLifeHours: 12, perishable: false });
  });

  it('sees a change inside a pack as a change (a case of 24 becoming 12)', () => {
    const plan = planProductImport(
      [
        ['Code', 'Packs'],
        ['COLA', '箱=12'],
      ],
      context(),
    );
    expect(plan.rows.map((row) => row.action)).toEqual(['changed']);
    expect(plan.toApply[0]!.packs).toEqual([{ unit: '箱', qtyInBase: 12, barcodes: ['16901234567899'] }]);
  });

  it('offers a template whose example row imports cleanly', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const template = asRecords(productTemplate(language));
      // Row 2 holds hints; the example product is row 3.
      const plan = planProductImport([template[0]!, template[2]!], context());
      expect(plan.rows[0]!.problems).toEqual([]);
      expect(plan.counts.new).toBe(1);
    }
  });

  it('the import command refuses a batch whose codes collide, writing nothing', () => {
    const { id: _id, updatedAt: _u, ...copy } = cola;
    expect(() =>
      run(
        'product.import',
        { products: [{ ...copy, sku: 'COLA-B' }] },
        { stamp: stampFor({ siteId: 'hq', siteKind: 'hq' }), products: [cola] },
      ),
    ).toThrow(DuplicateCodeError);
  });
});
