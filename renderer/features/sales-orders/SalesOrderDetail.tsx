// One customer order: its lines with what is delivered and left, its totals (amount + VAT), the
// deliveries so far, and — while something is left — this delivery, proposed FEFO per line as at
// the till (a later batch needs a reason), posted on the customer's account by sales-order.deliver.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentAmounts, isDeliverable, type SalesOrderLineProgress } from '../../../shared/domain';
import { useCommand, useDialogCommand } from '../../db/commands';
import { useLedgerAtHand, useTerminal } from '../../db/hooks';
import { navigate } from '../../shell/routes';
import { ErrorAlert } from '../../ui/errors';
import { businessDateToday, formatMoney, formatQty, productLabel } from '../../ui/format';
import { useLabels } from '../finance/labels';
import { SaleLinesTable, type SaleLine } from '../sales/SaleLinesTable';
import { SalesSlipButton } from './SalesSlipButton';
import { stateColors } from './SalesOrdersPage';
import { useSalesOrders, type SalesOrderRow } from './useSalesOrders';

export function SalesOrderDetail({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const rows = useSalesOrders(terminal?.siteId);
  const row = rows?.find((candidate) => candidate.order.id === orderId);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('sales-orders')} style={{ paddingLeft: 0 }}>
        {t('salesOrders.detail.back')}
      </Button>
      {rows === null ? (
        <Spin>
          <div style={{ height: 120 }} />
        </Spin>
      ) : row ? (
        // A new key after each delivery starts the next one from what is left.
        <OrderView key={`${row.progress.deliveries.length}-${row.order.status}`} row={row} />
      ) : (
        <Empty description={orderId} />
      )}
    </Space>
  );
}

