import { Card, Col, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockSummaryTable, summaryGroups, summaryGroupTitle, type StockSummaryRow, type SummaryGrouping } from '../../../shared/finance';
import { useTerminal } from '../../db/hooks';
import { businessDateToday, formatMoney, formatQty, productLabel } from '../../ui/format';
import { DateRangeField, type BusinessDateRange } from '../finance/DateRange';
import { ExportButtons } from '../finance/ExportButtons';
import { useLabels, useSites } from '../finance/labels';
import { useCompanyScopes } from '../finance/site-scope';
import { useStockSummary } from './useStockSummary';

/** From the first of this month to today: the month so far, as owners close it. */
function monthToDate(today = businessDateToday()): BusinessDateRange {
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The totals row's key: no product, category or site has it. */
const totalKey = '\u0000total';

type SummaryRow = StockSummaryRow;

/** 收发存汇总: opening, in by kind, out by kind, closing — quantity and value — for a range. */
export default function StockSummaryPage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const labels = useLabels();
  const sites = useSites();
  const isHq = terminal?.siteKind === 'hq';
  const [range, setRange] = useState<BusinessDateRange>(monthToDate);
  const [grouping, setGrouping] = useState<SummaryGrouping>('product');
  const [siteFilter, setSiteFilter] = useState('');
  const [detail, setDetail] = useState(false);
  // HQ reads one site, one company's sites (issue 17) or all.
  const scopes = useCompanyScopes(sites);
  const siteIds = useMemo(
    () => (isHq ? scopes.siteIdsOf(siteFilter) : terminal ? [terminal.siteId] : []),
    [isHq, siteFilter, terminal, scopes],
  );
  const { summary, products } = useStockSummary(range, siteIds, grouping);
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  const byId = useMemo(() => new Map(products.map((product) => [product.id, product])), [products]);
  const nameOf = (key: string): string =>
    grouping === 'product'
      ? byId.has(key)
        ? productLabel(byId.get(key)!, i18n.language)
        : key
      : grouping === 'category'
        ? labels.category(key)
        : labels.site(key);
  // On screen one column per figure, quantity over value, so the four figures fit a 1024 px till;
  // the kinds in and out come with "by kind". The export has every figure in a column of its own.
  const columns: ColumnsType<SummaryRow> = summary
    ? [
        {
          title: t(`reports.summary.${grouping === 'product' ? 'product' : grouping === 'category' ? 'category' : 'site'}`),
          key: 'name',
          width: 170,
          fixed: 'left',
          render: (_, row) =>
            row.key === totalKey ? (
              <Typography.Text strong>{t('reports.summary.total')}</Typography.Text>
            ) : (
              <Space direction="vertical" size={0}>
                <Typography.Text ellipsis style={{ maxWidth: 155 }}>
                  {nameOf(row.key)}
                </Typography.Text>
                {grouping === 'product' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {byId.get(row.key)?.sku ?? ''}
                  </Typography.Text>
                )}
              </Space>
            ),
        },
        ...summaryGroups(summary, detail).map(([key, pick]) => ({
          title: summaryGroupTitle(key, language),
          key,
          width: 120,
          align: 'right' as const,
          render: (_: unknown, row: SummaryRow) => {
            const amount = pick(row);
            return (
              <Space direction="vertical" size={0} align="end" data-testid={`summary-${key}`}>
                {amount.qty !== null && <span>{formatQty(amount.qty, byId.get(row.key))}</span>}
                <Typography.Text strong={row.key === totalKey} type={amount.qty !== null ? 'secondary' : undefined}>
                  {formatMoney(amount.value)}
                </Typography.Text>
              </Space>
            );
          },
        })),
      ]
    : [];
  const rows: SummaryRow[] = summary && summary.rows.length > 0 ? [...summary.rows, { ...summary.totals, key: totalKey }] : [];

  return (
    <div data-testid="section-stock-summary">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small">
          <Row gutter={[16, 8]} align="middle">
            <Col flex="auto">
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t('reports.summary.title')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('reports.summary.hint')}</Typography.Text>
            </Col>
            <Col>
              <ExportButtons
                testId="summary-export"
                printable
                table={() =>
                  summary
                    ? stockSummaryTable(
                        summary,
                        { name: nameOf, code: (key) => byId.get(key)?.sku ?? key, unit: (key) => byId.get(key)?.baseUnit ?? '' },
                        language,
                      )
                    : { title: t('reports.summary.title'), columns: [], rows: [] }
                }
              />
            </Col>
          </Row>
          <Space wrap style={{ marginTop: 12 }}>
            <DateRangeField value={range} onChange={setRange} testId="summary-range" />
            <Segmented<SummaryGrouping>
              value={grouping}
              onChange={setGrouping}
              data-testid="summary-grouping"
              options={[
                { value: 'product', label: t('reports.summary.byProduct') },
                { value: 'category', label: t('reports.summary.byCategory') },
                ...(isHq ? [{ value: 'site' as const, label: t('reports.summary.bySite') }] : []),
              ]}
            />
            <Segmented<'total' | 'detail'>
              value={detail ? 'detail' : 'total'}
              onChange={(value) => setDetail(value === 'detail')}
              data-testid="summary-detail"
              options={[
                { value: 'total', label: t('reports.summary.totalsOnly') },
                { value: 'detail', label: t('reports.summary.byKind') },
              ]}
            />
            {isHq && (
              <Select
                style={{ width: 180 }}
                value={siteFilter}
                onChange={setSiteFilter}
                data-testid="summary-site"
                options={[
                  { value: '', label: t('reports.summary.allSites') },
                  ...scopes.companyOptions,
                  ...(sites ?? []).filter((site) => site.kind !== 'hq').map((site) => ({ value: site.id, label: labels.site(site.id) })),
                ]}
              />
            )}
          </Space>
        </Card>
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<SummaryRow>
            size="small"
            loading={summary === null}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: columns.reduce((sum, column) => sum + Number(column.width ?? 120), 0), y: 480 }}
            locale={{ emptyText: t('reports.summary.empty') }}
            data-testid="summary-table"
          />
        </Card>
      </Space>
    </div>
  );
}
