import { Card, Select, Table, Tag, Tooltip, Typography, Button } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionFor, purchaseOrderTotals, receiptProgress, receiptsForOrder } from '../../../shared/finance';
import { useTerminal } from '../../db/hooks';
import { navigate } from '../../shell/routes';
import { formatMoney } from '../../ui/format';
import { useLabels, useSites } from '../finance/labels';
import { ApprovalQueue } from './ApprovalQueue';
import { useProducts, usePurchasingDocuments, useSuppliers } from './data';
import { poState, type PoState } from './model';
import { PoForm } from './PoForm';
import { customColumns, useCustomFields, useCustomFieldText } from '../master-data/custom-field-ui';

const stateColours: Record<PoState, string> = {
  draft: 'default',
  held: 'orange',
  approved: 'green',
  rejected: 'red',
  'partially-received': 'blue',
  received: 'default',
  cancelled: 'default',
};

/** 采购订单: new orders (budget-checked), the list with status and receipt progress; HQ approves. */
export default function PurchaseOrdersPage() {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const labels = useLabels();
  const sites = useSites();
  const suppliers = useSuppliers();
  const products = useProducts();
  const docs = usePurchasingDocuments();
  const customFields = useCustomFields('purchase-order');
  const customText = useCustomFieldText();
  const [siteFilter, setSiteFilter] = useState('');
  const isHq = terminal?.siteKind === 'hq';
  const mine = useMemo(
    () => docs.orders.filter((order) => (isHq ? !siteFilter || order.siteId === siteFilter : order.siteId === terminal?.siteId)),
    [docs.orders, isHq, siteFilter, terminal],
  );
  const rows = useMemo(
    () =>
      mine.map((order) => {
        const progress = receiptProgress(order, receiptsForOrder(order, docs.receipts));
        return { order, progress, state: poState(order, docs.approvals, progress.status), total: purchaseOrderTotals(order).total };
      }),
    [mine, docs.receipts, docs.approvals],
  );
  type Row = (typeof rows)[number];

  return (
    <div data-testid="section-purchasing">
      {isHq && <ApprovalQueue orders={docs.orders} approvals={docs.approvals} />}
      <PoForm suppliers={suppliers ?? []} products={products ?? []} />
      <Card
        title={t('purchasing.po.title')}
        extra={
          isHq && (
            <Select
              style={{ minWidth: 160 }}
              value={siteFilter}
              onChange={setSiteFilter}
              options={[
                { value: '', label: t('finance.journal.allSites') },
                ...(sites ?? []).map((s) => ({ value: s.id, label: labels.site(s.id) })),
              ]}
            />
          )
        }
      >
        <Table<Row>
          data-testid="po-table"
          size="small"
          loading={docs.loading}
          rowKey={(row) => row.order.id}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('purchasing.po.empty') }}
          columns={[
            {
              title: t('purchasing.po.number'),
              key: 'number',
              render: (_, row) => (
                <Typography.Link style={{ whiteSpace: 'nowrap' }} onClick={() => navigate('journal', 'doc', row.order.id)}>
                  {row.order.number}
                </Typography.Link>
              ),
            },
            { title: t('purchasing.po.date'), key: 'date', width: 110, render: (_, row) => row.order.businessDate },
            ...(isHq
              ? [{ title: t('purchasing.po.site'), key: 'site', render: (_: unknown, row: Row) => labels.site(row.order.siteId) }]
              : []),
            { title: t('purchasing.po.supplier'), key: 'supplier', render: (_, row) => labels.partner(row.order.partnerId) },
            { title: t('purchasing.po.expected'), key: 'expected', width: 110, render: (_, row) => row.order.expectedDate ?? '—' },
            ...customColumns<Row>(customFields, customText, (row) => row.order.custom),
            { title: t('purchasing.po.total'), key: 'total', align: 'right', render: (_, row) => formatMoney(row.total) },
            {
              title: t('purchasing.po.status'),
              key: 'state',
              render: (_, row) => {
                const decision = decisionFor(row.order, docs.approvals);
                const tag = (
                  <Tag color={stateColours[row.state]} data-testid={`po-state-${row.order.number}`}>
                    {t(`purchasing.states.${row.state}`)}
                  </Tag>
                );
                return decision ? <Tooltip title={t('purchasing.approvals.decidedBy', { note: decision.note ?? '' })}>{tag}</Tooltip> : tag;
              },
            },
            {
              title: t('purchasing.po.progress'),
              key: 'progress',
              render: (_, row) => row.progress.lines.map((line) => `${line.received}/${line.ordered}`).join(' · '),
            },
            {
              title: '',
              key: 'receive',
              render: (_, row) =>
                row.order.siteId === terminal?.siteId && (row.state === 'approved' || row.state === 'partially-received') ? (
                  <Button
                    size="small"
                    data-testid={`receive-${row.order.number}`}
                    onClick={() => navigate('goods-receipts', 'po', row.order.id)}
                  >
                    {t('purchasing.po.receive')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </div>
  );
}
