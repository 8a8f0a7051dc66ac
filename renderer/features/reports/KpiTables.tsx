import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CellValue, KpiDashboard, MarginRow, TableColumn, TableModel } from '../../../shared/finance';
import type { ProductDoc } from '../../../shared/schemas';
import { formatMoney, productLabel } from '../../ui/format';
import { ExportButtons } from '../finance/ExportButtons';
import { useLabels } from '../finance/labels';
import { percent } from './format';

type Row = Record<string, CellValue>;

/** One KPI table on screen and the same rows as the Excel/CSV model. */
function KpiTable({ model, testId }: { model: TableModel; testId: string }) {
  const columns: ColumnsType<Row> = model.columns.map((column: TableColumn) => ({
    title: column.title,
    dataIndex: column.key,
    align: column.kind === 'money' || column.kind === 'number' || column.kind === 'percent' ? 'right' : 'left',
    render: (value: CellValue) =>
      typeof value === 'number'
        ? column.kind === 'money'
          ? formatMoney(value)
          : column.kind === 'percent'
            ? percent(value)
            : value
        : (value ?? (column.kind === 'percent' ? '—' : '')),
  }));
  return (
    <Card
      size="small"
      title={model.title}
      extra={<ExportButtons table={() => model} testId={`${testId}-export`} />}
      style={{ marginBottom: 16 }}
      data-testid={testId}
    >
      <Table<Row>
        size="small"
        rowKey={(_, index) => String(index)}
        columns={columns}
        dataSource={model.rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      />
    </Card>
  );
}

export function KpiTables({ dashboard, products }: { dashboard: KpiDashboard; products: ProductDoc[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const productName = new Map(products.map((p) => [p.id, productLabel(p, labels.language)]));
  const productCategory = new Map(products.map((p) => [p.id, p.category]));
  const range = `${dashboard.from}~${dashboard.to}`;
  const marginColumns = (keyTitle: string): TableColumn[] => [
    { key: 'key', title: keyTitle, kind: 'text' },
    { key: 'revenue', title: t('reports.tables.revenue'), kind: 'money' },
    { key: 'cogs', title: t('reports.tables.cogs'), kind: 'money' },
    { key: 'grossProfit', title: t('reports.tables.profit'), kind: 'money' },
    { key: 'margin', title: t('reports.tables.margin'), kind: 'percent' },
  ];
  const marginRows = (rows: MarginRow[], name: (key: string) => string) =>
    [...rows].sort((a, b) => b.revenue - a.revenue).map((row) => ({ ...row, key: name(row.key) }));

  const tables: { testId: string; model: TableModel }[] = [
    {
      testId: 'kpi-margin-category',
      model: {
        title: `${t('reports.tables.marginCategory')} ${range}`,
        columns: marginColumns(t('reports.tables.category')),
        rows: marginRows(dashboard.grossMargin.byCategory, labels.category),
      },
    },
    {
      testId: 'kpi-margin-site',
      model: {
        title: `${t('reports.tables.marginSite')} ${range}`,
        columns: marginColumns(t('reports.tables.site')),
        rows: marginRows(dashboard.grossMargin.bySite, labels.site),
      },
    },
    {
      testId: 'kpi-margin-product',
      model: {
        title: `${t('reports.tables.marginProduct')} ${range}`,
        columns: [
          ...marginColumns(t('reports.tables.product')).slice(0, 1),
          { key: 'category', title: t('reports.tables.category'), kind: 'text' },
          ...marginColumns('').slice(1),
        ],
        rows: [...dashboard.grossMargin.byProduct]
          .sort((a, b) => b.revenue - a.revenue)
          .map((row) => ({
            ...row,
            key: productName.get(row.key) ?? row.key,
            category: labels.category(productCategory.get(row.key) ?? 'uncategorised'),
          })),
      },
    },
    {
      testId: 'kpi-inventory',
      model: {
        title: `${t('reports.tables.inventory')} ${dashboard.to}`,
        columns: [
          { key: 'site', title: t('reports.tables.site'), kind: 'text' },
          { key: 'category', title: t('reports.tables.category'), kind: 'text' },
          { key: 'value', title: t('reports.tables.value'), kind: 'money' },
        ],
        rows: Object.entries(dashboard.inventoryValue.bySiteCategory).flatMap(([siteId, byCategory]) =>
          Object.entries(byCategory)
            .sort(([, a], [, b]) => b - a)
            .map(([category, value]) => ({ site: labels.site(siteId), category: labels.category(category), value })),
        ),
      },
    },
    {
      testId: 'kpi-near-expiry',
      model: {
        title: `${t('reports.tables.nearExpiry')} ${dashboard.to}`,
        columns: [
          { key: 'site', title: t('reports.tables.site'), kind: 'text' },
          { key: 'product', title: t('reports.tables.product'), kind: 'text' },
          { key: 'expiry', title: t('reports.tables.expiry'), kind: 'date' },
          { key: 'daysLeft', title: t('reports.tables.daysLeft'), kind: 'number' },
          { key: 'status', title: t('reports.tables.status'), kind: 'text' },
          { key: 'qty', title: t('reports.tables.qty'), kind: 'number' },
          { key: 'value', title: t('reports.tables.value'), kind: 'money' },
        ],
        rows: dashboard.nearExpiry.batches.map((b) => ({
          site: labels.site(b.siteId),
          product: productName.get(b.productId) ?? b.productId,
          expiry: b.expiryDate,
          daysLeft: b.daysLeft,
          status: t(`ui.expiry.${b.status}`),
          qty: Math.round(b.qty * 1000) / 1000,
          value: b.value,
        })),
      },
    },
    {
      testId: 'kpi-controls',
      model: {
        title: `${t('reports.tables.controls')} ${range}`,
        columns: [
          { key: 'site', title: t('reports.tables.site'), kind: 'text' },
          { key: 'fifo', title: t('reports.tables.fifo'), kind: 'number' },
          { key: 'price', title: t('reports.tables.price'), kind: 'number' },
        ],
        rows: [...new Set([...Object.keys(dashboard.fifoOverrides.bySite), ...Object.keys(dashboard.priceDeviations.bySite)])].map(
          (siteId) => ({
            site: labels.site(siteId),
            fifo: dashboard.fifoOverrides.bySite[siteId] ?? 0,
            price: dashboard.priceDeviations.bySite[siteId] ?? 0,
          }),
        ),
      },
    },
  ];
  return (
    <>
      {tables.map((table) => (
        <KpiTable key={table.testId} testId={table.testId} model={table.model} />
      ))}
    </>
  );
}
