import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpiryTag } from '../../ui/ExpiryTag';
import { formatMoney, formatQty, productLabel } from '../../ui/format';
import type { StockRow } from './stock-rows';

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
  const columns: ColumnsType<StockRow> = [
    ...(showSite
      ? [{ title: t('stock.columns.site'), key: 'site', width: 120, render: (_: unknown, row: StockRow) => siteName(row.siteId) }]
      : []),
    {
      title: t('stock.columns.product'),
      key: 'product',
      width: 210,
      render: (_: unknown, row: StockRow) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong ellipsis style={{ maxWidth: 195 }}>
            {row.product ? productLabel(row.product, i18n.language) : row.productId}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.product?.sku ?? ''}
            {row.product ? ` · ${t(`stock.storage.${row.product.storageClass}`)}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: byProduct ? t('stock.columns.batches') : t('stock.columns.lot'),
      key: 'lot',
      width: 130,
      render: (_: unknown, row: StockRow) =>
        byProduct ? t('stock.batchCount', { count: row.batchCount }) : <span data-testid="stock-lot">{row.lotCode ?? '—'}</span>,
    },
    {
      title: byProduct ? t('stock.columns.soonestExpiry') : t('stock.columns.expiry'),
      key: 'expiry',
      width: 105,
      render: (_: unknown, row: StockRow) => row.expiryDate ?? '—',
    },
    {
      title: t('stock.columns.daysLeft'),
      key: 'daysLeft',
      width: 80,
      align: 'right',
      render: (_: unknown, row: StockRow) =>
        row.daysLeft === undefined ? '—' : <Typography.Text type={row.daysLeft < 0 ? 'danger' : undefined}>{row.daysLeft}</Typography.Text>,
    },
    {
      title: t('stock.columns.status'),
      key: 'status',
      width: 140,
      render: (_: unknown, row: StockRow) => (
        <Space size={4} wrap={false}>
          {row.expiryDate ? <ExpiryTag status={row.status} /> : <Tag>{t('stock.noExpiry')}</Tag>}
          {row.qcStatus && row.qcStatus !== 'released' ? <Tag color={qcColors[row.qcStatus]}>{t(`ui.qc.${row.qcStatus}`)}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('stock.columns.onHand'),
      key: 'qty',
      width: 115,
      align: 'right',
      render: (_: unknown, row: StockRow) => (
        <Typography.Text strong type={row.qty < 0 ? 'danger' : undefined} data-testid="stock-qty">
          {formatQty(row.qty, row.product)}
        </Typography.Text>
      ),
    },
    {
      title: t('stock.columns.unitCost'),
      key: 'unitCost',
      width: 95,
      align: 'right',
      render: (_: unknown, row: StockRow) => formatMoney(row.unitCost),
    },
    {
      title: t('stock.columns.value'),
      key: 'value',
      width: 105,
      align: 'right',
      render: (_: unknown, row: StockRow) => formatMoney(row.value),
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
