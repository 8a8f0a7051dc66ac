import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { siteTimeZone } from '../../../shared/domain';
import type { SiteDoc } from '../../../shared/schemas';
import { useRxQuery, useTerminal } from '../../db/hooks';
import { useAdminConnection, useFleet } from './admin-hooks';
import { SiteEditor } from './SiteEditor';
import { SiteTerminals } from './SiteTerminals';
import { CompaniesCard } from './CompaniesCard';

/** 站点与终端: HQ adds and edits sites, and each site's terminals (paired by QR code, revoked, renamed). */
export default function SitesPage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const connection = useAdminConnection();
  const fleet = useFleet(connection);
  const sites = useRxQuery((db) => db.sites.find({ sort: [{ id: 'asc' }] }), []) as SiteDoc[] | null;
  const [editing, setEditing] = useState<SiteDoc | 'new' | null>(null);

  if (!connection || !terminal) return <Alert type="info" showIcon message={t('organisation.hqOnly')} data-testid="organisation-hq-only" />;
  const siteName = (site: SiteDoc) => (i18n.language === 'en' && site.nameEn ? site.nameEn : site.name);
  const terminalsOf = (siteId: string) => (fleet.terminals ?? []).filter((row) => row.siteId === siteId);

  return (
    <div data-testid="section-sites">
      <Card
        title={t('organisation.sites.title')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')} data-testid="add-site">
            {t('organisation.sites.add')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('organisation.sites.intro')}</Typography.Paragraph>
        {fleet.error !== null && <Alert type="warning" showIcon message={t('organisation.offline')} style={{ marginBottom: 12 }} />}
        <Table<SiteDoc>
          size="small"
          rowKey="id"
          loading={sites === null}
          dataSource={sites ?? []}
          pagination={false}
          locale={{ emptyText: t('organisation.sites.empty') }}
          expandable={{
            expandedRowRender: (site) => (
              <SiteTerminals
                siteId={site.id}
                siteName={siteName(site)}
                terminals={terminalsOf(site.id)}
                connection={connection}
                ownTerminalId={terminal.terminalId}
                onChanged={fleet.refresh}
              />
            ),
          }}
          onRow={(site) => ({ 'data-testid': `site-row-${site.id}` }) as object}
          columns={[
            {
              title: t('organisation.sites.name'),
              key: 'name',
              ellipsis: true,
              render: (_, site) => (
                <>
                  {siteName(site)}
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    {site.id}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('organisation.sites.kind'), key: 'kind', width: 110, render: (_, site) => <Tag>{t(`siteKinds.${site.kind}`)}</Tag> },
            { title: t('organisation.sites.timeZone'), key: 'zone', width: 170, ellipsis: true, render: (_, site) => siteTimeZone(site) },
            {
              title: t('organisation.sites.terminals'),
              key: 'terminals',
              width: 100,
              align: 'right',
              render: (_, site) => (fleet.terminals ? terminalsOf(site.id).filter((row) => row.revokedAt === null).length : '—'),
            },
            {
              title: '',
              key: 'edit',
              width: 90,
              align: 'right',
              render: (_, site) => (
                <Button size="small" onClick={() => setEditing(site)} data-testid={`edit-site-${site.id}`}>
                  {t('organisation.sites.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <CompaniesCard sites={sites ?? []} />
      {editing && (
        <SiteEditor
          site={editing === 'new' ? null : editing}
          connection={connection}
          onClose={() => {
            setEditing(null);
            void fleet.refresh();
          }}
        />
      )}
    </div>
  );
}
