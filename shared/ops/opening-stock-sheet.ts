/**
 * Opening stock as a sheet (期初库存导入): what a site holds on its first day, one row per batch —
 * product code, lot, production and expiry dates, quantity in any of the product's units and the
 * cost per that unit. Each row becomes a batch whose id derives from the site, product, lot and
 * expiry, so importing the same file again finds every row already imported and posts nothing.
 * A lot the site already holds under another document is refused: re-importing a stock export
 * would otherwise double the stock (a count corrects stock that is there; docs/master-data.md).
 */
import { derivedId, isValidBusinessDate, roundQty } from '../domain';
import type { TableModel } from '../finance/export';
import type { BatchDoc, DocumentLine, ProductDoc } from '../schemas';
import {
  columnTitle,
  isBlankRow,
  isTemplateHintRow,
  matchHeaders,
  RowReader,
  templateHints,
  type ImportCounts,
  type SheetColumn,
  type SheetLanguage,
  type SheetProblem,
} from './master-sheet';
import { findUnit } from './quantity';
import type { ImportAction } from './product-sheet';

export type OpeningColumnKey = 'sku' | 'name' | 'lotCode' | 'productionDate' | 'expiryDate' | 'qty' | 'unit' | 'unitCost';

export const openingColumns: readonly SheetColumn<OpeningColumnKey>[] = [
  { key: 'sku', zh: '商品编码', en: 'Code', required: true, aliases: ['编码', '货号', '商品代码', 'SKU', 'Product code'] },
  {
    key: 'name',
    zh: '商品名称',
    en: 'Name',
    aliases: ['名称', '品名', 'Product name'],
    hintZh: '仅供核对，不导入',
    hintEn: 'for checking only',
  },
  {
    key: 'lotCode',
    zh: '批号',
    en: 'Lot',
    aliases: ['批次', '批次号', 'Lot code', 'Batch'],
    hintZh: '空则为期初批',
    hintEn: 'empty: one opening lot',
  },
  { key: 'productionDate', zh: '生产日期', en: 'Production date', aliases: ['生产日'], hintZh: 'YYYY-MM-DD', hintEn: 'YYYY-MM-DD' },
  {
    key: 'expiryDate',
    zh: '到期日',
    en: 'Expiry date',
    aliases: ['有效期至', '保质期至', '过期日期', '失效日期', 'Expiry', 'Best before'],
    hintZh: 'YYYY-MM-DD；易腐品必填(或生产日期)',
    hintEn: 'YYYY-MM-DD; perishables need it (or production date)',
  },
  { key: 'qty', zh: '数量', en: 'Quantity', required: true, aliases: ['期初数量', '库存数量', 'Qty', 'On hand'] },
  {
    key: 'unit',
    zh: '单位',
    en: 'Unit',
    aliases: ['计量单位'],
    hintZh: '空则为基本单位，可填包装单位',
    hintEn: 'empty: base unit; or a pack unit',
  },
  {
    key: 'unitCost',
    zh: '单位成本',
    en: 'Unit cost',
    aliases: ['成本', '成本价', '进价', 'Cost'],
    hintZh: '每个所填单位的成本(元)；空则取默认进价',
    hintEn: 'cost per the unit given; empty: the default purchase price',
  },
];

/** An opening line as the command posts it: the batch to create, its base quantity and base cost. */
export type OpeningLine = DocumentLine & { batchId: string; lotCode: string; unitCost: number };

export interface PlannedOpeningRow {
  row: number;
  sku: string;
  action: ImportAction;
  problems: SheetProblem[];
  line?: OpeningLine;
}

export interface OpeningImportPlan {
  fileProblems: SheetProblem[];
  rows: PlannedOpeningRow[];
  counts: ImportCounts;
  toApply: OpeningLine[];
}

export interface OpeningSite {
  siteId: string;
  /** Today at the site: batches that expired before it are not opening stock. */
  businessDate: string;
  /** Every batch the site has held (any document), to find lots already there. */
  batches: readonly Pick<BatchDoc, 'id' | 'productId' | 'lotCode'>[];
}

/** The lot a row without one is given: one opening lot per site and day. */
export function openingLotCode(businessDate: string): string {
  return `OPEN-${businessDate.replaceAll('-', '')}`;
}

/** The batch a row creates: the same site, product, lot and expiry always name the same batch. */
export function openingBatchId(siteId: string, productId: string, lotCode: string, expiryDate: string | undefined): string {
  return derivedId(siteId, 'opening-batch', productId, lotCode.toUpperCase(), expiryDate ?? '');
}

/** 2026-3-5, 2026/03/05, 2026.3.5, 20260305 → 2026-03-05; anything else undefined. */
export function readSheetDate(text: string): string | undefined {
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidBusinessDate(date) ? date : undefined;
}

function dateCell(reader: RowReader<OpeningColumnKey>, key: 'productionDate' | 'expiryDate'): string | undefined {
  const raw = reader.text(key);
  if (raw === undefined) return undefined;
  return readSheetDate(raw) ?? reader.problem(key, 'bad-date', raw);
}

