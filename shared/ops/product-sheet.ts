/**
 * Products as a sheet (商品导入/导出): the template, the export (which imports back unchanged) and
 * the dry run of an import. Rows are keyed by product code: a known code updates that product, a
 * new one adds a product; a column left out of the file leaves that field as it is, so a shop can
 * import just codes and prices. Importing the same file twice changes nothing the second time.
 */
import { checkProduct, barcodesOf, type ProductDraft } from '../commands/master-data';
import { DomainError, ValidationError, salePriceOn, type CategoryNode } from '../domain';
import type { TableModel } from '../finance/export';
import type { ProductDoc } from '../schemas';
import {
  activeWords,
  sameAsSaved,
  templateHints,
  columnTitle,
  isBlankRow,
  isTemplateHintRow,
  matchHeaders,
  RowReader,
  type ImportCounts,
  type SheetColumn,
  type SheetLanguage,
  type SheetProblem,
} from './master-sheet';
import { readProductRow } from './product-sheet-row';
import { scanCodeKey } from './scan';

export type ProductColumnKey =
  | 'sku'
  | 'name'
  | 'nameEn'
  | 'category'
  | 'baseUnit'
  | 'packs'
  | 'barcodes'
  | 'shelfLifeDays'
  | 'shelfLifeHours'
  | 'nearExpiryDays'
  | 'storageClass'
  | 'picking'
  | 'taxRate'
  | 'purchasePrice'
  | 'salePrice'
  | 'active';

export const productColumns: readonly SheetColumn<ProductColumnKey>[] = [
  { key: 'sku', zh: '商品编码', en: 'Code', required: true, aliases: ['编码', '货号', '商品代码', 'SKU', 'Product code'] },
  { key: 'name', zh: '商品名称', en: 'Name', required: true, aliases: ['名称', '品名', 'Product name'] },
  { key: 'nameEn', zh: '英文名称', en: 'English name' },
  { key: 'category', zh: '类别', en: 'Category', aliases: ['分类', '商品类别'], hintZh: '类别编码或名称', hintEn: 'category code or name' },
  {
    key: 'baseUnit',
    zh: '基本单位',
    en: 'Base unit',
    aliases: ['单位', 'Unit'],
    hintZh: '库存按此单位记账，如 g、个',
    hintEn: 'stock is kept in it, e.g. g, pc',
  },
  {
    key: 'packs',
    zh: '包装单位',
    en: 'Packs',
    hintZh: '单位=基本单位数量；多个用分号，如 箱=24000; 包=500',
    hintEn: 'unit=base units; several with ;',
  },
  {
    key: 'barcodes',
    zh: '条码',
    aliases: ['条形码', 'Barcode', 'EAN'],
    en: 'Barcodes',
    hintZh: '多个用分号分隔',
    hintEn: 'several separated by ;',
  },
  { key: 'shelfLifeDays', zh: '保质期(天)', en: 'Shelf life (days)' },
  { key: 'shelfLifeHours', zh: '保质期(小时)', en: 'Shelf life (hours)' },
  { key: 'nearExpiryDays', zh: '临期预警(天)', en: 'Near-expiry warning (days)' },
  { key: 'storageClass', zh: '储存条件', en: 'Storage', hintZh: '常温/冷藏/冷冻', hintEn: 'ambient/chilled/frozen' },
  { key: 'picking', zh: '出库规则', en: 'Picking', hintZh: 'FEFO(先到期先出)/FIFO(先进先出)', hintEn: 'FEFO/FIFO' },
  { key: 'taxRate', zh: '税率(%)', en: 'Tax rate (%)' },
  { key: 'purchasePrice', zh: '进价(每基本单位)', en: 'Purchase price (per base unit)' },
  {
    key: 'salePrice',
    zh: '售价(每基本单位)',
    en: 'Sale price (per base unit)',
    hintZh: '所有门店，自导入日起',
    hintEn: 'all stores, from the import day',
  },
  { key: 'active', zh: '状态', en: 'Status', hintZh: '启用/停用', hintEn: 'active/inactive' },
];

const storageText = { ambient: ['常温', 'ambient'], chilled: ['冷藏', 'chilled'], frozen: ['冷冻', 'frozen'] } as const;

/** Percent as a shop writes it (9 → 9 %), without float dust (0.07 * 100 = 7.000000000000001). */
const percentOf = (fraction: number): number => Math.round(fraction * 1e8) / 1e6;

