import { Button, Card, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostingResult } from '../../../shared/domain';
import type { DocumentDoc } from '../../../shared/schemas';
import { useTerminal } from '../../db/hooks';
import { navigate } from '../../shell/routes';
import { useRoute } from '../../shell/useRoute';
import { formatMoney } from '../../ui/format';
import { useLabels } from '../finance/labels';
import { useProducts, usePurchasingDocuments, useSuppliers } from './data';
import { poState, receiptProgressOf } from './receiving';
import { PostedReceipt } from './PostedReceipt';
import { ReceiptForm } from './ReceiptForm';
import { SupplierReturn } from './SupplierReturn';
import { customColumns, useCustomFields, useCustomFieldText } from '../master-data/custom-field-ui';

/** 采购入库: receive against an approved PO or without one; return a received batch to its supplier. */
export default function GoodsReceiptsPage() {
  const { t } = useTranslation();
  const route = useRoute();
  const terminal = useTerminal();
  const labels = useLabels();
  const suppliers = useSuppliers();
  const products = useProducts();
  const docs = usePurchasingDocuments();
  const customFields = useCustomFields('goods-receipt');
  const customText = useCustomFieldText();
  const [returning, setReturning] = useState<DocumentDoc>();
  const [returned, setReturned] = useState<PostingResult>();
  const orderId = route.rest[0] === 'po' ? route.rest[1] : undefined;
  const receivable = useMemo(
    () =>
      docs.orders.filter(
        (order) =>
          order.siteId === terminal?.siteId &&
          ['approved', 'partially-received'].includes(poState(order, docs.approvals, receiptProgressOf(order, docs.receipts))),
      ),
    [docs, terminal],
  );
  const order = docs.orders.find((candidate) => candidate.id === orderId);
  const mine = docs.receipts.filter((receipt) => receipt.siteId === terminal?.siteId).slice(0, 50);

  return (
    <div data-testid="section-goods-receipts">
      <ReceiptForm
        key={order?.id ?? 'none'}
        order={order}
        orders={receivable}
        receipts={docs.receipts}
        suppliers={suppliers ?? []}
        products={products ?? []}
        onChooseOrder={(id) => (id ? navigate('goods-receipts', 'po', id) : navigate('goods-receipts'))}
      />
      <Card title={t('purchasing.receipt.recent')}>
        {returned && <PostedReceipt result={returned} onClose={() => setReturned(undefined)} messageKey="purchasing.returns.posted" />}
        <Table<DocumentDoc>
          size="small"
          data-testid="receipt-table"
          loading={docs.loading}
          rowKey="id"
          dataSource={mine}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('purchasing.receipt.empty') }}
          columns={[
            {
              title: t('purchasing.po.number'),
              key: 'n',
              render: (_, r) => <Typography.Link onClick={() => navigate('journal', 'doc', r.id)}>{r.number}</Typography.Link>,
            },
            { title: t('purchasing.po.date'), dataIndex: 'businessDate', width: 110 },
            { title: t('purchasing.po.supplier'), key: 's', render: (_, r) => labels.partner(r.partnerId) },
            ...customColumns<DocumentDoc>(customFields, customText, (r) => r.custom),
            {
              title: t('purchasing.po.total'),
              key: 't',
              align: 'right',
              render: (_, r) => formatMoney(r.lines.reduce((sum, line) => sum + line.qty * (line.unitCost ?? 0), 0)),
            },
            {
              title: '',
              key: 'r',
              render: (_, r) =>
                r.status === 'posted' && r.partnerId ? (
                  <Button size="small" onClick={() => setReturning(r)}>
                    {t('purchasing.receipt.returnAction')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {returning && (
        <SupplierReturn
          receipt={returning}
          onClose={() => setReturning(undefined)}
          onPosted={(result) => {
            setReturning(undefined);
            setReturned(result);
          }}
        />
      )}
    </div>
  );
}
