import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpiryTag } from '../../ui/ExpiryTag';
import { gramsPerUnit } from '../../../shared/ops/quantity';
import { formatMoney, formatQty, productLabel } from '../../ui/format';
import { customSummary, useCustomFieldText, useCustomFields } from '../master-data/custom-field-ui';
import type { CustomValues } from '../../../shared/domain';
import { unitLabel } from '../../ui/units';
import type { StockRow } from './stock-rows';

/** Long names and lots end in "…" within their column, however wide the window makes it. */
const clipped = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** Cost per kg for weighed goods, else per base unit to four decimals (¥0.005/ml, not ¥0.01). */
function unitCostText(row: StockRow): string {
  const baseGrams = row.product ? gramsPerUnit(row.product.baseUnit) : undefined;
  if (baseGrams !== undefined) return `${formatMoney((row.unitCost * 1000) / baseGrams)}/kg`;
  const digits = Math.abs(row.unitCost) >= 1 || row.unitCost === 0 ? 2 : 4;
  const cost = `¥${row.unitCost.toFixed(digits).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
  return row.product ? `${cost}/${unitLabel(row.product.baseUnit, undefined, 1)}` : cost;
}

const qcColors: Record<string, string> = { pending: 'gold', released: 'default', quarantined: 'red', rejected: 'red' };

interface StockTableProps {
  rows: StockRow[];
  byProduct: boolean;
  showSite: boolean;
  siteName(id: string): string;
  loading: boolean;
  height: number;
}

/** Virtualised: a kitchen holds ~1,500 batches, so only the visible rows render. */
export function StockTable({ rows, byProduct, showSite, siteName, loading, height }: StockTableProps) {
  const { t, i18n } = useTranslation();
  const customFields = useCustomFields('product');
  const customText = useCustomFieldText();
  const customLine = (row: StockRow) =>
    row.product?.custom && customFields.length > 0 ? customSummary(customFields, row.product.custom as CustomValues, customText) : '';
  // Widths sum to 700 px: the whole table fits a 1024×768 till beside the menu. HQ reads the site
  // under the product name instead of in a column of its own, unit cost under the value.
  const columns: ColumnsType<StockRow> = [
    {
      title: t('stock.columns.product'),
      key: 'product',
      width: 160,
      render: (_: unknown, row: StockRow) => (
        <div>
          <Typography.Text strong style={clipped} title={row.product ? productLabel(row.product, i18n.language) : row.productId}>
            {row.product ? productLabel(row.product, i18n.language) : row.productId}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ ...clipped, fontSize: 12 }} data-testid="stock-row-detail">
            {showSite ? `${siteName(row.siteId)} · ` : ''}
            {row.product?.sku ?? ''}
            {row.product && !showSite ? ` · ${t(`stock.storage.${row.product.storageClass}`)}` : ''}
            {customLine(row) ? ` · ${customLine(row)}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: byProduct ? t('stock.columns.batches') : t('stock.columns.lot'),
      key: 'lot',
      width: 120,
      render: (_: unknown, row: StockRow) =>
        byProduct ? (
          t('stock.batchCount', { count: row.batchCount })
        ) : (
          <Typography.Text style={{ ...clipped, fontSize: 12 }} title={row.lotCode} data-testid="stock-lot">
            {row.lotCode ?? '—'}
          </Typography.Text>
        ),
    },
    {
      title: byProduct ? t('stock.columns.soonestExpiry') : t('stock.columns.expiry'),
      key: 'expiry',
      width: 105,
      render: (_: unknown, row: StockRow) => (
        <Space direction="vertical" size={0}>
          <span>{row.expiryDate ?? '—'}</span>
          {row.daysLeft === undefined ? null : (
            <Typography.Text type={row.daysLeft < 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="stock-days-left">
              {row.daysLeft < 0 ? t('stock.daysAgo', { count: -row.daysLeft }) : t('stock.daysLeft', { count: row.daysLeft })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('stock.columns.status'),
      key: 'status',
      width: 100,
      render: (_: unknown, row: StockRow) => (
        <Space size={4} wrap>
          {row.expiryDate ? <ExpiryTag status={row.status} /> : <Tag>{t('stock.noExpiry')}</Tag>}
          {row.qcStatus && row.qcStatus !== 'released' ? <Tag color={qcColors[row.qcStatus]}>{t(`ui.qc.${row.qcStatus}`)}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('stock.columns.onHand'),
      key: 'qty',
      width: 105,
      align: 'right',
      render: (_: unknown, row: StockRow) => (
        <Typography.Text strong type={row.qty < 0 ? 'danger' : undefined} data-testid="stock-qty">
          {formatQty(row.qty, row.product)}
        </Typography.Text>
      ),
    },
    {
      title: t('stock.columns.value'),
      key: 'value',
      width: 110,
      align: 'right',
      render: (_: unknown, row: StockRow) => (
        <Space direction="vertical" size={0} align="end">
          <span data-testid="stock-value">{formatMoney(row.value)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="stock-unit-cost">
            {t('stock.atUnitCost', { cost: unitCostText(row) })}
          </Typography.Text>
        </Space>
      ),
    },
  ];
  return (
    <Table<StockRow>
      virtual
      size="small"
      rowKey="key"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 100), 0), y: height }}
      locale={{ emptyText: loading ? t('common.loading') : t('stock.empty') }}
      data-testid="stock-table"
      onRow={(row) =>
        ({
          'data-testid': `stock-row-${row.product?.sku ?? row.productId}`,
          'data-batch': row.batchId,
          'data-status': row.status,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
