import { ConfigProvider, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import {
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarOutlined,
  ExperimentOutlined,
  InboxOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
} from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptySection } from '../sections/EmptySection';
import { SettingsPage } from '../sections/SettingsPage';
import { useSite } from '../db/hooks';
import { usePairingStore } from '../state/pairing-store';
import { sectionFromHash, useUiStore, type SectionId } from '../state/ui-store';
import { SyncIndicator } from './SyncIndicator';

function useHashNavigation() {
  const setSection = useUiStore((s) => s.setSection);
  useEffect(() => {
    const onHashChange = () => setSection(sectionFromHash(location.hash));
    onHashChange();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [setSection]);
}

function SectionView({ section }: { section: SectionId }) {
  if (section === 'settings') return <SettingsPage />;
  return <EmptySection section={section} />;
}

export function App() {
  const { t } = useTranslation();
  const { language, section } = useUiStore();
  const pairing = usePairingStore((s) => s.pairing);
  const site = useSite(pairing?.siteId);
  useHashNavigation();

  const items: MenuProps['items'] = [
    { key: 'stock', icon: <AppstoreOutlined />, label: t('nav.stock') },
    { key: 'counts', icon: <AuditOutlined />, label: t('nav.counts') },
    {
      key: 'kitchen',
      icon: <ExperimentOutlined />,
      label: t('nav.kitchen'),
      children: [
        { key: 'production', label: t('nav.production') },
        { key: 'dispatch', icon: <CarOutlined />, label: t('nav.dispatch') },
      ],
    },
    { key: 'receiving', icon: <InboxOutlined />, label: t('nav.receiving') },
    { key: 'purchasing', icon: <ShoppingCartOutlined />, label: t('nav.purchasing') },
    { key: 'reports', icon: <BarChartOutlined />, label: t('nav.reports') },
    { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
  ];

  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#2f7d4f' },
        components: { Menu: { itemSelectedBg: '#e7f3ec', itemSelectedColor: '#2f7d4f' } },
      }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={208} theme="light" breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          <div style={{ padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
            <Typography.Title level={4} style={{ margin: 0, color: '#2f7d4f' }} data-testid="app-name">
              {t('app.name')}
            </Typography.Title>
          </div>
          <Menu
            mode="inline"
            data-testid="nav"
            selectedKeys={[section]}
            defaultOpenKeys={['kitchen']}
            items={items}
            onClick={({ key }) => {
              location.hash = `#/${key}`;
            }}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
            <Space>
              <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
              {pairing && (
                <Tag color="green" data-testid="header-site">
                  {t(`siteKinds.${pairing.siteKind}`)} · {site?.name ?? pairing.siteId}
                </Tag>
              )}
            </Space>
            <SyncIndicator />
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <SectionView section={section} />
          </Layout.Content>
        </Layout>
      </Layout>
    </ConfigProvider>
  );
}
