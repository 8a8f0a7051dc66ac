// Every screen of the app, grouped as the navigation shows them. Pages load on first visit.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import {
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  DatabaseOutlined,
  ClusterOutlined,
  ExperimentOutlined,
  InboxOutlined,
  AccountBookOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type SiteKind = 'hq' | 'kitchen' | 'store';

export interface RouteDef {
  id: string;
  page: LazyExoticComponent<ComponentType>;
  /** Site kinds whose terminals see this screen in the navigation (all when omitted). */
  siteKinds?: readonly SiteKind[];
}

export interface NavGroup {
  key: string;
  icon: ReactNode;
  routes: RouteDef[];
}

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const navGroups: NavGroup[] = [
  {
    key: 'groupStock',
    icon: <AppstoreOutlined />,
    routes: [
      { id: 'stock', page: page(() => import('../features/stock/StockPage')) },
      { id: 'expiry', page: page(() => import('../features/food-safety/ExpiryPage')) },
      { id: 'exceptions', page: page(() => import('../features/exceptions/ExceptionsPage')) },
      { id: 'trace', page: page(() => import('../features/trace/TracePage')) },
      { id: 'counts', page: page(() => import('../features/counts/CountsPage')) },
    ],
  },
  {
    key: 'groupSales',
    icon: <ShopOutlined />,
    routes: [
      { id: 'sales', page: page(() => import('../features/sales/QuickSalePage')), siteKinds: ['store', 'kitchen'] },
      { id: 'sales-orders', page: page(() => import('../features/sales-orders/SalesOrdersPage')), siteKinds: ['store', 'kitchen'] },
      { id: 'pos-import', page: page(() => import('../features/sales/PosImportPage')), siteKinds: ['store'] },
      { id: 'waste', page: page(() => import('../features/sales/WastePage')), siteKinds: ['store', 'kitchen'] },
    ],
  },
  {
    key: 'groupKitchen',
    icon: <ExperimentOutlined />,
    routes: [
      { id: 'recipes', page: page(() => import('../features/kitchen/RecipesPage')), siteKinds: ['kitchen', 'hq'] },
      { id: 'production', page: page(() => import('../features/kitchen/ProductionPage')), siteKinds: ['kitchen'] },
      { id: 'requests', page: page(() => import('../features/kitchen/RequestsInboxPage')), siteKinds: ['kitchen'] },
      { id: 'dispatch', page: page(() => import('../features/kitchen/DispatchPage')), siteKinds: ['kitchen'] },
    ],
  },
  {
    key: 'groupReceiving',
    icon: <InboxOutlined />,
    routes: [
      { id: 'receiving', page: page(() => import('../features/receiving/ReceivingPage')), siteKinds: ['store'] },
      { id: 'store-request', page: page(() => import('../features/receiving/StoreRequestPage')), siteKinds: ['store'] },
      { id: 'transfers', page: page(() => import('../features/kitchen/TransfersPage')), siteKinds: ['store'] },
    ],
  },
  {
    key: 'groupPurchasing',
    icon: <ShoppingCartOutlined />,
    routes: [
      { id: 'purchasing', page: page(() => import('../features/purchasing/PurchaseOrdersPage')) },
      { id: 'goods-receipts', page: page(() => import('../features/purchasing/GoodsReceiptsPage')) },
      { id: 'suppliers', page: page(() => import('../features/purchasing/SuppliersPage')) },
    ],
  },
  {
    key: 'groupFinance',
    icon: <AccountBookOutlined />,
    routes: [
      { id: 'journal', page: page(() => import('../features/finance/JournalPage')) },
      { id: 'partner-ledgers', page: page(() => import('../features/finance/PartnerLedgersPage')) },
    ],
  },
  {
    key: 'groupMasterData',
    icon: <DatabaseOutlined />,
    routes: [
      { id: 'products', page: page(() => import('../features/master-data/ProductsPage')), siteKinds: ['hq'] },
      { id: 'categories', page: page(() => import('../features/master-data/CategoriesPage')), siteKinds: ['hq'] },
      { id: 'partners', page: page(() => import('../features/master-data/PartnersPage')), siteKinds: ['hq'] },
      { id: 'custom-fields', page: page(() => import('../features/master-data/CustomFieldsPage')), siteKinds: ['hq'] },
    ],
  },
  {
    key: 'groupOrganisation',
    icon: <ClusterOutlined />,
    routes: [
      { id: 'setup', page: page(() => import('../features/organisation/SetupPage')), siteKinds: ['hq'] },
      { id: 'sites', page: page(() => import('../features/organisation/SitesPage')), siteKinds: ['hq'] },
      { id: 'fleet', page: page(() => import('../features/organisation/FleetPage')), siteKinds: ['hq'] },
      { id: 'people', page: page(() => import('../features/people/PeoplePage')), siteKinds: ['hq'] },
      { id: 'approvals', page: page(() => import('../features/approvals/ApprovalsPage')) },
    ],
  },
  {
    key: 'groupReports',
    icon: <BarChartOutlined />,
    routes: [
      { id: 'reports', page: page(() => import('../features/reports/ReportsPage')) },
      { id: 'stock-summary', page: page(() => import('../features/reports/StockSummaryPage')) },
      { id: 'forecast', page: page(() => import('../features/forecast/ForecastPage')) },
    ],
  },
];

export const settingsIcon = <SettingOutlined />;
export const countsIcon = <AuditOutlined />;

export const allRoutes: RouteDef[] = navGroups.flatMap((group) => group.routes);
export const routeIds: string[] = [...allRoutes.map((r) => r.id), 'settings'];

/** `#/dispatch/abc?x=1` → { id: 'dispatch', rest: ['abc'], query } (unknown ids fall back to stock). */
export function parseHash(hash: string): { id: string; rest: string[]; query: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [id = '', ...rest] = path.split('/').map(decodeURIComponent);
  return { id: routeIds.includes(id) ? id : 'stock', rest, query: new URLSearchParams(query) };
}

export function navigate(id: string, ...rest: string[]): void {
  location.hash = `#/${[id, ...rest].map(encodeURIComponent).join('/')}`;
}
