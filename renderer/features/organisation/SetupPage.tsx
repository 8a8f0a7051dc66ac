import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FleetTerminal } from '../../../shared/protocol/admin';
import type { PersonDoc, SiteDoc } from '../../../shared/schemas';
import { useRxQuery, useTerminal } from '../../db/hooks';
import { useAllProducts, useCategories, usePartners } from '../master-data/data';
import { useAdminConnection, useFleet } from './admin-hooks';

interface Step {
  id: 'hq' | 'sites' | 'categories' | 'products' | 'partners' | 'people' | 'terminals';
  route: string;
  done: boolean;
  /** What is there now, in words ("2 stores, 1 kitchen"). */
  status?: string;
}

/** Every kitchen and store has a terminal that has called the endpoint (the fleet, read online). */
function terminalStep(
  sites: readonly SiteDoc[],
  fleet: readonly FleetTerminal[] | null,
  words: (paired: number, total: number) => string,
): Step {
  const others = sites.filter((site) => site.kind !== 'hq');
  if (!fleet) return { id: 'terminals', route: 'fleet', done: false };
  const paired = others.filter((site) => fleet.some((t) => t.siteId === site.id && t.revokedAt === null && t.lastSeenAt !== null)).length;
  if (others.length === 0) return { id: 'terminals', route: 'fleet', done: false };
  return { id: 'terminals', route: 'fleet', done: paired === others.length, status: words(paired, others.length) };
}

/**
 * 开始使用: what a new organisation sets up on its first day, in order, each step done when the data
 * says so (not a ticked box): HQ's zone, the kitchens and stores, the category tree, products
 * (added or imported), suppliers and customers, people (the first admin, then staff with PINs), and
 * a terminal paired at each site.
 */
export default function SetupPage() {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const sites = useRxQuery<SiteDoc>((db) => db.sites.find(), []);
  const products = useAllProducts();
  const categories = useCategories();
  const partners = usePartners();
  const people = useRxQuery<PersonDoc>((db) => db.people.find({ selector: { active: true } }), []);
  const fleet = useFleet(useAdminConnection());
  if (terminal?.siteKind !== 'hq') return <Alert type="info" showIcon message={t('organisation.hqOnly')} />;

  const hq = sites?.find((site) => site.id === terminal.siteId);
  const count = (kind: SiteDoc['kind']) => sites?.filter((site) => site.kind === kind).length ?? 0;
  const steps: Step[] = [
    {
      id: 'hq',
      route: 'sites',
      done: hq?.timeZone !== undefined,
      status: hq ? [hq.name, hq.timeZone].filter(Boolean).join(' · ') : undefined,
    },
    {
      id: 'sites',
      route: 'sites',
      done: count('store') + count('kitchen') > 0,
      status: t('organisation.setup.siteCount', { stores: count('store'), kitchens: count('kitchen') }),
    },
    {
      id: 'categories',
      route: 'categories',
      done: (categories?.length ?? 0) > 0,
      status: t('organisation.setup.count', { count: categories?.length ?? 0 }),
    },
    {
      id: 'products',
      route: 'products',
      done: (products?.length ?? 0) > 0,
      status: t('organisation.setup.count', { count: products?.length ?? 0 }),
    },
    {
      id: 'partners',
      route: 'partners',
      done: (partners?.length ?? 0) > 0,
      status: t('organisation.setup.count', { count: partners?.length ?? 0 }),
    },
    {
      id: 'people',
      route: 'people',
      done: (people?.length ?? 0) > 0,
      status: t('organisation.setup.count', { count: new Set(people?.map((account) => account.personId)).size }),
    },
    terminalStep(sites ?? [], fleet.terminals, (paired, total) => t('organisation.setup.terminalCount', { paired, total })),
  ];
  const done = steps.filter((step) => step.done).length;
  return (
    <div data-testid="section-setup">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('organisation.setup.title')}
      </Typography.Title>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('organisation.setup.intro')}
          </Typography.Paragraph>
          <Progress percent={Math.round((100 * done) / steps.length)} showInfo={false} data-testid="setup-progress" />
          <List
            dataSource={steps}
            data-testid="setup-steps"
            renderItem={(step, index) => (
              <List.Item
                data-testid={`setup-step-${step.id}`}
                actions={[
                  <Button key="go" type={step.done ? 'default' : 'primary'} href={`#/${step.route}`} data-testid={`setup-go-${step.id}`}>
                    {t(step.done ? 'organisation.setup.review' : 'organisation.setup.go')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  avatar={
                    step.done ? (
                      <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} />
                    ) : (
                      <ClockCircleOutlined style={{ color: '#bfbfbf', fontSize: 20 }} />
                    )
                  }
                  title={
                    <Space wrap>
                      <span>{`${index + 1}. ${t(`organisation.setup.steps.${step.id}.title`)}`}</span>
                      {step.status && <Tag>{step.status}</Tag>}
                    </Space>
                  }
                  description={t(`organisation.setup.steps.${step.id}.text`)}
                />
              </List.Item>
            )}
          />
        </Space>
      </Card>
    </div>
  );
}
