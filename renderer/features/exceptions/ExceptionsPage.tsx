import { App as AntApp, Card, Empty, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listStockExceptions, QTY_EPSILON } from '../../../shared/domain';
import { exceptionViews } from '../../../shared/ops';
import { useLedgerRead, useTerminal } from '../../db/hooks';
import { useSites } from '../food-safety/site-names';
import { ExceptionCard } from './ExceptionCard';

/** 库存异常: batches below zero after sync, with the postings involved and how to resolve each. */
export default function ExceptionsPage() {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const { siteName } = useSites();
  const [siteFilter, setSiteFilter] = useState<string>('all');
  const isHq = terminal?.siteKind === 'hq';

  const views = useLedgerRead(
    async (ledger) => {
      if (!terminal) return null;
      // An exception is a batch below zero now: read the history of those batches only, by index.
      const negative = ledger.ledger.positions().filter((p) => p.qty < -QTY_EPSILON && (isHq || p.siteId === terminal.siteId));
      const movements = (await ledger.movementsOfBatches([...new Set(negative.map((p) => p.batchId))])).sort(
        (a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      // A site sees its own exceptions; HQ sees every site's (it holds them all).
      const exceptions = listStockExceptions(movements, isHq ? undefined : terminal.siteId);
      const sites = new Set(exceptions.map((exception) => exception.siteId));
      return exceptionViews(
        exceptions,
        movements.filter((movement) => sites.has(movement.siteId)),
        (docId) => ledger.ledger.document(docId),
      );
    },
    [terminal?.siteId, isHq],
  );

  const siteIds = [...new Set((views ?? []).map((view) => view.exception.siteId))];
  const shown = (views ?? []).filter((view) => siteFilter === 'all' || view.exception.siteId === siteFilter);

  // antd App gives the panels message/notification hooks without a wrapper element.
  return (
    <AntApp component={false}>
      <Card data-testid="section-exceptions">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('exceptions.title')}
          </Typography.Title>
          {isHq && siteIds.length > 1 && (
            <Select
              style={{ minWidth: 200 }}
              value={siteFilter}
              onChange={setSiteFilter}
              options={[{ value: 'all', label: t('exceptions.allSites') }, ...siteIds.map((id) => ({ value: id, label: siteName(id) }))]}
              data-testid="exceptions-site"
            />
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('exceptions.intro')}
        </Typography.Paragraph>
        {views === null ? (
          <Spin tip={t('exceptions.loading')}>
            <div style={{ minHeight: 120 }} />
          </Spin>
        ) : shown.length === 0 ? (
          <Empty description={t('exceptions.empty')} data-testid="exceptions-empty" />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            {shown.map((view) => (
              <ExceptionCard key={`${view.exception.siteId}/${view.exception.batchId}`} view={view} />
            ))}
          </Space>
        )}
      </Card>
    </AntApp>
  );
}
