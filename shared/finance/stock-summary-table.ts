/**
 * The 收发存汇总 as a table: the screen shows it and the Excel/CSV export writes it, so both hold
 * the same figures (numeric cells, headers in the reader's language). Columns of kinds nothing
 * moved by in the range are left out; quantities only where a row is one product.
 */
import type { TableModel } from './export';
import {
  inColumns,
  type Amount,
  type InColumn,
  type OutColumn,
  type StockSummary,
  type StockSummaryRow,
  type SummaryColumn,
} from './stock-summary';

export type SummaryLanguage = 'zh-CN' | 'en';

const columnNames: Readonly<Record<SummaryColumn | 'openingBalance' | 'totalIn' | 'totalOut' | 'closing', readonly [string, string]>> = {
  openingBalance: ['期初结存', 'Opening'],
  opening: ['期初入库', 'Opening stock in'],
  receipt: ['采购入库', 'Purchases'],
  'dispatch-in': ['配送调拨入库', 'Dispatches & transfers in'],
  'production-output': ['生产入库', 'Produced'],
  'return-in': ['客户退货', 'Customer returns'],
  'count-gain': ['盘盈', 'Count gains'],
  'other-in': ['其他入库', 'Other in'],
  totalIn: ['入库合计', 'Total in'],
  sale: ['销售出库', 'Sales'],
  consumption: ['消耗', 'Consumption'],
  'dispatch-out': ['配送调拨出库', 'Dispatches & transfers out'],
  'production-consume': ['生产领用', 'Used in production'],
  waste: ['报损', 'Waste'],
  'return-out': ['退供应商', 'Returned to suppliers'],
  'count-loss': ['盘亏', 'Count losses'],
  'other-out': ['其他出库', 'Other out'],
  totalOut: ['出库合计', 'Total out'],
  closing: ['期末结存', 'Closing'],
};

export type SummaryGroupKey = keyof typeof columnNames;

export function summaryGroupTitle(key: SummaryGroupKey, language: SummaryLanguage): string {
  return columnNames[key][language === 'zh-CN' ? 0 : 1];
}

/**
 * The figures of a row, in order: opening, each kind that came in, total in, each kind that went
 * out, total out, closing. `detail: false` keeps the four a screen at 1024 px shows by default.
 */
export function summaryGroups(summary: StockSummary, detail = true): [SummaryGroupKey, (row: StockSummaryRow) => Amount][] {
  const byKind = (columns: SummaryColumn[], pick: (row: StockSummaryRow, column: SummaryColumn) => Amount) =>
    detail ? columns.map((column): [SummaryGroupKey, (row: StockSummaryRow) => Amount] => [column, (row) => pick(row, column)]) : [];
  return [
    ['openingBalance', (row) => row.opening],
    ...byKind(summary.usedColumns.filter(isIn), (row, column) => row.in[column as InColumn]),
    ['totalIn', (row) => row.totalIn],
    ...byKind(summary.usedColumns.filter(isOut), (row, column) => row.out[column as OutColumn]),
    ['totalOut', (row) => row.totalOut],
    ['closing', (row) => row.closing],
  ];
}

export interface SummaryNames {
  /** The row's name: product name, category name or site name. */
  name(key: string): string;
  /** The product code, for product rows. */
  code?(key: string): string;
  /** The product's base unit, for product rows. */
  unit?(key: string): string;
}

export function stockSummaryTable(summary: StockSummary, names: SummaryNames, language: SummaryLanguage): TableModel {
  const zh = language === 'zh-CN';
  const withQty = summary.grouping === 'product';
  const title = (key: SummaryGroupKey) => summaryGroupTitle(key, language);
  const groups = summaryGroups(summary);
  const nameTitle = { product: ['商品名称', 'Product'], category: ['分类', 'Category'], site: ['站点', 'Site'] }[summary.grouping];
  const columns: TableModel['columns'] = [
    { key: 'name', title: nameTitle[zh ? 0 : 1]!, kind: 'text' },
    ...(withQty
      ? [
          { key: 'code', title: zh ? '商品编码' : 'Code', kind: 'text' as const },
          { key: 'unit', title: zh ? '单位' : 'Unit', kind: 'text' as const },
        ]
      : []),
    ...groups.flatMap(([key]) => [
      ...(withQty ? [{ key: `${key}.qty`, title: `${title(key)}${zh ? '数量' : ' qty'}`, kind: 'number' as const }] : []),
      {
        key: `${key}.value`,
        title: `${title(key)}${zh ? '金额' : withQty ? ' value' : ''}`,
        kind: 'money' as const,
      },
    ]),
  ];
  const cells = (row: StockSummaryRow) =>
    Object.fromEntries(
      groups.flatMap(([key, pick]) => {
        const amount = pick(row);
        return [...(withQty ? [[`${key}.qty`, amount.qty]] : []), [`${key}.value`, amount.value]];
      }),
    );
  const rows = summary.rows.map((row) => ({
    name: names.name(row.key),
    ...(withQty ? { code: names.code?.(row.key) ?? row.key, unit: names.unit?.(row.key) ?? '' } : {}),
    ...cells(row),
  }));
  // Totals add up different products: values only (their quantities are null).
  const totals = { name: zh ? '合计' : 'Total', ...cells(summary.totals) };
  return {
    title: `${zh ? '收发存汇总' : 'Stock movement summary'} ${summary.from}–${summary.to}`,
    columns,
    rows: [...rows, totals],
  };
}

const inKeys: ReadonlySet<string> = new Set(inColumns);
const isIn = (column: SummaryColumn): column is InColumn => inKeys.has(column);
const isOut = (column: SummaryColumn): column is OutColumn => !inKeys.has(column);