function OrderView({ row }: { row: SalesOrderRow }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const ledger = useLedgerAtHand();
  const labels = useLabels();
  const command = useCommand();
  const { order, progress } = row;
  const [lines, setLines] = useState<SaleLine[]>(() =>
    progress.lines
      .filter((line) => line.remaining > 0)
      .map((line) => ({ key: line.productId, productId: line.productId, qty: line.remaining, unitPrice: line.unitPrice })),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const totals = documentAmounts(order.lines);
  const deliveryAmount = useMemo(
    () =>
      documentAmounts(
        lines.map((line) => ({ ...line, taxRate: progress.lines.find((ordered) => ordered.productId === line.productId)?.taxRate })),
      ).gross,
    [lines, progress.lines],
  );
  const productName = (productId: string) => {
    const product = ledger?.ledger.product(productId);
    return product ? productLabel(product, i18n.language) : productId;
  };
  const deliver = async () => {
    if (!command) return;
    setBusy(true);
    setError(null);
    try {
      const { result } = await command('sales-order.deliver', {
        orderId: order.id,
        lines: lines
          .filter((line) => line.qty > 0)
          .map((line) => ({
            productId: line.productId,
            qty: line.qty,
            ...(line.batchId ? { batchId: line.batchId } : {}),
            ...(line.batchId && line.fifoOverrideReason ? { fifoOverrideReason: line.fifoOverrideReason } : {}),
          })),
      });
      void message.success(t('salesOrders.detail.delivered', { number: result.number }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="sales-order-number">
          {t('salesOrders.title')} {order.number}
        </Typography.Title>
        <Tag color={stateColors[progress.state]} data-testid="sales-order-state">
          {t(`salesOrders.state.${progress.state}`)}
        </Tag>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('salesOrders.col.customer')}>{labels.partner(order.partnerId)}</Descriptions.Item>
        <Descriptions.Item label={t('salesOrders.col.date')}>{order.businessDate}</Descriptions.Item>
        <Descriptions.Item label={t('salesOrders.col.deliveryDate')}>{order.deliveryDate ?? '—'}</Descriptions.Item>
        {order.note && (
          <Descriptions.Item label={t('salesOrders.form.note')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{order.note}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {progress.state === 'awaiting-approval' && <Alert type="warning" showIcon message={t('salesOrders.detail.awaiting')} />}
      <Table<SalesOrderLineProgress>
        size="small"
        pagination={false}
        rowKey="productId"
        dataSource={progress.lines}
        scroll={{ x: 680 }}
        data-testid="sales-order-lines"
        columns={[
          { title: t('salesOrders.col.product'), key: 'product', render: (_, line) => productName(line.productId) },
          ...(['ordered', 'delivered', 'remaining'] as const).map((field) => ({
            title: t(`salesOrders.col.${field}`),
            key: field,
            width: 100,
            align: 'right' as const,
            render: (_: unknown, line: SalesOrderLineProgress) => formatQty(line[field], ledger?.ledger.product(line.productId)),
          })),
          {
            title: t('salesOrders.col.unitPrice'),
            key: 'price',
            width: 110,
            align: 'right',
            render: (_, line) => formatMoney(line.unitPrice),
          },
          {
            title: t('salesOrders.col.taxRate'),
            key: 'tax',
            width: 70,
            align: 'right',
            render: (_, line) => (line.taxRate ? `${Math.round(line.taxRate * 10000) / 100}%` : '—'),
          },
          {
            title: t('salesOrders.col.lineAmount'),
            key: 'amount',
            width: 110,
            align: 'right',
            render: (_, line) => formatMoney(line.ordered * line.unitPrice),
          },
        ]}
      />
      <Typography.Text strong data-testid="sales-order-totals">
        {t('salesOrders.detail.totals', { net: formatMoney(totals.net), tax: formatMoney(totals.tax), gross: formatMoney(totals.gross) })}
      </Typography.Text>
      {isDeliverable(progress) && ledger && (
        <Card size="small" title={t('salesOrders.col.deliver')} data-testid="sales-order-delivery">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('salesOrders.detail.deliverHint')}</Typography.Text>
            <ErrorAlert error={error} testId="sales-order-deliver-error" />
            <SaleLinesTable
              lines={lines}
              ledger={ledger.ledger}
              siteId={order.siteId}
              businessDate={businessDateToday()}
              withPrice={false}
              onChange={(key, patch) => setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)))}
              onRemove={(key) => setLines((current) => current.filter((line) => line.key !== key))}
            />
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              <Button danger onClick={() => setCancelling(true)} data-testid="sales-order-cancel">
                {t('salesOrders.detail.cancel')}
              </Button>
              <Button
                type="primary"
                size="large"
                loading={busy}
                disabled={lines.every((line) => !(line.qty > 0))}
                onClick={() => void deliver()}
                data-testid="sales-order-deliver"
              >
                {t('salesOrders.detail.deliver', { amount: formatMoney(deliveryAmount) })}
              </Button>
            </Space>
          </Space>
        </Card>
      )}
      <Card size="small" title={t('salesOrders.detail.deliveries')}>
        {progress.deliveries.length === 0 ? (
          <Typography.Text type="secondary">{t('salesOrders.detail.noDeliveries')}</Typography.Text>
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={progress.deliveries}
            data-testid="sales-order-deliveries"
            columns={[
              {
                title: t('salesOrders.col.saleNumber'),
                key: 'number',
                render: (_, sale) => <Typography.Link onClick={() => navigate('journal', 'doc', sale.id)}>{sale.number}</Typography.Link>,
              },
              { title: t('salesOrders.col.deliveredOn'), key: 'date', render: (_, sale) => sale.businessDate },
              {
                title: t('salesOrders.col.amount'),
                key: 'amount',
                align: 'right',
                render: (_, sale) => formatMoney(documentAmounts(sale.lines).gross),
              },
              {
                key: 'print',
                width: 150,
                render: (_, sale) => sale.type === 'sale' && <SalesSlipButton sale={sale} orderNumber={order.number} />,
              },
            ]}
          />
        )}
      </Card>
      {cancelling && <CancelDialog orderId={order.id} number={order.number} onClose={() => setCancelling(false)} />}
    </Space>
  );
}

function CancelDialog({ orderId, number, onClose }: { orderId: string; number: string; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { error, run } = useDialogCommand(onClose);
  return (
    <Modal
      open
      title={t('salesOrders.detail.cancelTitle', { number })}
      onCancel={onClose}
      onOk={() => void run((command) => command('sales-order.cancel', { orderId, reason }))}
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
    >
      <ErrorAlert error={error} testId="sales-order-cancel-error" />
      <Input.TextArea
        rows={3}
        placeholder={t('salesOrders.detail.cancelReason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        data-testid="sales-order-cancel-reason"
      />
    </Modal>
  );
}
