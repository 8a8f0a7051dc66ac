// Each feature keeps its strings beside its screens (renderer/features/<feature>/i18n.ts);
// they are merged here under the feature's key, e.g. t('kitchen.dispatch.ship').
import approvals from '../features/approvals/i18n';
import counts from '../features/counts/i18n';
import exceptions from '../features/exceptions/i18n';
import finance from '../features/finance/i18n';
import foodSafety from '../features/food-safety/i18n';
import forecast from '../features/forecast/i18n';
import kitchen from '../features/kitchen/i18n';
import masterData from '../features/master-data/i18n';
import organisation from '../features/organisation/i18n';
import people from '../features/people/i18n';
import purchasing from '../features/purchasing/i18n';
import receiving from '../features/receiving/i18n';
import reports from '../features/reports/i18n';
import sales from '../features/sales/i18n';
import salesOrders from '../features/sales-orders/i18n';
import stock from '../features/stock/i18n';
import trace from '../features/trace/i18n';
import ui from './common-messages';
import pairing from './pairing-messages';

export const featureMessages = {
  ui,
  pairing,
  approvals,
  counts,
  exceptions,
  finance,
  foodSafety,
  forecast,
  kitchen,
  masterData,
  organisation,
  people,
  purchasing,
  receiving,
  reports,
  sales,
  salesOrders,
  stock,
  trace,
} as const;

export function featureResources(language: 'en' | 'zh-CN'): Record<string, object> {
  return Object.fromEntries(Object.entries(featureMessages).map(([key, messages]) => [key, messages[language]]));
}
