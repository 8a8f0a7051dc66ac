import { Button, Card, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShipmentDoc, ShipmentType } from '../../../../shared/schemas';
import { useCommand } from '../../../db/commands';
import { useTerminal } from '../../../db/hooks';
import { ErrorAlert } from '../../../ui/errors';
import { navigate } from '../../../shell/routes';
import { discrepancyDispatchId, shipmentRoutes, useDiscrepancies, useDispatches, useSiteNames, useSites } from '../hooks';
import { DiscrepancyNotices } from './DiscrepancyNotices';

type StatusFilter = 'all' | 'draft' | 'picked' | 'shipped';
export const statusColors: Record<string, string> = { draft: 'default', picked: 'blue', shipped: 'green', cancelled: 'red' };

/**
 * 配送单 list (a kitchen's dispatches) or 调拨单 list (a store's transfers to other stores): filters
 * by status, store and number; a new draft for a chosen store.
 */
export function DispatchList({ kind = 'dispatch' }: { kind?: ShipmentType }) {
  const { t } = useTranslation();
  const command = useCommand();
  const terminal = useTerminal();
  const route = shipmentRoutes[kind];
  // Texts that differ between the two lists.
  const text = (key: 'new' | 'chooseStore' | 'searchNumber' | 'none') => t(`kitchen.${kind}.${key}`);
  const dispatches = useDispatches(terminal?.siteId, kind);
  const discrepancies = useDiscrepancies(terminal?.siteId);
  const sites = useSites();
  const siteName = useSiteNames();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [store, setStore] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [newStore, setNewStore] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A transfer goes to another store than this one.
  const stores = useMemo(
    () => (sites ?? []).filter((site) => site.kind === 'store' && site.active && site.id !== terminal?.siteId),
    [sites, terminal?.siteId],
  );
  const withDiscrepancy = useMemo(() => new Set((discrepancies ?? []).map(discrepancyDispatchId)), [discrepancies]);

  const shown = useMemo(
    () =>
      (dispatches ?? []).filter(
        (dispatch) =>
          (status === 'all' || dispatch.status === status) &&
          (!store || dispatch.toSiteId === store) &&
          (search.trim() === '' || dispatch.number.toLowerCase().includes(search.trim().toLowerCase())),
      ),
    [dispatches, status, store, search],
  );

  const create = async () => {
    if (!command || !newStore) return;
    try {
      const { result } = await command(kind === 'transfer' ? 'transfer.create' : 'dispatch.create', { toSiteId: newStore });
      navigate(route, result.id);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {discrepancies && <DiscrepancyNotices events={discrepancies} limit={3} route={route} />}
      <Card
        title={t(`nav.${route}`)}
        extra={
          <Space>
            <Select
              placeholder={text('chooseStore')}
              style={{ minWidth: 180 }}
              value={newStore}
              onChange={setNewStore}
              options={stores.map((site) => ({ value: site.id, label: siteName(site.id) }))}
              data-testid="new-dispatch-store"
            />
            <Button type="primary" icon={<PlusOutlined />} disabled={!newStore} onClick={() => void create()} data-testid="new-dispatch">
              {text('new')}
            </Button>
          </Space>
        }
      >
        <ErrorAlert error={error} />
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={(['all', 'draft', 'picked', 'shipped'] as const).map((value) => ({ value, label: t(`kitchen.status.${value}`) }))}
            data-testid="dispatch-status-filter"
          />
          <Select
            allowClear
            placeholder={t('kitchen.dispatch.allStores')}
            style={{ minWidth: 160 }}
            value={store}
            onChange={(value) => setStore(value ?? null)}
            options={stores.map((site) => ({ value: site.id, label: siteName(site.id) }))}
          />
          <Input.Search
            allowClear
            placeholder={text('searchNumber')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 220 }}
          />
        </Space>
        <Table<ShipmentDoc>
          size="small"
          rowKey="id"
          loading={dispatches === null}
          dataSource={shown}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          locale={{ emptyText: text('none') }}
          onRow={(dispatch) => ({ onClick: () => navigate(route, dispatch.id), style: { cursor: 'pointer' } })}
          data-testid="dispatch-table"
          columns={[
            {
              title: t('kitchen.dispatch.number'),
              dataIndex: 'number',
              render: (number: string, dispatch) => (
                <Typography.Link data-testid="dispatch-link" onClick={() => navigate(route, dispatch.id)}>
                  {number}
                </Typography.Link>
              ),
            },
            { title: t('kitchen.dispatch.date'), dataIndex: 'businessDate' },
            { title: t('kitchen.dispatch.store'), key: 'store', render: (_, dispatch) => siteName(dispatch.toSiteId) },
            { title: t('kitchen.dispatch.lines'), key: 'lines', align: 'right', render: (_, dispatch) => dispatch.lines.length },
            {
              title: t('kitchen.dispatch.status'),
              key: 'status',
              render: (_, dispatch) => (
                <Space size={4}>
                  <Tag color={statusColors[dispatch.status]} data-testid="dispatch-status">
                    {t(`kitchen.status.${dispatch.status}`, { defaultValue: dispatch.status })}
                  </Tag>
                  {withDiscrepancy.has(dispatch.id) && <Tag color="orange">{t('kitchen.discrepancy.tag')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
