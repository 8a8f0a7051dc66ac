// How long a till may stand idle before it signs its person out, per site (site policy
// `idleSignOutMinutes`, 10 by default, 0 = never); HQ sets it here beside the people who sign in.
import { Card, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idleSignOutMinutesFrom } from '../../../shared/domain';
import type { ConfigDoc, SiteDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useRxQuery } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';

export function IdleSignOutCard({ sites, siteName }: { sites: readonly SiteDoc[]; siteName(id: string): string }) {
  const { t } = useTranslation();
  const command = useCommand();
  const policies = useRxQuery<ConfigDoc>((db) => db.config.find({ selector: { key: 'site-policy' } }), []) ?? [];
  const [error, setError] = useState<unknown>(null);
  const minutesOf = (siteId: string) => idleSignOutMinutesFrom(policies.find((doc) => doc.siteId === siteId));
  const save = async (siteId: string, minutes: number | null) => {
    if (!command || minutes === null || minutes === minutesOf(siteId)) return;
    setError(null);
    await command('config.save', { key: 'site-policy', siteId, patch: { idleSignOutMinutes: minutes } }).catch(setError);
  };
  return (
    <Card size="small" title={t('people.idle.title')} style={{ marginTop: 16 }} data-testid="idle-sign-out">
      <Typography.Paragraph type="secondary">{t('people.idle.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} testId="idle-error" />
      <Table<SiteDoc>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...sites]}
        columns={[
          { title: t('people.page.sites'), key: 'site', render: (_, site) => siteName(site.id) },
          {
            title: t('people.idle.minutes'),
            key: 'minutes',
            width: 200,
            render: (_, site) => (
              <InputNumber
                key={`${site.id}-${minutesOf(site.id)}`}
                min={0}
                max={240}
                precision={0}
                defaultValue={minutesOf(site.id)}
                addonAfter={t('people.idle.unit')}
                style={{ width: 160 }}
                onBlur={(event) => void save(site.id, event.target.value === '' ? null : Number(event.target.value))}
                data-testid={`idle-${site.id}`}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
