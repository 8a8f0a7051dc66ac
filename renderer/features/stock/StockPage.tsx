import { Alert, Button, Card, Col, Input, Row, Segmented, Select, Space, Statistic, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseScan, resolveScan } from '../../../shared/ops/scan';
import { buildProductSearchIndex, searchProducts } from '../../../shared/ops/search';
import { storageClasses, type BatchDoc, type DocumentDoc, type ProductDoc, type SiteDoc } from '../../../shared/schemas';
import { useLedgerAtHand, useLedgerRead, useRxQuery, useTerminal } from '../../db/hooks';
import { ScanInput } from '../../ui/ScanInput';
import { businessDateToday, formatMoney, productLabel } from '../../ui/format';
import { useCompanyScopes } from '../finance/site-scope';
import { StockSheetActions } from './StockSheetActions';
import { StockTable } from './StockTable';
import { batchRows, filterRows, productRows, receiptBatchInfo, summarise, type StatusFilter, type StockRow } from './stock-rows';

const allSites = '__all__';
const statusFilters: StatusFilter[] = ['near-expiry', 'expired', 'ok', 'qc-held'];

const noRows: StockRow[] = [];

/** 库存: on-hand per batch or per product, from the ledger; HQ sees every site. */
export default function StockPage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const isHq = terminal?.siteKind === 'hq';
  const products = useRxQuery<ProductDoc>((db) => db.products.find(), []);
  const sites = useRxQuery<SiteDoc>((db) => db.sites.find(), []);
  const receipts = useRxQuery<DocumentDoc>((db) => db.documents.find({ selector: { type: 'store-receipt' } }), []);
  // At HQ: all sites, a site, or `company:<id>` for all the sites of one company (issue 17).
  const [siteFilter, setSiteFilter] = useState<string>(allSites);
  const scopes = useCompanyScopes(sites);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [category, setCategory] = useState<string | undefined>();
  const [storageClass, setStorageClass] = useState<string | undefined>();
  const [status, setStatus] = useState<StatusFilter | undefined>();
  const [view, setView] = useState<'batch' | 'product'>('batch');
  const [scanMessage, setScanMessage] = useState<string | null>(null);
  const businessDate = businessDateToday();

  const siteName = useMemo(() => {
    const byId = new Map((sites ?? []).map((s) => [s.id, s]));
    return (id: string) => {
      const site = byId.get(id);
      return site ? (i18n.language === 'en' && site.nameEn ? site.nameEn : site.name) : id;
    };
  }, [sites, i18n.language]);

  const index = useMemo(() => buildProductSearchIndex(products ?? []), [products]);
  const fallback = useMemo(() => receiptBatchInfo(receipts ?? []), [receipts]);
  const ledgerRows = useLedgerRead(
    (ledger) => {
      if (!ledger || !terminal) return [];
      const siteIds = isHq ? null : new Set([terminal.siteId]);
      return batchRows(ledger.ledger.positions(), ledger.ledger, fallback, businessDate, siteIds);
    },
    [terminal, isHq, fallback, businessDate],
  );
  const allRows = ledgerRows ?? noRows;
  // The rows of the chosen site or company: the statistics and the table read only these.
  const scopedRows = useMemo(() => {
    const siteIds = isHq && siteFilter !== allSites ? scopes.siteIdsOf(siteFilter) : undefined;
    if (!siteIds) return allRows;
    const inScope = new Set(siteIds);
    return allRows.filter((row) => inScope.has(row.siteId));
  }, [allRows, isHq, siteFilter, scopes]);

  const productIds = useMemo(() => {
    const needle = deferredQuery.trim();
    if (!needle) return null;
    return new Set(searchProducts(index, needle, { limit: 5000, includeInactive: true }).map((hit) => hit.product.id));
  }, [index, deferredQuery]);

  const filtered = useMemo(() => {
    const rows = filterRows(scopedRows, {
      productIds,
      lotQuery: deferredQuery,
      ...(category ? { category } : {}),
      ...(storageClass ? { storageClass } : {}),
      ...(status ? { status } : {}),
    });
    return view === 'product' ? productRows(rows) : rows;
  }, [scopedRows, productIds, deferredQuery, category, storageClass, status, view]);
  const summary = useMemo(() => summarise(view === 'product' ? scopedRows : filtered), [view, scopedRows, filtered]);

  const categories = useMemo(() => [...new Set((products ?? []).map((p) => p.category))].sort(), [products]);
  const siteOptions = useMemo(
    () => [
      { value: allSites, label: t('stock.allSites') },
      ...scopes.companyOptions,
      ...(sites ?? []).filter((s) => s.kind !== 'hq').map((s) => ({ value: s.id, label: siteName(s.id) })),
    ],
    [t, scopes, sites, siteName],
  );
  const scopeLabel = siteOptions.find((option) => option.value === siteFilter)?.label ?? t('stock.allSites');

  const onScan = (text: string) => {
    const resolution = resolveScan(
      parseScan(text),
      products ?? [],
      [...allRows].flatMap((row) => {
        const batch = ledger?.ledger.batch(row.batchId);
        return batch ? [batch as BatchDoc] : [];
      }),
    );
    if (resolution.status === 'resolved') {
      setScanMessage(null);
      setQuery(resolution.batch?.lotCode ?? resolution.product.sku);
    } else if (resolution.status === 'no-batch') {
      setScanMessage(
        t('stock.scan.noBatch', {
          product: productLabel(resolution.product, i18n.language),
          lot: resolution.lot ?? resolution.expiryDate ?? '',
        }),
      );
      setQuery(resolution.product.sku);
    } else setScanMessage(t('stock.scan.unknown', { code: text.slice(0, 40) }));
  };

  const loading = !ledger || products === null || ledgerRows === null;
  const tableHeight = Math.max(320, (typeof window === 'undefined' ? 800 : window.innerHeight) - 420);
  return (
    <div data-testid="section-stock">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {isHq && products !== null && products.length === 0 && (
          <Alert
            type="info"
            showIcon
            message={t('stock.newOrganisation')}
            action={
              <Button type="primary" href="#/setup" data-testid="stock-setup">
                {t('nav.setup')}
              </Button>
            }
            data-testid="stock-new-organisation"
          />
        )}
        <Card size="small">
          <Row gutter={16} align="middle">
            <Col flex="none">
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t('stock.title')}
              </Typography.Title>
              <Typography.Text type="secondary">
                {isHq ? scopeLabel : siteName(terminal?.siteId ?? '')} · {t('stock.asOf', { date: businessDate })}
              </Typography.Text>
            </Col>
            <Col flex="auto">
              <Row gutter={24} justify="end" wrap={false}>
                <Col>
                  <Statistic title={t('stock.summary.products')} data-testid="stock-summary-products" value={summary.products} />
                </Col>
                <Col>
                  <Statistic title={t('stock.summary.batches')} data-testid="stock-summary-batches" value={summary.batches} />
                </Col>
                <Col>
                  <Statistic title={t('stock.summary.value')} data-testid="stock-summary-value" value={formatMoney(summary.value)} />
                </Col>
                <Col>
                  <Statistic
                    title={t('stock.summary.nearExpiry')}
                    data-testid="stock-summary-near-expiry"
                    value={summary.nearExpiry}
                    valueStyle={{ color: summary.nearExpiry ? '#d46b08' : undefined }}
                  />
                </Col>
                <Col>
                  <Statistic
                    title={t('stock.summary.expired')}
                    data-testid="stock-summary-expired"
                    value={summary.expired}
                    valueStyle={{ color: summary.expired ? '#cf1322' : undefined }}
                  />
                </Col>
              </Row>
            </Col>
          </Row>
        </Card>
        <Card size="small">
          <Space wrap size={8} style={{ width: '100%' }}>
            <div style={{ width: 300 }}>
              <ScanInput onScan={onScan} placeholder={t('stock.scan.placeholder')} testId="stock-scan" />
            </div>
            <Input
              size="large"
              allowClear
              prefix={<SearchOutlined />}
              style={{ width: 300 }}
              placeholder={t('stock.searchPlaceholder')}
              value={query}
              data-testid="stock-search"
              onChange={(event) => setQuery(event.target.value)}
            />
            {isHq ? (
              <Select
                size="large"
                style={{ width: scopes.companyOptions.length > 0 ? 210 : 170 }}
                value={siteFilter}
                data-testid="stock-site"
                onChange={setSiteFilter}
                popupMatchSelectWidth={false}
                options={siteOptions}
              />
            ) : null}
            <Select
              size="large"
              allowClear
              style={{ width: 150 }}
              placeholder={t('stock.filters.category')}
              value={category}
              onChange={setCategory}
              data-testid="stock-category"
              options={categories.map((c) => ({ value: c, label: t(`stock.categories.${c}`, { defaultValue: c }) }))}
            />
            <Select
              size="large"
              allowClear
              style={{ width: 130 }}
              placeholder={t('stock.filters.storage')}
              value={storageClass}
              onChange={setStorageClass}
              data-testid="stock-storage"
              options={storageClasses.map((c) => ({ value: c, label: t(`stock.storage.${c}`) }))}
            />
            <Select
              size="large"
              allowClear
              style={{ width: 140 }}
              placeholder={t('stock.filters.status')}
              value={status}
              onChange={setStatus}
              data-testid="stock-status"
              options={statusFilters.map((s) => ({ value: s, label: t(`stock.status.${s}`) }))}
            />
            <Segmented
              size="large"
              value={view}
              onChange={(value) => setView(value as 'batch' | 'product')}
              data-testid="stock-view"
              options={[
                { value: 'batch', label: t('stock.view.batch') },
                { value: 'product', label: t('stock.view.product') },
              ]}
            />
          </Space>
          {scanMessage ? (
            <Alert
              style={{ marginTop: 8 }}
              type="warning"
              showIcon
              message={scanMessage}
              data-testid="stock-scan-message"
              closable
              onClose={() => setScanMessage(null)}
            />
          ) : null}
        </Card>
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <StockTable
            rows={filtered}
            byProduct={view === 'product'}
            showSite={isHq}
            siteName={siteName}
            loading={loading}
            height={tableHeight}
          />
        </Card>
        <Row justify="space-between" align="middle" gutter={[8, 8]}>
          <Col>
            <Typography.Text type="secondary" data-testid="stock-count">
              {t('stock.shown', { count: filtered.length, total: view === 'product' ? productRows(allRows).length : allRows.length })}
            </Typography.Text>
          </Col>
          <Col>
            <StockSheetActions
              rows={filtered}
              byProduct={view === 'product'}
              isHq={isHq}
              siteId={terminal?.siteId ?? ''}
              products={products ?? []}
              siteName={siteName}
            />
          </Col>
        </Row>
      </Space>
    </div>
  );
}
