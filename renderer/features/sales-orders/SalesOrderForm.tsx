// New customer order (销售订单): the customer, the day it wants the goods, and the products with
// their quantities and tax-inclusive prices (the site's price list, changeable to the agreed price).
// sales-order.submit confirms it, or holds it for approval (its amount, the credit limit).
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, InputNumber, Modal, Select, Space, Table, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, customerBalance, customerPriceOn, documentAmounts } from '../../../shared/domain';
import type { DocumentDoc, ProductDoc } from '../../../shared/schemas';
import { useDialogCommand } from '../../db/commands';
import { useRxQuery, useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { businessDateToday, formatMoney, newId, productLabel } from '../../ui/format';
import { QtyInput } from '../../ui/QtyInput';
import { useHeldNotice } from '../approvals/useHeldNotice';
import { ProductSearch } from '../counts/ProductSearch';
import { useScanCatalog } from '../counts/useScanCatalog';
import { useLabels, usePartners } from '../finance/labels';

interface OrderLine {
  key: string;
  product: ProductDoc;
  qty: number;
  unitPrice: number;
}

export function SalesOrderForm({ onClose }: { onClose(createdId?: string): void }) {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const catalog = useScanCatalog();
  const labels = useLabels();
  const heldNotice = useHeldNotice();
  const { message } = App.useApp();
  const customers = (usePartners() ?? []).filter((partner) => partner.active && (partner.kind === 'customer' || partner.kind === 'both'));
  const today = businessDateToday();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [deliveryDate, setDeliveryDate] = useState(() => addDays(today, 1));
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<OrderLine[]>([]);
  const { error, run } = useDialogCommand(() => undefined);
  const account = useRxQuery<DocumentDoc>(
    (db) => (terminal && customerId ? db.documents.find({ selector: { siteId: terminal.siteId, partnerId: customerId } }) : null),
    [terminal?.siteId, customerId],
  );
  const customer = customers.find((candidate) => candidate.id === customerId);
  const amounts = documentAmounts(lines.map((line) => ({ ...line, taxRate: line.product.taxRate })));
  const patch = (key: string, change: Partial<OrderLine>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const addProduct = (product: ProductDoc) => {
    if (lines.some((line) => line.product.id === product.id)) return;
    // The customer's agreed price (协议价), else the site's price list; changeable on the line.
    const unitPrice = terminal ? (customerPriceOn(product, customer, terminal.siteId, today) ?? 0) : 0;
    setLines((current) => [...current, { key: newId(), product, qty: 1, unitPrice }]);
  };
  const submit = () =>
    run(async (command) => {
      const { result } = await command('sales-order.submit', {
        partnerId: customerId ?? '',
        deliveryDate,
        ...(note.trim() ? { note: note.trim() } : {}),
        lines: lines.map((line) => ({ productId: line.product.id, qty: line.qty, unitPrice: line.unitPrice })),
      });
      const held = heldNotice(result);
      if (held) void message.warning(held);
      else void message.success(t('salesOrders.detail.confirmed', { number: result.number }));
      onClose(result.id);
    });

  return (
    <Modal
      open
      width={880}
      title={t('salesOrders.form.title')}
      onCancel={() => onClose()}
      onOk={() => void submit()}
      okText={t('salesOrders.form.submit', { amount: formatMoney(amounts.gross) })}
      okButtonProps={
        {
          disabled: !customerId || lines.length === 0 || lines.some((line) => !(line.qty > 0)),
          'data-testid': 'sales-order-submit',
        } as ButtonProps
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {customers.length === 0 && <Alert type="info" showIcon message={t('salesOrders.noCustomers')} />}
        <Space wrap align="end">
          <Space direction="vertical" size={2}>
            <Typography.Text>{t('salesOrders.form.customer')}</Typography.Text>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 280 }}
              value={customerId}
              onChange={(id: string) => {
                setCustomerId(id);
                const chosen = customers.find((candidate) => candidate.id === id);
                if (terminal)
                  setLines((current) =>
                    current.map((line) => ({
                      ...line,
                      unitPrice: customerPriceOn(line.product, chosen, terminal.siteId, today) ?? line.unitPrice,
                    })),
                  );
              }}
              options={customers.map((candidate) => ({ value: candidate.id, label: labels.partner(candidate.id) }))}
              data-testid="sales-order-customer"
            />
          </Space>
          <Space direction="vertical" size={2}>
            <Typography.Text>{t('salesOrders.form.deliveryDate')}</Typography.Text>
            <Input
              type="date"
              value={deliveryDate}
              min={today}
              onChange={(event) => setDeliveryDate(event.target.value || addDays(today, 1))}
              data-testid="sales-order-date"
            />
          </Space>
          <Space direction="vertical" size={2}>
            <Typography.Text>{t('salesOrders.form.note')}</Typography.Text>
            <Input style={{ width: 240 }} value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
          </Space>
        </Space>
        {customer?.creditLimit !== undefined && account && terminal && (
          <Typography.Text type="secondary" data-testid="sales-order-credit">
            {t('salesOrders.form.creditLeft', {
              owed: formatMoney(customerBalance(account, customer.id, terminal.siteId)),
              limit: formatMoney(customer.creditLimit),
            })}
          </Typography.Text>
        )}
        {catalog && <ProductSearch index={catalog.search} onPick={addProduct} testId="sales-order-search" />}
        <ErrorAlert error={error} testId="sales-order-error" />
        <Table<OrderLine>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={lines}
          locale={{ emptyText: t('salesOrders.form.noLines') }}
          columns={[
            {
              title: t('salesOrders.col.product'),
              key: 'product',
              render: (_, line) => `${productLabel(line.product, i18n.language)} · ${line.product.sku}`,
            },
            {
              title: t('salesOrders.col.ordered'),
              key: 'qty',
              width: 150,
              render: (_, line) => (
                <QtyInput
                  value={line.qty}
                  product={line.product}
                  onCommit={(qty) => patch(line.key, { qty })}
                  testId={`sales-order-qty-${line.product.sku}`}
                />
              ),
            },
            {
              title: t('salesOrders.col.unitPrice'),
              key: 'price',
              width: 130,
              render: (_, line) => (
                <InputNumber
                  min={0}
                  step={0.1}
                  precision={2}
                  prefix="¥"
                  value={line.unitPrice}
                  onChange={(value) => patch(line.key, { unitPrice: value ?? 0 })}
                  data-testid={`sales-order-price-${line.product.sku}`}
                />
              ),
            },
            {
              title: t('salesOrders.col.taxRate'),
              key: 'tax',
              width: 70,
              align: 'right',
              render: (_, line) => (line.product.taxRate ? `${Math.round(line.product.taxRate * 10000) / 100}%` : '—'),
            },
            {
              title: t('salesOrders.col.lineAmount'),
              key: 'amount',
              width: 110,
              align: 'right',
              render: (_, line) => formatMoney(line.qty * line.unitPrice),
            },
            {
              key: 'remove',
              width: 48,
              render: (_, line) => (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => setLines((current) => current.filter((other) => other.key !== line.key))}
                />
              ),
            },
          ]}
        />
        <Typography.Text data-testid="sales-order-totals">
          {t('salesOrders.detail.totals', {
            net: formatMoney(amounts.net),
            tax: formatMoney(amounts.tax),
            gross: formatMoney(amounts.gross),
          })}
        </Typography.Text>
      </Space>
    </Modal>
  );
}
