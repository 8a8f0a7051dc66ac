import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Progress, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesOrderState } from '../../../shared/domain';
import { useTerminal } from '../../db/hooks';
import { navigate } from '../../shell/routes';
import { useRoute } from '../../shell/useRoute';
import { formatMoney } from '../../ui/format';
import { useLabels } from '../finance/labels';
import { SalesOrderDetail } from './SalesOrderDetail';
import { SalesOrderForm } from './SalesOrderForm';
import { useSalesOrders, type SalesOrderRow } from './useSalesOrders';

export const stateColors: Record<SalesOrderState, string> = {
  'awaiting-approval': 'gold',
  rejected: 'red',
  cancelled: 'default',
  open: 'blue',
  'partly-delivered': 'cyan',
  delivered: 'green',
};

/** 销售订单 (issue 17): a kitchen's or store's customer orders, or one at `#/sales-orders/<id>`. */
export default function SalesOrdersPage() {
  const { rest } = useRoute();
  const orderId = rest[0];
  return (
    <div data-testid="section-sales-orders">{orderId ? <SalesOrderDetail key={orderId} orderId={orderId} /> : <SalesOrderList />}</div>
  );
}

function SalesOrderList() {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const labels = useLabels();
  const rows = useSalesOrders(terminal?.siteId);
  const [creating, setCreating] = useState(false);
  if (!terminal)
    return (
      <Card>
        <Empty description={t('sections.notPaired')} />
      </Card>
    );
  const delivered = (row: SalesOrderRow) => {
    const ordered = row.progress.orderedValue;
    return ordered > 0 ? Math.round(((ordered - row.progress.remainingValue) / ordered) * 100) : 0;
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('salesOrders.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="sales-order-new">
          {t('salesOrders.new')}
        </Button>
      </Space>
      {rows === null ? (
        <Spin>
          <div style={{ height: 120 }} />
        </Spin>
      ) : (
        <Table<SalesOrderRow>
          size="small"
          rowKey={(row) => row.order.id}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 880 }}
          locale={{ emptyText: <Empty description={t('salesOrders.empty')} /> }}
          data-testid="sales-orders-table"
          columns={[
            {
              title: t('salesOrders.col.number'),
              key: 'number',
              width: 200,
              render: (_, row) => (
                <Typography.Link
                  onClick={() => navigate('sales-orders', row.order.id)}
                  data-testid="sales-order-link"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {row.order.number}
                </Typography.Link>
              ),
            },
            { title: t('salesOrders.col.customer'), key: 'customer', render: (_, row) => labels.partner(row.order.partnerId) },
            { title: t('salesOrders.col.date'), key: 'date', width: 110, render: (_, row) => row.order.businessDate },
            { title: t('salesOrders.col.deliveryDate'), key: 'wanted', width: 110, render: (_, row) => row.order.deliveryDate ?? '—' },
            {
              title: t('salesOrders.col.amount'),
              key: 'amount',
              width: 130,
              align: 'right',
              render: (_, row) => formatMoney(row.progress.orderedValue),
            },
            {
              title: t('salesOrders.col.delivered'),
              key: 'delivered',
              width: 140,
              render: (_, row) => <Progress percent={delivered(row)} size="small" />,
            },
            {
              title: t('salesOrders.col.status'),
              key: 'status',
              width: 110,
              render: (_, row) => <Tag color={stateColors[row.progress.state]}>{t(`salesOrders.state.${row.progress.state}`)}</Tag>,
            },
          ]}
        />
      )}
      {creating && (
        <SalesOrderForm
          onClose={(created) => {
            setCreating(false);
            if (created) navigate('sales-orders', created);
          }}
        />
      )}
    </Space>
  );
}
