import { Alert, Button, Card, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDoc, StoreRequestDoc } from '../../../shared/schemas';
import { aggregatePickingList, openRequests, requestDeliveryDate, type PickingRow } from '../../../shared/ops/store-requests';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand, useRxQuery, useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { formatQty, productLabel } from '../../ui/format';
import { navigate } from '../../shell/routes';
import { DiscrepancyNotices } from './components/DiscrepancyNotices';
import { useDiscrepancies, useDispatches, useSiteNames } from './hooks';

/** 门店要货: open store requests, the picking list they add up to, and a draft dispatch per store. */
export default function RequestsInboxPage() {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const siteName = useSiteNames();
  const dispatches = useDispatches(terminal?.siteId);
  const discrepancies = useDiscrepancies(terminal?.siteId);
  const requests = useRxQuery<DocumentDoc>(
    (database) => database.documents.find({ selector: { type: 'store-request', status: 'submitted' } }),
    [],
  );
  const [selected, setSelected] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const open = useMemo(
    () =>
      requests && dispatches && terminal
        ? openRequests(
            requests.filter((doc): doc is StoreRequestDoc => doc.type === 'store-request'),
            terminal.siteId,
            dispatches,
          )
        : null,
    [requests, dispatches, terminal],
  );
  const chosenIds = useMemo(() => selected ?? open?.map((request) => request.id) ?? [], [selected, open]);
  const chosen = useMemo(() => (open ?? []).filter((request) => chosenIds.includes(request.id)), [open, chosenIds]);
  const picking = useMemo(() => aggregatePickingList(chosen), [chosen]);
  const stores = useMemo(() => [...new Set(chosen.map((request) => request.siteId))].sort(), [chosen]);

  if (!open || !ledger || !terminal) {
    return (
      <Card data-testid="section-requests">
        <Spin /> {t('common.loading')}
      </Card>
    );
  }
  const view = ledger.ledger;

  const createDispatches = async () => {
    if (!command || chosen.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const { result } = await command('dispatch.from-requests', { requestIds: chosen.map((request) => request.id) });
      setSelected(null);
      navigate('dispatch', ...(result.ids.length === 1 && result.ids[0] ? [result.ids[0]] : []));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="section-requests">
      {discrepancies && <DiscrepancyNotices events={discrepancies} limit={3} />}
      <Card title={t('kitchen.requests.title')}>
        <ErrorAlert error={error} />
        {open.length === 0 ? (
          <Empty description={t('kitchen.requests.none')} />
        ) : (
          <Table<StoreRequestDoc>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={open}
            data-testid="request-table"
            rowSelection={{ selectedRowKeys: chosenIds, onChange: (keys) => setSelected(keys.map(String)) }}
            columns={[
              { title: t('kitchen.requests.number'), dataIndex: 'number' },
              { title: t('kitchen.dispatch.store'), key: 'store', render: (_, request) => siteName(request.siteId) },
              { title: t('kitchen.requests.deliveryDate'), key: 'delivery', render: (_, request) => requestDeliveryDate(request) },
              { title: t('kitchen.dispatch.lines'), key: 'lines', align: 'right', render: (_, request) => request.lines.length },
              {
                title: t('kitchen.dispatch.note'),
                key: 'note',
                render: (_, request) =>
                  [
                    ...new Set(
                      request.lines.flatMap((line) => (line.unit && line.unitQty !== undefined ? [`${line.unitQty} ${line.unit}`] : [])),
                    ),
                  ].join('; ') ||
                  request.note ||
                  '—',
              },
            ]}
          />
        )}
      </Card>
      {open.length > 0 && (
        <Card
          title={t('kitchen.requests.pickingList')}
          extra={
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={chosen.length === 0 || busy}
              loading={busy}
              onClick={() => void createDispatches()}
              data-testid="create-dispatches"
            >
              {t('kitchen.requests.createDispatches', { count: stores.length })}
            </Button>
          }
        >
          {picking.length === 0 ? (
            <Alert type="info" message={t('kitchen.requests.selectSome')} />
          ) : (
            <Table<PickingRow>
              size="small"
              rowKey={(row) => `${row.deliveryDate}-${row.productId}`}
              pagination={false}
              dataSource={picking}
              data-testid="picking-list"
              columns={[
                { title: t('kitchen.requests.deliveryDate'), dataIndex: 'deliveryDate', width: 110 },
                {
                  title: t('kitchen.dispatch.product'),
                  key: 'product',
                  render: (_, row) => {
                    const p = view.product(row.productId);
                    return p ? productLabel(p, i18n.language) : row.productId;
                  },
                },
                ...stores.map((store) => ({
                  title: siteName(store),
                  key: store,
                  align: 'right' as const,
                  render: (_: unknown, row: PickingRow) =>
                    row.byStore[store] ? formatQty(row.byStore[store], view.product(row.productId)) : '—',
                })),
                {
                  title: t('kitchen.requests.total'),
                  key: 'total',
                  align: 'right',
                  render: (_, row) => <Typography.Text strong>{formatQty(row.total, view.product(row.productId))}</Typography.Text>,
                },
                {
                  title: t('kitchen.dispatch.kitchenOnHand'),
                  key: 'onHand',
                  align: 'right',
                  render: (_, row) => {
                    const onHand = view.productTotals(terminal.siteId, row.productId).qty;
                    return (
                      <Space size={4}>
                        {formatQty(onHand, view.product(row.productId))}
                        {onHand < row.total && <Tag color="red">{t('kitchen.requests.notEnough')}</Tag>}
                      </Space>
                    );
                  },
                },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
