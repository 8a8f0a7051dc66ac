// Stock on hand as a sheet (库存导出): the rows the screen shows, with numeric cells and the
// headers of the opening-stock template (商品编码, 批号, 到期日, 数量, 单位, 单位成本), so a
// shop reads it beside its own spreadsheets. Quantities are in the base unit; the shown text
// in the product's units (3 箱 4 瓶) is a column of its own.
import type { TableModel } from '../../../shared/finance/export';
import type { StockRow } from './stock-rows';

export interface StockSheetNames {
  language: 'zh-CN' | 'en';
  site(id: string): string;
  product(row: StockRow): string;
  status(row: StockRow): string;
  /** The quantity as the screen shows it, in the product's units. */
  quantity(row: StockRow): string;
  /** HQ's custom product fields (产地 …), a column each after the name. */
  customFields?: readonly { id: string; title: string; number: boolean; value(row: StockRow): string | number | null }[];
}

export function stockSheet(
  rows: readonly StockRow[],
  names: StockSheetNames,
  options: { byProduct: boolean; showSite: boolean },
): TableModel {
  const zh = names.language === 'zh-CN';
  const columns: TableModel['columns'] = [
    ...(options.showSite ? [{ key: 'site', title: zh ? '站点' : 'Site', kind: 'text' as const }] : []),
    { key: 'sku', title: zh ? '商品编码' : 'Code', kind: 'text' },
    { key: 'name', title: zh ? '商品名称' : 'Name', kind: 'text' },
    ...(names.customFields ?? []).map((field) => ({
      key: `custom:${field.id}`,
      title: field.title,
      kind: field.number ? ('number' as const) : ('text' as const),
    })),
    ...(options.byProduct
      ? [{ key: 'batches', title: zh ? '批次数' : 'Batches', kind: 'number' as const }]
      : [
          { key: 'lotCode', title: zh ? '批号' : 'Lot', kind: 'text' as const },
          { key: 'expiryDate', title: zh ? '到期日' : 'Expiry date', kind: 'date' as const },
          { key: 'status', title: zh ? '状态' : 'Status', kind: 'text' as const },
        ]),
    { key: 'qty', title: zh ? '数量' : 'Quantity', kind: 'number' },
    { key: 'unit', title: zh ? '单位' : 'Unit', kind: 'text' },
    { key: 'shown', title: zh ? '数量(包装)' : 'Quantity (packs)', kind: 'text' },
    { key: 'unitCost', title: zh ? '单位成本' : 'Unit cost', kind: 'money' },
    { key: 'value', title: zh ? '金额' : 'Value', kind: 'money' },
  ];
  return {
    title: zh ? '库存' : 'Stock on hand',
    columns,
    rows: rows.map((row) => ({
      site: names.site(row.siteId),
      sku: row.product?.sku ?? row.productId,
      name: names.product(row),
      ...Object.fromEntries((names.customFields ?? []).map((field) => [`custom:${field.id}`, field.value(row)])),
      batches: row.batchCount,
      lotCode: row.lotCode ?? null,
      expiryDate: row.expiryDate ?? null,
      status: names.status(row),
      qty: row.qty,
      unit: row.product?.baseUnit ?? null,
      shown: names.quantity(row),
      unitCost: row.unitCost,
      value: row.value,
    })),
  };
}