export interface ProductSheetContext {
  products: readonly ProductDoc[];
  categories: readonly CategoryNode[];
  /** The business date at HQ: a changed sale price holds from this day. */
  today: string;
}

/** The all-stores price in force on `today` (what the sale-price column reads and writes). */
function allStoresPrice(product: Pick<ProductDoc, 'salePrices'>, today: string): number | undefined {
  return salePriceOn({ salePrices: (product.salePrices ?? []).filter((entry) => entry.siteId === undefined) }, '', today);
}

function productRow(
  product: ProductDoc,
  categories: readonly CategoryNode[],
  language: SheetLanguage,
  today: string,
): Record<ProductColumnKey, string | number | null> {
  const category = categories.find((node) => node.id === product.category);
  const lang = language === 'zh-CN' ? 0 : 1;
  return {
    sku: product.sku,
    name: product.name,
    nameEn: product.nameEn ?? null,
    category: category ? (language === 'en' && category.nameEn ? category.nameEn : category.name) : product.category,
    baseUnit: product.baseUnit,
    packs: product.packs.map((pack) => `${pack.unit}=${pack.qtyInBase}`).join('; ') || null,
    barcodes: product.barcodes.join('; ') || null,
    shelfLifeDays: product.shelfLifeDays ?? null,
    shelfLifeHours: product.shelfLifeHours ?? null,
    nearExpiryDays: product.nearExpiryDays,
    storageClass: storageText[product.storageClass][lang]!,
    picking: product.perishable ? 'FEFO' : 'FIFO',
    taxRate: product.taxRate === undefined ? null : percentOf(product.taxRate),
    purchasePrice: product.purchasePrice ?? null,
    salePrice: allStoresPrice(product, today) ?? null,
    active: activeWords[product.active ? 'active' : 'inactive'][lang === 0 ? 0 : 3],
  };
}

const numericColumns = new Set<ProductColumnKey>([
  'shelfLifeDays',
  'shelfLifeHours',
  'nearExpiryDays',
  'taxRate',
  'purchasePrice',
  'salePrice',
]);

function sheetColumns(language: SheetLanguage): TableModel['columns'] {
  return productColumns.map((column) => ({
    key: column.key,
    title: columnTitle(column, language),
    kind: column.key === 'purchasePrice' || column.key === 'salePrice' ? 'money' : numericColumns.has(column.key) ? 'number' : 'text',
  }));
}

/** Every product as a sheet in the columns the import reads (so an export imports back unchanged). */
export function productSheet(context: ProductSheetContext, language: SheetLanguage): TableModel {
  return {
    title: language === 'zh-CN' ? '商品' : 'Products',
    columns: sheetColumns(language),
    rows: [...context.products]
      .sort((a, b) => a.sku.localeCompare(b.sku))
      .map((product) => productRow(product, context.categories, language, context.today)),
  };
}

/** The template: the columns, a row of hints and one example product. */
export function productTemplate(language: SheetLanguage): TableModel {
  const zh = language === 'zh-CN';
  const hints = templateHints(productColumns, language);
  return {
    title: zh ? '商品导入模板' : 'Product import template',
    columns: sheetColumns(language).map((column) => ({ ...column, kind: 'text' })),
    rows: [
      hints,
      {
        sku: 'MILK-1L',
        name: '鲜牛奶 1L',
        nameEn: 'Fresh milk 1 L',
        category: zh ? '乳制品' : 'Dairy',
        baseUnit: '瓶',
        packs: '箱=12',
        barcodes: '6920000000012',
        shelfLifeDays: '7',
        nearExpiryDays: '2',
        storageClass: zh ? '冷藏' : 'chilled',
        picking: 'FEFO',
        taxRate: '9',
        purchasePrice: '6.5',
        salePrice: '9.9',
        active: zh ? '启用' : 'active',
      },
    ],
  };
}

export type ImportAction = 'new' | 'changed' | 'unchanged' | 'invalid';

export interface PlannedProduct {
  row: number;
  sku: string;
  name: string;
  action: ImportAction;
  problems: SheetProblem[];
  /** What is saved (with the id of the product it updates); absent when invalid. */
  product?: ProductDraft;
}

