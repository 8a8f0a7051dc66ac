import { Alert, App as AntApp, ConfigProvider, Layout, Menu, Space, Spin, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSite, useTerminal } from '../db/hooks';
import { useBackgroundRules } from './useBackgroundRules';
import { useMigrationProgress, useSessionStore } from '../db/session';
import { SettingsPage } from '../sections/SettingsPage';
import { useSyncStatusStore } from '../state/sync-status-store';
import { signInRequired, useSignInStore } from '../state/sign-in-store';
import { MessageCentre } from '../features/approvals/MessageCentre';
import { OperatorBadge } from '../features/people/OperatorBadge';
import { SignInScreen } from '../features/people/SignInScreen';
import { useUiStore } from '../state/ui-store';
import { allRoutes, navGroups, navigate, settingsIcon } from './routes';
import { ScreenErrorBoundary } from './ErrorBoundary';
import { SyncIndicator } from './SyncIndicator';
import { VersionBanner } from './VersionBanner';
import { PairingNotices } from './PairingNotices';
import { useHashTracking, useRoute } from './useRoute';

function RouteView({ id }: { id: string }) {
  const { t } = useTranslation();
  if (id === 'settings') return <SettingsPage />;
  const route = allRoutes.find((r) => r.id === id);
  if (!route) return null;
  const Page = route.page;
  return (
    <ScreenErrorBoundary resetKey={id} title={t('app.screenError')} retry={t('app.retry')}>
      <Suspense fallback={<Spin tip={t('common.loading')} style={{ marginTop: 64, width: '100%' }} />}>
        <Page />
      </Suspense>
    </ScreenErrorBoundary>
  );
}

/** Runs the background rules (certificate hold, daily near-expiry notice); mounted once the first sync is complete. */
function BackgroundRules() {
  useBackgroundRules();
  return null;
}

function useMenuItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const visible = (kinds?: readonly string[]) => !terminal || !kinds || terminal.siteKind === 'hq' || kinds.includes(terminal.siteKind);
  const groups = navGroups
    .map((group) => ({ ...group, routes: group.routes.filter((route) => visible(route.siteKinds)) }))
    .filter((group) => group.routes.length > 0)
    .map((group) => ({
      key: group.key,
      icon: group.icon,
      label: t(`nav.${group.key}`),
      children: group.routes.map((route) => ({ key: route.id, label: t(`nav.${route.id}`) })),
    }));
  return [...groups, { key: 'settings', icon: settingsIcon, label: t('nav.settings') }];
}

export function App() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const terminal = useTerminal();
  const site = useSite(terminal?.siteId);
  const openError = useSessionStore((s) => s.openError);
  const migration = useMigrationProgress();
  const initialSync = useSyncStatusStore((s) => (s.connectivity === 'not-paired' ? null : s.initialSyncReceived));
  // A site with staff accounts shows the PIN pad until someone signs in (settings stay reachable).
  const needsSignIn = useSignInStore((s) => signInRequired(s) && s.operator === null);
  useHashTracking();
  const route = useRoute();
  const items = useMenuItems();
  const openGroup = navGroups.find((g) => g.routes.some((r) => r.id === route.id))?.key;
  const [openKeys, setOpenKeys] = useState<string[]>([]);
  const [navFolded, setNavFolded] = useState(false);
  const [foldedOpenKeys, setFoldedOpenKeys] = useState<string[]>([]);
  useEffect(() => {
    // The current screen's group is always open, whichever way the user got there.
    if (openGroup) setOpenKeys((keys) => (keys.includes(openGroup) ? keys : [...keys, openGroup]));
  }, [openGroup]);

  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      theme={{
        algorithm: theme.defaultAlgorithm,
        // antd derives a grey-green selection tint from this primary; the menu's light green reads better.
        token: { colorPrimary: '#2f7d4f', colorPrimaryBg: '#e7f3ec' },
        components: { Menu: { itemSelectedBg: '#e7f3ec', itemSelectedColor: '#2f7d4f' } },
      }}
    >
      <AntApp component={false}>
        {terminal && initialSync === null && <BackgroundRules />}
        <Layout style={{ minHeight: '100vh' }}>
          {/* Below 1200 px (a till's 1024 × 768) the navigation folds to its icons, so tables keep their columns. */}
          <Layout.Sider
            width={240}
            theme="light"
            breakpoint="xl"
            collapsed={navFolded}
            onBreakpoint={setNavFolded}
            collapsedWidth={64}
            style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          >
            <div style={{ padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
              <Typography.Title level={4} style={{ margin: 0, color: '#2f7d4f' }} data-testid="app-name" title={t('app.name')}>
                {navFolded ? t('app.name').slice(0, 1) : t('app.name')}
              </Typography.Title>
            </div>
            <Menu
              mode="inline"
              data-testid="nav"
              selectedKeys={[route.id]}
              inlineCollapsed={navFolded}
              // Folded, a group opens as a pop-up while pointed at; the inline groups stay as they were for when it unfolds.
              openKeys={navFolded ? foldedOpenKeys : openKeys}
              onOpenChange={navFolded ? setFoldedOpenKeys : setOpenKeys}
              items={items}
              onClick={({ key }) => {
                setFoldedOpenKeys([]);
                navigate(key);
              }}
            />
          </Layout.Sider>
          <Layout>
            <Layout.Header
              style={{
                background: '#fff',
                padding: '0 24px',
                borderBottom: '1px solid #f0f0f0',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'space-between',
                gap: 16,
                position: 'sticky',
                top: 0,
                zIndex: 10,
              }}
            >
              {/* One line whatever the language: the tagline gives way (ellipsis) before the site and the indicator do. */}
              <div
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 8,
                  minWidth: 0,
                  flex: '1 1 auto',
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                }}
              >
                <Typography.Text type="secondary" ellipsis style={{ minWidth: 0 }}>
                  {t('app.tagline')}
                </Typography.Text>
                {terminal && (
                  <Tag color="green" data-testid="header-site" style={{ flex: '0 0 auto' }}>
                    {t(`siteKinds.${terminal.siteKind}`)} · {site?.name ?? terminal.siteId}
                  </Tag>
                )}
              </div>
              <Space size={8} style={{ flex: '0 0 auto' }}>
                <MessageCentre />
                <OperatorBadge />
                <SyncIndicator />
              </Space>
            </Layout.Header>
            <Layout.Content style={{ padding: 24 }}>
              {openError && (
                <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('app.storeError', { message: openError })} />
              )}
              {migration && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="migration-banner"
                  message={t('app.migrating', { handled: migration.handled.toLocaleString(), total: migration.total.toLocaleString() })}
                />
              )}
              <PairingNotices />
              <VersionBanner />
              {initialSync !== null && (
                // Until the first full pull ends, stock figures are partial; say so rather than show false shortfalls.
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="initial-sync-banner"
                  message={t('app.initialSync', { count: initialSync })}
                />
              )}
              {needsSignIn && route.id !== 'settings' ? <SignInScreen /> : <RouteView id={route.id} />}
            </Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
