import { Alert, Card, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDoc, SiteDoc } from '../../../shared/schemas';
import { useRxQuery, useTerminal } from '../../db/hooks';
import { RequestForm } from './RequestForm';

const statusColors: Record<string, string> = {
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
  shipped: 'green',
  cancelled: 'default',
};

function deliveryOf(doc: DocumentDoc): string {
  return doc.deliveryDate ?? '—';
}

/** 门店要货: a quick order to the kitchen and the store's own requests with their status. */
export default function StoreRequestPage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const siteId = terminal?.siteId ?? '';
  const sites = useRxQuery<SiteDoc>((d) => d.sites.find({ selector: { kind: 'kitchen' } }), []);
  const mine = useRxQuery<DocumentDoc>(
    (d) => (siteId ? d.documents.find({ selector: { siteId, type: 'store-request' } }) : null),
    [siteId],
  );
  const [submitted, setSubmitted] = useState<string | null>(null);
  const kitchen = sites?.find((s) => s.active) ?? sites?.[0] ?? null;
  const kitchenName = kitchen ? (i18n.language === 'en' && kitchen.nameEn ? kitchen.nameEn : kitchen.name) : '';
  const rows = useMemo(() => [...(mine ?? [])].sort((a, b) => (a.at < b.at ? 1 : -1)), [mine]);
  return (
    <div data-testid="section-store-request">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {submitted ? (
          <Alert
            type="success"
            showIcon
            closable
            message={t('receiving.request.submitted', { number: submitted, kitchen: kitchenName })}
            data-testid="request-submitted"
            onClose={() => setSubmitted(null)}
          />
        ) : null}
        <RequestForm kitchenId={kitchen?.id ?? null} kitchenName={kitchenName} onSubmitted={setSubmitted} />
        <Card title={t('receiving.request.mine')}>
          <Table<DocumentDoc>
            size="small"
            rowKey="id"
            loading={mine === null}
            dataSource={rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('receiving.request.noneYet') }}
            data-testid="request-list"
            columns={[
              { title: t('receiving.request.listColumns.number'), dataIndex: 'number' },
              { title: t('receiving.request.listColumns.date'), dataIndex: 'businessDate', width: 120 },
              {
                title: t('receiving.request.listColumns.delivery'),
                key: 'delivery',
                width: 120,
                render: (_: unknown, doc) => deliveryOf(doc),
              },
              {
                title: t('receiving.request.listColumns.lines'),
                key: 'lines',
                width: 80,
                align: 'right',
                render: (_: unknown, doc) => doc.lines.length,
              },
              {
                title: t('receiving.request.listColumns.status'),
                key: 'status',
                width: 120,
                render: (_: unknown, doc) => (
                  <Tag color={statusColors[doc.status] ?? 'default'}>{t(`receiving.request.status.${doc.status}`)}</Tag>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
