import { Badge, Button, Popover, Space, Spin, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDistanceToNowStrict } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { useSyncStatusStore, type Connectivity } from '../state/sync-status-store';
import type { RefusedRecord } from '../db/replication/refused';

const badgeStatus: Record<Connectivity, 'success' | 'error' | 'processing' | 'default'> = {
  online: 'success',
  offline: 'error',
  connecting: 'processing',
  'not-paired': 'default',
};

/** Always visible; every word it shows comes from the sync status store, never assumed. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatusStore();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 30_000); // keeps "2 min ago" honest
    return () => clearInterval(timer);
  }, []);

  const label = t(`sync.${status.connectivity === 'not-paired' ? 'notPaired' : status.connectivity}`);
  const locale = i18n.language === 'zh-CN' ? zhCN : enUS;
  const lastSync = status.lastSyncAt
    ? t('sync.lastSync', { when: formatDistanceToNowStrict(new Date(status.lastSyncAt), { addSuffix: true, locale }) })
    : t('sync.never');

  const paired = status.connectivity !== 'not-paired';
  return (
    <Space
      size="middle"
      data-testid="sync-indicator"
      data-connectivity={status.connectivity}
      style={{ flex: '0 0 auto', whiteSpace: 'nowrap' }}
    >
      <Tooltip title={status.error ? t('sync.error', { message: status.error }) : lastSync}>
        <Space size="middle">
          <Badge status={badgeStatus[status.connectivity]} text={<span data-testid="sync-connectivity">{label}</span>} />
          {paired && (
            <Typography.Text type={status.pendingUploads > 0 ? 'warning' : 'secondary'} data-testid="sync-pending">
              {t('sync.pending', { count: status.pendingUploads })}
            </Typography.Text>
          )}
          {paired && (
            <Typography.Text type="secondary" data-testid="sync-last">
              {lastSync}
            </Typography.Text>
          )}
          {status.initialSyncReceived !== null && paired && (
            <Typography.Text type="secondary" data-testid="sync-initial">
              <Spin size="small" style={{ marginRight: 6 }} />
              {t('sync.initial', { count: status.initialSyncReceived })}
            </Typography.Text>
          )}
        </Space>
      </Tooltip>
      {status.refused.length > 0 && paired && <RefusedRecords records={status.refused} />}
      {status.revoked && paired ? (
        <Tooltip title={t('sync.revokedHint')}>
          <Typography.Text type="danger" strong data-testid="sync-revoked">
            {t('sync.revoked')}
          </Typography.Text>
        </Tooltip>
      ) : (
        status.error && <Typography.Text type="danger">{t('sync.error', { message: status.error })}</Typography.Text>
      )}
    </Space>
  );
}

const refusedShown = 10;

/**
 * Opens on click, not hover: a till's touchscreen has no hover, and the list must stay open
 * while the clerk reads it or copies an id for the administrator.
 */
function RefusedRecords({ records }: { records: readonly RefusedRecord[] }) {
  const { t } = useTranslation();
  const list = (
    <div data-testid="sync-refused-list" style={{ maxWidth: 520 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('sync.refusedHint')}
      </Typography.Paragraph>
      {records.slice(0, refusedShown).map((r) => (
        <Typography.Paragraph key={`${r.collection}/${r.id}`} copyable={{ text: r.id }} style={{ marginBottom: 4 }}>
          {t('sync.refusedItem', { collection: t(`sync.collections.${r.collection}`), id: r.id, reason: r.reason })}
        </Typography.Paragraph>
      ))}
      {records.length > refusedShown && (
        <Typography.Text type="secondary">{t('sync.refusedMore', { count: records.length - refusedShown })}</Typography.Text>
      )}
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" content={list}>
      <Button type="link" danger size="small" style={{ paddingInline: 0 }} data-testid="sync-refused">
        {t('sync.refused', { count: records.length })}
      </Button>
    </Popover>
  );
}
