import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Select, Space, Spin, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DocumentDoc, PartnerDoc, ProductDoc, SiteDoc } from '../../../shared/schemas';
import { useLedgerAtHand, useRxQuery, useTerminal } from '../../db/hooks';
import { AccuracyPanel } from './AccuracyPanel';
import { calendarCaveatTexts } from './calendar-caveat-text';
import { IncomingRequests } from './IncomingRequests';
import { KitchenPlanPanel } from './KitchenPlanPanel';
import { OverrideHistory } from './OverrideHistory';
import { SeriesPanel } from './SeriesPanel';
import { StoreSuggestions } from './StoreSuggestions';
import { siteName } from './site-name';
import { useForecastJob } from './useForecastJob';
import { useForecastWorker } from './useForecastWorker';

const LOOP_DOCUMENT_TYPES = ['store-request', 'dispatch', 'transfer', 'store-receipt', 'purchase-order', 'goods-receipt'];

export default function ForecastPage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const siteRows = useRxQuery<SiteDoc>((db) => db.sites.find(), []);
  const productRows = useRxQuery<ProductDoc>((db) => db.products.find(), []);
  const partnerRows = useRxQuery<PartnerDoc>((db) => db.partners.find(), []);
  const documents = useRxQuery<DocumentDoc>((db) => db.documents.find({ selector: { type: { $in: LOOP_DOCUMENT_TYPES } } }), []);

  const sites = useMemo(() => new Map((siteRows ?? []).map((site) => [site.id, site])), [siteRows]);
  const products = useMemo(() => new Map((productRows ?? []).map((product) => [product.id, product])), [productRows]);
  const partners = useMemo(() => new Map((partnerRows ?? []).map((partner) => [partner.id, partner])), [partnerRows]);
  const kitchen = useMemo(() => (siteRows ?? []).find((site) => site.kind === 'kitchen' && site.active), [siteRows]);
  const choosable = useMemo(
    () => (siteRows ?? []).filter((site) => site.kind !== 'hq' && site.active).sort((a, b) => a.code.localeCompare(b.code)),
    [siteRows],
  );

  const isHq = terminal?.siteKind === 'hq';
  const [chosenSite, setChosenSite] = useState<string | null>(null);
  const siteId = isHq ? (chosenSite ?? choosable[0]?.id ?? null) : (terminal?.siteId ?? null);
  const site = siteId ? sites.get(siteId) : undefined;
  const siteKind = isHq ? site?.kind : terminal?.siteKind;
  // Single-writer sites: only the site's own terminal writes its requests and orders.
  const writer = terminal && !isHq && terminal.siteId === siteId ? { terminalId: terminal.terminalId } : null;

  const [rerun, setRerun] = useState(0);
  const job = useForecastJob(siteId, rerun);
  const state = useForecastWorker(job);
  const [tab, setTab] = useState('act');
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => setSelected(null), [siteId]);
  const result = state.done?.result ?? null;
  // The chart opens on the product with the most demand, not on an empty picker.
  const shownProduct = selected ?? (result ? ([...result.series].sort((a, b) => total(b) - total(a))[0]?.productId ?? null) : null);

  if (!terminal)
    return (
      <Card data-testid="section-forecast">
        <Alert type="info" message={t('forecast.notPaired')} />
      </Card>
    );
  const loading = !ledger || siteRows === null || productRows === null || documents === null || !result;
  const open = (productId: string) => {
    setSelected(productId);
    setTab('chart');
  };

  const actTab =
    siteKind === 'kitchen' && siteId
      ? {
          key: 'act',
          label: t('forecast.tabs.plan'),
          children: result && (
            <KitchenPlanPanel
              kitchenId={siteId}
              series={result.series}
              products={products}
              partners={partners}
              documents={documents ?? []}
              writer={writer}
            />
          ),
        }
      : {
          key: 'act',
          label: t('forecast.tabs.suggestions'),
          children: result && siteId && (
            <StoreSuggestions
              storeId={siteId}
              series={result.series}
              products={products}
              documents={documents ?? []}
              kitchen={kitchen}
              writer={writer}
            />
          ),
        };
  const tabs = [
    actTab,
    ...(siteKind === 'kitchen' && siteId
      ? [
          {
            key: 'incoming',
            label: t('forecast.tabs.incoming'),
            children: <IncomingRequests kitchenId={siteId} documents={documents ?? []} products={products} sites={sites} />,
          },
        ]
      : []),
    {
      key: 'chart',
      label: t('forecast.tabs.chart'),
      children: result && <SeriesPanel series={result.series} products={products} selected={shownProduct} onSelect={setSelected} />,
    },
    {
      key: 'accuracy',
      label: t('forecast.tabs.accuracy'),
      children: result && <AccuracyPanel result={result} products={products} onOpen={open} />,
    },
    { key: 'overrides', label: t('forecast.tabs.overrides'), children: siteId && <OverrideHistory siteId={siteId} products={products} /> },
  ];

  return (
    <Card data-testid="section-forecast">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('forecast.title')}
            {site && !isHq ? (
              <Typography.Text type="secondary" style={{ fontSize: 16, marginLeft: 12 }}>
                {siteName(site, i18n.language)}
              </Typography.Text>
            ) : null}
          </Typography.Title>
          <Space wrap>
            {isHq && (
              <Select
                data-testid="forecast-site"
                style={{ width: 220 }}
                aria-label={t('forecast.site')}
                value={siteId ?? undefined}
                options={choosable.map((entry) => ({ value: entry.id, label: siteName(entry, i18n.language) }))}
                onChange={setChosenSite}
              />
            )}
            <Button icon={<ReloadOutlined />} onClick={() => setRerun((count) => count + 1)} loading={state.running}>
              {t('forecast.rerun')}
            </Button>
          </Space>
        </Space>
        {state.done && (
          <Typography.Text type="secondary" data-testid="forecast-status">
            {t('forecast.ranIn', { date: job?.endDate ?? '', series: state.done.result.series.length, ms: Math.round(state.done.wallMs) })}
          </Typography.Text>
        )}
        {result &&
          calendarCaveatTexts(result.calendarCaveat, t, i18n.language).map((text) => (
            <Alert key={text} type="warning" showIcon data-testid="forecast-calendar-caveat" message={text} />
          ))}
        {state.error && <Alert type="error" showIcon message={t('forecast.failed', { message: state.error })} />}
        {loading && !state.error ? (
          <div data-testid="forecast-loading" style={{ padding: 48, textAlign: 'center' }}>
            <Spin size="large" />
            <div style={{ marginTop: 12 }}>{t('forecast.running', { count: job?.rows.length ?? 0 })}</div>
          </div>
        ) : result && result.series.length === 0 ? (
          <Alert type="info" showIcon message={t('forecast.noHistory')} />
        ) : (
          result && <Tabs activeKey={tab} onChange={setTab} items={tabs} destroyOnHidden />
        )}
      </Space>
    </Card>
  );
}

function total(series: { history: readonly { qty: number }[] }): number {
  return series.history.reduce((sum, point) => sum + point.qty, 0);
}
