import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventDoc, ProductDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';
import { formatSiteTime, productLabel } from '../../ui/format';
import { readableQty } from './quantity';
import { overrideRecords, type OverrideRecord } from '../../../shared/forecast/overrides';

/** Every change people made to a suggestion at this site: what was suggested, what they sent. */
export function OverrideHistory({ siteId, products }: { siteId: string; products: ReadonlyMap<string, ProductDoc> }) {
  const { t, i18n } = useTranslation();
  const events = useRxQuery<EventDoc>((db) => db.events.find({ selector: { siteId, kind: 'audit' } }), [siteId]);
  if (events === null) return <Table loading dataSource={[]} />;
  const rows = overrideRecords(events);
  if (rows.length === 0) return <Empty description={t('forecast.overrides.empty')} />;
  return (
    <Table<OverrideRecord>
      data-testid="override-history"
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      columns={[
        { title: t('forecast.overrides.when'), key: 'at', render: (_, row) => formatSiteTime(row.at) },
        {
          title: t('forecast.overrides.product'),
          key: 'product',
          render: (_, row) => (products.get(row.productId) ? productLabel(products.get(row.productId)!, i18n.language) : row.productId),
        },
        {
          title: t('forecast.overrides.suggested'),
          key: 'suggested',
          align: 'right',
          render: (_, row) => readableQty(row.suggestedQty, products.get(row.productId)),
        },
        {
          title: t('forecast.overrides.confirmed'),
          key: 'confirmed',
          align: 'right',
          render: (_, row) => readableQty(row.confirmedQty, products.get(row.productId)),
        },
        {
          title: t('forecast.overrides.change'),
          key: 'change',
          align: 'right',
          render: (_, row) => {
            const change = row.confirmedQty - row.suggestedQty;
            return `${change > 0 ? '+' : ''}${readableQty(change, products.get(row.productId))}`;
          },
        },
        { title: t('forecast.overrides.document'), dataIndex: 'docNumber' },
      ]}
    />
  );
}