function readOpeningRow(
  reader: RowReader<OpeningColumnKey>,
  product: ProductDoc,
  site: OpeningSite,
): (OpeningLine & { expiryDate?: string }) | undefined {
  const before = reader.problems.length;
  const lotCode = reader.text('lotCode', { maxLength: 64 }) ?? openingLotCode(site.businessDate);
  const productionDate = dateCell(reader, 'productionDate');
  const expiryDate = dateCell(reader, 'expiryDate');
  const amount = reader.number('qty');
  if (amount === 0) reader.problem('qty', 'out-of-range', '0', '> 0');
  const unitText = reader.text('unit');
  const unit = unitText === undefined ? { unit: product.baseUnit, qtyInBase: 1 } : findUnit(unitText, product);
  if (!unit && unitText !== undefined)
    reader.problem('unit', 'unknown-value', unitText, [product.baseUnit, ...(product.packs ?? []).map((p) => p.unit)].join(', '));
  const cost = reader.number('unitCost');
  if (cost === undefined && !reader.problems.some((p) => p.column === 'unitCost') && product.purchasePrice === undefined)
    reader.problem('unitCost', 'required');
  if (
    product.perishable &&
    expiryDate === undefined &&
    productionDate === undefined &&
    !reader.problems.some((p) => p.column === 'expiryDate')
  )
    reader.problem('expiryDate', 'needs-expiry');
  if (expiryDate !== undefined && expiryDate < site.businessDate) reader.problem('expiryDate', 'expired', expiryDate, site.businessDate);
  if (reader.problems.length > before || amount === undefined || !unit) return undefined;
  const qty = roundQty(amount * unit.qtyInBase);
  // Per base unit, to a millionth of a yuan: 3 箱 at ¥48 stay ¥144 to the cent (the journal rounds).
  const unitCost = cost === undefined ? (product.purchasePrice ?? 0) : Math.round((cost / unit.qtyInBase) * 1e6) / 1e6;
  return {
    productId: product.id,
    batchId: openingBatchId(site.siteId, product.id, lotCode, expiryDate),
    lotCode,
    qty,
    unitCost,
    ...(unit.unit === product.baseUnit ? {} : { unit: unit.unit, unitQty: amount }),
    ...(productionDate === undefined ? {} : { productionDate }),
    ...(expiryDate === undefined ? {} : { expiryDate }),
  };
}

/** The dry run: every row's problems, what is new, what was imported before, the lines to post. */
export function planOpeningImport(records: readonly string[][], products: readonly ProductDoc[], site: OpeningSite): OpeningImportPlan {
  const [header = [], ...data] = records;
  const columns = matchHeaders(header, openingColumns);
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  const missing = (['sku', 'qty'] as const).filter((key) => !columns.has(key));
  if (missing.length > 0)
    return { fileProblems: missing.map((column) => ({ row: 1, column, kind: 'missing-column' as const })), rows: [], counts, toApply: [] };
  const bySku = new Map(products.map((product) => [product.sku.toUpperCase(), product]));
  const batchIds = new Set(site.batches.map((batch) => batch.id));
  const heldLots = new Map(site.batches.map((batch) => [`${batch.productId}\u0000${batch.lotCode.toUpperCase()}`, batch.id]));
  const firstRow = new Map<string, number>();
  const rows: PlannedOpeningRow[] = [];
  const toApply: OpeningLine[] = [];
  data.forEach((cells, index) => {
    const row = index + 2;
    if (isBlankRow(cells) || isTemplateHintRow(cells, columns, openingColumns)) return;
    const reader = new RowReader(row, cells, columns);
    const sku = reader.text('sku', { required: true }) ?? '';
    const product = sku === '' ? undefined : bySku.get(sku.toUpperCase());
    if (sku !== '' && !product) reader.problem('sku', 'unknown-product', sku);
    const line = product ? readOpeningRow(reader, product, site) : undefined;
    let action: ImportAction = 'invalid';
    if (line) {
      const first = firstRow.get(line.batchId);
      if (first !== undefined) reader.problem('lotCode', 'duplicate-batch', line.lotCode, String(first));
      else firstRow.set(line.batchId, row);
      const held = heldLots.get(`${line.productId}\u0000${line.lotCode.toUpperCase()}`);
      if (reader.problems.length === 0 && batchIds.has(line.batchId)) action = 'unchanged';
      else if (held !== undefined) reader.problem('lotCode', 'lot-held', line.lotCode);
      else if (reader.problems.length === 0) action = 'new';
    }
    if (action === 'new' && line) toApply.push(line);
    counts[action] += 1;
    rows.push({ row, sku, action, problems: reader.problems, ...(line && action !== 'invalid' ? { line } : {}) });
  });
  return { fileProblems: [], rows, counts, toApply };
}

function sheetColumns(language: SheetLanguage): TableModel['columns'] {
  return openingColumns.map((column) => ({ key: column.key, title: columnTitle(column, language), kind: 'text' as const }));
}

export function openingTemplate(language: SheetLanguage): TableModel {
  const zh = language === 'zh-CN';
  return {
    title: zh ? '期初库存导入模板' : 'Opening stock import template',
    columns: sheetColumns(language),
    rows: [
      templateHints(openingColumns, language),
      {
        sku: 'DRINK-COLA',
        name: zh ? '可乐 330ml' : 'Cola 330ml',
        lotCode: 'L20261120',
        productionDate: '2026-11-20',
        expiryDate: '2027-05-20',
        qty: '3',
        unit: '箱',
        unitCost: '48.00',
      },
    ],
  };
}
