// HQ's people screen (issue 15): staff accounts, the sites each person works at, their roles and
// PIN. One row per person; their accounts (one per site) are saved together by `person.save`.
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { builtInRoleCodes, customRolesFrom } from '../../../shared/domain';
import type { ConfigDoc, PersonDoc, SiteDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';
import { PersonEditor, type PersonRow } from './PersonEditor';
import { IdleSignOutCard } from './IdleSignOutCard';
import { RolesCard } from './RolesCard';
import { personName } from './person-name';

/** A person's accounts folded into one row: the sites they are active at, and their roles. */
function rowsOf(accounts: readonly PersonDoc[]): PersonRow[] {
  const byPerson = new Map<string, PersonDoc[]>();
  for (const account of accounts) byPerson.set(account.personId, [...(byPerson.get(account.personId) ?? []), account]);
  return [...byPerson.values()].map((list) => {
    const active = list.filter((account) => account.active);
    const latest = [...list].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0]!;
    return {
      ...latest,
      siteIds: active.map((account) => account.siteId),
      hasPin: list.some((account) => !!account.pinHash),
      active: active.length > 0,
    };
  });
}

export default function PeoplePage() {
  const { t, i18n } = useTranslation();
  const accounts = useRxQuery<PersonDoc>((db) => db.people.find(), []);
  const sites = useRxQuery<SiteDoc>((db) => db.sites.find(), []) ?? [];
  const config = useRxQuery<ConfigDoc>((db) => db.config.find(), []) ?? [];
  const [editing, setEditing] = useState<PersonRow | 'new' | null>(null);
  const rows = useMemo(() => rowsOf(accounts ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), [accounts]);
  const customRoles = customRolesFrom(config);
  const roleName = (role: string) =>
    customRoles.find((custom) => custom.id === role)?.name ?? t(`people.roles.${role}`, { defaultValue: role });
  const siteName = (id: string) => {
    const site = sites.find((candidate) => candidate.id === id);
    return site ? (i18n.language === 'en' && site.nameEn ? site.nameEn : site.name) : id;
  };

  return (
    <div data-testid="section-people">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} align="start">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('people.page.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="person-add">
          {t('people.page.add')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('people.page.intro')}
      </Typography.Paragraph>
      {accounts !== null && rows.length === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('people.page.firstAdmin')} />
      )}
      <Card size="small">
        <Table<PersonRow>
          rowKey="personId"
          size="middle"
          loading={accounts === null}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('people.page.empty') }}
          data-testid="people-table"
          columns={[
            {
              title: t('people.page.name'),
              key: 'name',
              render: (_, row) => (
                <span>
                  {personName(row, i18n.language)}
                  {row.code && <Typography.Text type="secondary"> · {row.code}</Typography.Text>}
                </span>
              ),
            },
            {
              title: t('people.page.sites'),
              key: 'sites',
              render: (_, row) => row.siteIds.map((id) => <Tag key={id}>{siteName(id)}</Tag>),
            },
            {
              title: t('people.page.roles'),
              key: 'roles',
              render: (_, row) =>
                row.roles.map((role) => (
                  <Tag key={role} color="blue">
                    {roleName(role)}
                  </Tag>
                )),
            },
            {
              title: t('people.page.pin'),
              key: 'pin',
              width: 90,
              render: (_, row) => (row.hasPin ? t('people.page.pinSet') : t('people.page.pinNone')),
            },
            {
              title: t('people.page.status'),
              key: 'status',
              width: 90,
              render: (_, row) =>
                row.active ? <Tag color="green">{t('people.page.active')}</Tag> : <Tag>{t('people.page.inactive')}</Tag>,
            },
            {
              key: 'edit',
              width: 80,
              render: (_, row) => (
                <Button size="small" onClick={() => setEditing(row)} data-testid={`person-edit-${row.code ?? row.personId}`}>
                  {t('people.page.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <RolesCard custom={customRoles} />
      <IdleSignOutCard sites={sites} siteName={siteName} />
      {editing && (
        <PersonEditor
          person={editing === 'new' ? null : editing}
          sites={sites}
          roles={[...builtInRoleCodes, ...customRoles.map((role) => role.id)]}
          roleName={roleName}
          siteName={siteName}
          firstPerson={rows.length === 0}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
