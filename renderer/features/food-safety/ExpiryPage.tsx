import { App as AntApp, Alert, Card, Empty, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTerminal } from '../../db/hooks';
import { businessDateToday } from '../../ui/format';
import { CertificatesPanel } from './CertificatesPanel';
import { ExpiryBoardPanel } from './ExpiryBoardPanel';
import { useSites } from './site-names';
import { TemperaturePanel } from './TemperaturePanel';

type TabKey = 'board' | 'certificates' | 'temperature';

/** 临期与食品安全: near-expiry board, certificates and QC release, temperature log — per site. */
export default function ExpiryPage() {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const { sites, siteName } = useSites();
  const [chosenSite, setChosenSite] = useState<string | null>(null);
  const [tab, setTab] = useState<TabKey>('board');

  if (!terminal) {
    return (
      <Card data-testid="section-expiry">
        <Empty description={t('sections.notPaired')} />
      </Card>
    );
  }
  const isHq = terminal.siteKind === 'hq';
  // HQ holds no stock: it looks at one of the sites (the kitchen first); a site sees itself.
  const stockSites = (sites ?? [])
    .filter((site) => site.kind !== 'hq')
    .sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'kitchen' ? -1 : 1));
  const siteId = isHq ? (chosenSite ?? stockSites[0]?.id ?? terminal.siteId) : terminal.siteId;
  const canWrite = siteId === terminal.siteId;

  // antd App gives the panels message/notification hooks without a wrapper element.
  return (
    <AntApp component={false}>
      <Card data-testid="section-expiry">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('foodSafety.title')}
          </Typography.Title>
          <Space>
            <Typography.Text type="secondary">{t('foodSafety.board.businessDate', { date: businessDateToday() })}</Typography.Text>
            {isHq ? (
              <Select
                style={{ minWidth: 200 }}
                value={siteId}
                onChange={setChosenSite}
                options={stockSites.map((site) => ({ value: site.id, label: siteName(site.id) }))}
                data-testid="expiry-site"
                aria-label={t('foodSafety.site')}
              />
            ) : (
              <Typography.Text strong>{siteName(siteId)}</Typography.Text>
            )}
          </Space>
        </Space>
        {!canWrite && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('foodSafety.otherSiteReadOnly', { site: siteName(siteId) })}
            data-testid="expiry-read-only"
          />
        )}
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          destroyOnHidden
          items={[
            {
              key: 'board',
              label: <span data-testid="tab-board">{t('foodSafety.tabs.board')}</span>,
              children: <ExpiryBoardPanel siteId={siteId} canWrite={canWrite} />,
            },
            {
              key: 'certificates',
              label: <span data-testid="tab-certificates">{t('foodSafety.tabs.certificates')}</span>,
              children: <CertificatesPanel siteId={siteId} canWrite={canWrite} />,
            },
            {
              key: 'temperature',
              label: <span data-testid="tab-temperature">{t('foodSafety.tabs.temperature')}</span>,
              children: <TemperaturePanel siteId={siteId} canWrite={canWrite} />,
            },
          ]}
        />
      </Card>
    </AntApp>
  );
}
