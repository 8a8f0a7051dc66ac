import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { formatDistanceToNowStrict } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { useTranslation } from 'react-i18next';
import type { FleetTerminal } from '../../../shared/protocol/admin';
import type { SiteDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';
import { describeAdminError, useAdminConnection, useFleet } from './admin-hooks';
import { fleetHealth, fleetSummary, needsAttention, type FleetHealth } from './fleet-health';
import { LastContact } from './LastContact';

const HEALTH_COLOR: Record<FleetHealth, string> = { ok: 'green', silent: 'red', refused: 'orange', never: 'red', revoked: 'default' };

/** 终端总览: every terminal's last contact, versions and unsent or refused records, silent ones first to the eye. */
export default function FleetPage() {
  const { t, i18n } = useTranslation();
  const connection = useAdminConnection();
  const fleet = useFleet(connection);
  const sites = useRxQuery((db) => db.sites.find(), []) as SiteDoc[] | null;

  if (!connection) return <Alert type="info" showIcon message={t('organisation.hqOnly')} />;
  const now = fleet.checkedAt ?? Date.now();
  const siteName = (siteId: string) => {
    const site = sites?.find((doc) => doc.id === siteId);
    return site ? (i18n.language === 'en' && site.nameEn ? site.nameEn : site.name) : siteId;
  };
  const summary = fleetSummary(fleet.terminals ?? [], now);
  const locale = i18n.language === 'zh-CN' ? zhCN : enUS;

  return (
    <Card
      data-testid="section-fleet"
      title={t('organisation.fleet.title')}
      extra={
        <Space>
          {fleet.checkedAt !== null && (
            <Typography.Text type="secondary">
              {t('organisation.fleet.checked', { when: formatDistanceToNowStrict(fleet.checkedAt, { addSuffix: true, locale }) })}
            </Typography.Text>
          )}
          <Button onClick={() => void fleet.refresh()} data-testid="fleet-refresh">
            {t('organisation.fleet.refresh')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('organisation.fleet.intro')}</Typography.Paragraph>
      {fleet.error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('organisation.fleet.loadFailed', { message: describeAdminError(t, fleet.error) })}
        />
      )}
      {fleet.terminals && (
        <Typography.Paragraph strong data-testid="fleet-summary">
          {t('organisation.fleet.summary', { ...summary, count: summary.total })}
        </Typography.Paragraph>
      )}
      <Table<FleetTerminal>
        size="small"
        rowKey="terminalId"
        loading={fleet.terminals === null && fleet.error === null}
        dataSource={fleet.terminals ?? []}
        pagination={false}
        onRow={(row) =>
          ({
            'data-testid': `fleet-row-${row.name}`,
            'data-health': fleetHealth(row, now),
            style: needsAttention(row, now) ? { background: '#fff1f0' } : row.revokedAt ? { opacity: 0.6 } : undefined,
          }) as object
        }
        columns={[
          { title: t('organisation.fleet.site'), key: 'site', width: 100, ellipsis: true, render: (_, row) => siteName(row.siteId) },
          { title: t('organisation.fleet.terminal'), dataIndex: 'name', ellipsis: true },
          {
            title: t('organisation.fleet.lastContact'),
            key: 'lastSeen',
            width: 140,
            render: (_, row) => <LastContact at={row.lastSeenAt} stacked />,
          },
          {
            title: t('organisation.fleet.version'),
            key: 'version',
            width: 90,
            render: (_, row) => (
              <span
                title={
                  row.schemaVersions
                    ? Object.entries(row.schemaVersions)
                        .map(([name, version]) => `${name} v${version}`)
                        .join(', ')
                    : undefined
                }
              >
                {row.appVersion ?? '—'}
                {row.schemaVersions && (
                  <Typography.Text type="secondary"> · v{Math.max(...Object.values(row.schemaVersions))}</Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('organisation.fleet.records'),
            key: 'records',
            width: 110,
            align: 'right',
            render: (_, row) => (
              <span data-testid="fleet-records">
                {row.pending ?? '—'} / {row.refused ? <Typography.Text type="danger">{row.refused}</Typography.Text> : (row.refused ?? '—')}
              </span>
            ),
          },
          {
            title: t('organisation.fleet.state'),
            key: 'state',
            width: 120,
            render: (_, row) => {
              const health = fleetHealth(row, now);
              return <Tag color={HEALTH_COLOR[health]}>{t(`organisation.fleet.states.${health}`)}</Tag>;
            },
          },
        ]}
      />
    </Card>
  );
}