export interface ProductImportPlan {
  /** Problems of the file itself (a required column missing): nothing can be imported. */
  fileProblems: SheetProblem[];
  rows: PlannedProduct[];
  counts: ImportCounts;
  /** The new and changed products, in file order: what the import writes. */
  toApply: ProductDraft[];
}

/** The dry run: every row read, checked against the rules and the codes in use, nothing written. */
export function planProductImport(records: readonly string[][], context: ProductSheetContext): ProductImportPlan {
  const [header = [], ...data] = records;
  const columns = matchHeaders(header, productColumns);
  // Rows are keyed by code: without that column no row can name its product.
  const fileProblems: SheetProblem[] = columns.has('sku') ? [] : [{ row: 1, column: 'sku', kind: 'missing-column' }];
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  if (fileProblems.length > 0) return { fileProblems, rows: [], counts, toApply: [] };

  const bySku = new Map(context.products.map((product) => [product.sku.toUpperCase(), product]));
  const byId = new Map(context.products.map((product) => [product.id, product]));
  const skuRow = new Map<string, number>();
  // Who holds each code once the file is in: products the file does not touch keep theirs.
  const planned: PlannedProduct[] = [];
  data.forEach((cells, index) => {
    const row = index + 2;
    if (isBlankRow(cells) || isTemplateHintRow(cells, columns, productColumns)) return;
    const reader = new RowReader(row, cells, columns);
    const sku = reader.text('sku', { required: true, maxLength: 64 }) ?? '';
    const existing = bySku.get(sku.toUpperCase());
    const draft = readProductRow(reader, existing, context);
    const firstRow = skuRow.get(sku.toUpperCase());
    if (sku !== '' && firstRow !== undefined) reader.problem('sku', 'duplicate-in-file', sku, String(firstRow));
    else if (sku !== '') skuRow.set(sku.toUpperCase(), row);
    if (draft && reader.problems.length === 0) {
      try {
        checkProduct(draft);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        reader.problem(fieldColumn(error), 'invalid', undefined, error.message);
      }
    }
    planned.push({ row, sku, name: draft?.name ?? '', action: 'invalid', problems: reader.problems, ...(draft ? { product: draft } : {}) });
  });
  checkBarcodes(planned, context.products);

  const toApply: ProductDraft[] = [];
  for (const entry of planned) {
    if (entry.problems.length > 0 || !entry.product) {
      delete entry.product;
      entry.action = 'invalid';
    } else {
      const existing = entry.product.id === undefined ? undefined : byId.get(entry.product.id);
      entry.action = !existing ? 'new' : sameAsSaved(entry.product, existing) ? 'unchanged' : 'changed';
      if (entry.action !== 'unchanged') toApply.push(entry.product);
    }
    counts[entry.action] += 1;
  }
  return { fileProblems, rows: planned, counts, toApply };
}

/** The sheet column a rule's field belongs to (`packs[0].unit` → packs). */
function fieldColumn(error: DomainError): ProductColumnKey {
  const field = error instanceof ValidationError ? error.field : '';
  const head = field.replace(/[[.].*$/, '');
  if (head === 'salePrices') return 'salePrice';
  return (productColumns.find((column) => column.key === head)?.key ?? 'sku') as ProductColumnKey;
}

/** A barcode names one product: among the file's rows and the products the file leaves alone. */
function checkBarcodes(planned: PlannedProduct[], products: readonly ProductDoc[]): void {
  const touched = new Set(planned.flatMap((entry) => (entry.product?.id ? [entry.product.id] : [])));
  const owner = new Map<string, string>();
  for (const product of products) {
    if (touched.has(product.id)) continue;
    for (const code of barcodesOf(product)) owner.set(scanCodeKey(code), product.name);
  }
  for (const entry of planned) {
    if (!entry.product) continue;
    const own = new Set<string>();
    for (const code of barcodesOf(entry.product)) {
      const key = scanCodeKey(code);
      const holder = owner.get(key);
      if (own.has(key))
        entry.problems.push({ row: entry.row, column: 'barcodes', kind: 'duplicate-code', value: code, detail: entry.product.name });
      else if (holder !== undefined)
        entry.problems.push({ row: entry.row, column: 'barcodes', kind: 'duplicate-code', value: code, detail: holder });
      own.add(key);
    }
    if (entry.problems.length === 0) for (const key of own) owner.set(key, entry.product.name);
  }
}
