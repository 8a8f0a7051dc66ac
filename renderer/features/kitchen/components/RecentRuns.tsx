import { Card, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDoc, ProductionRunDoc } from '../../../../shared/schemas';
import { useLedgerAtHand, useRxQuery } from '../../../db/hooks';
import { formatQty, productLabel } from '../../../ui/format';
import { formatUnitCost } from '../format';

/** The kitchen's latest production runs, each with the batch it made. */
export function RecentRuns({ siteId }: { siteId: string }) {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  const rows = useRxQuery<DocumentDoc>((db) => db.documents.find({ selector: { siteId, type: 'production-run' } }), [siteId]);
  const recent = useMemo(
    () =>
      rows
        ? rows
            .filter((doc): doc is ProductionRunDoc => doc.type === 'production-run')
            .sort((a, b) => (a.at < b.at ? 1 : -1))
            .slice(0, 15)
        : null,
    [rows],
  );
  return (
    <Card title={t('kitchen.production.recent')} size="small">
      <Table<ProductionRunDoc>
        size="small"
        loading={recent === null}
        rowKey="id"
        pagination={false}
        dataSource={recent ?? []}
        locale={{ emptyText: t('kitchen.production.noRuns') }}
        columns={[
          { title: t('kitchen.dispatch.number'), dataIndex: 'number' },
          { title: t('kitchen.dispatch.date'), dataIndex: 'businessDate' },
          {
            title: t('kitchen.production.product'),
            key: 'p',
            render: (_, run) => {
              const p = ledger?.ledger.product(run.outputProductId);
              return p ? productLabel(p, i18n.language) : run.outputProductId;
            },
          },
          {
            title: t('kitchen.production.made'),
            key: 'q',
            align: 'right',
            render: (_, run) => formatQty(run.outputQty, ledger?.ledger.product(run.outputProductId)),
          },
          { title: t('kitchen.dispatch.lot'), key: 'lot', render: (_, run) => <Typography.Text code>{run.outputLotCode}</Typography.Text> },
          {
            title: t('kitchen.production.expiry'),
            key: 'e',
            render: (_, run) => ledger?.ledger.batch(run.outputBatchId)?.expiryDate ?? '—',
          },
          {
            title: t('kitchen.production.unitCost'),
            key: 'c',
            align: 'right',
            render: (_, run) => {
              const b = ledger?.ledger.batch(run.outputBatchId);
              return b ? formatUnitCost(b.unitCost) : '—';
            },
          },
        ]}
      />
    </Card>
  );
}
