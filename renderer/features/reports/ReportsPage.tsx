import { Card, Col, Collapse, Row, Select, Space, Spin, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTerminal } from '../../db/hooks';
import { formatMoney } from '../../ui/format';
import { DateRangeField, lastFourWeeks, type BusinessDateRange } from '../finance/DateRange';
import { useLabels, useSites } from '../finance/labels';
import { EChart } from './EChart';
import { oneDecimal, percent } from './format';
import { KpiTables } from './KpiTables';
import { useKpis } from './useKpis';

const formulaKeys = ['inventory', 'turnover', 'loss', 'stockout', 'margin', 'nearExpiry', 'controls', 'zero'] as const;

/** 经营指标看板: HQ sees every site (with a site filter), a site sees its own. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const labels = useLabels();
  const sites = useSites();
  const [range, setRange] = useState<BusinessDateRange>(lastFourWeeks);
  const [siteFilter, setSiteFilter] = useState('');
  const isHq = terminal?.siteKind === 'hq';
  const siteIds = useMemo(
    () => (isHq ? (siteFilter ? [siteFilter] : undefined) : terminal ? [terminal.siteId] : []),
    [isHq, siteFilter, terminal],
  );
  const { result, products } = useKpis(range, siteIds);

  const charts = useMemo(() => {
    if (!result) return null;
    const { dashboard, daily } = result;
    const byCategory = Object.entries(dashboard.inventoryValue.byCategory).sort(([, a], [, b]) => b - a);
    const bySite = Object.entries(dashboard.inventoryValue.bySite).sort(([, a], [, b]) => b - a);
    const margin = [...dashboard.grossMargin.byCategory].sort((a, b) => b.revenue - a.revenue);
    const money = (value: number) => formatMoney(value);
    const pie: EChartsCoreOption = {
      tooltip: { trigger: 'item', valueFormatter: money },
      series: [
        {
          type: 'pie',
          radius: ['35%', '70%'],
          data: byCategory.map(([key, value]) => ({ name: labels.category(key), value: Math.round(value) })),
        },
      ],
    };
    const sitesBar: EChartsCoreOption = {
      tooltip: { trigger: 'axis', valueFormatter: money },
      grid: { left: 90, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: bySite.map(([id]) => labels.site(id)) },
      series: [{ type: 'bar', data: bySite.map(([, value]) => Math.round(value)) }],
    };
    const line: EChartsCoreOption = {
      tooltip: { trigger: 'axis', valueFormatter: money },
      grid: { left: 70, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: daily.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value' },
      series: [
        { type: 'line', name: t('reports.charts.value'), data: daily.map((d) => d.value), smooth: true, areaStyle: { opacity: 0.15 } },
      ],
    };
    const bars: EChartsCoreOption = {
      tooltip: { trigger: 'axis', valueFormatter: money },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 30, bottom: 40 },
      xAxis: {
        type: 'category',
        data: margin.map((row) => labels.category(row.key)),
        axisLabel: { interval: 0, rotate: margin.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: t('reports.charts.revenue'), data: margin.map((row) => row.revenue) },
        { type: 'bar', name: t('reports.charts.cogs'), data: margin.map((row) => row.cogs) },
      ],
    };
    return { pie, sitesBar, line, bars };
  }, [result, labels, t]);

  const cards = result && [
    {
      key: 'inventory',
      title: t('reports.cards.inventory'),
      value: formatMoney(result.dashboard.inventoryValue.total),
      note: t('reports.cards.asOf', { date: result.dashboard.to }),
    },
    {
      key: 'turnover',
      title: t('reports.cards.turnover'),
      value: oneDecimal(result.dashboard.turnover.turnover),
      note: t('reports.cards.cogs', { value: formatMoney(result.dashboard.turnover.cogs) }),
    },
    { key: 'days', title: t('reports.cards.daysOfStock'), value: oneDecimal(result.dashboard.turnover.daysOfStock), note: '' },
    {
      key: 'loss',
      title: t('reports.cards.loss'),
      value: percent(result.dashboard.loss.lossRate),
      note: t('reports.cards.waste', { value: formatMoney(result.dashboard.loss.wasteValue) }),
    },
    {
      key: 'stockout',
      title: t('reports.cards.stockout'),
      value: percent(result.dashboard.stockout.stockoutRate),
      note: t('reports.cards.itemDays', {
        zero: result.dashboard.stockout.itemDaysAtZero,
        demand: result.dashboard.stockout.itemDaysWithDemand,
      }),
    },
    {
      key: 'margin',
      title: t('reports.cards.margin'),
      value: percent(result.dashboard.grossMargin.total.margin),
      note: t('reports.cards.revenue', { value: formatMoney(result.dashboard.grossMargin.total.revenue) }),
    },
    {
      key: 'near',
      title: t('reports.cards.nearExpiry'),
      value: formatMoney(result.dashboard.nearExpiry.nearExpiryValue),
      note: `${t('reports.cards.expired')} ${formatMoney(result.dashboard.nearExpiry.expiredValue)}`,
    },
    { key: 'fifo', title: t('reports.cards.fifo'), value: String(result.dashboard.fifoOverrides.count), note: '' },
    {
      key: 'price',
      title: t('reports.cards.price'),
      value: String(result.dashboard.priceDeviations.count),
      note: t('reports.cards.excess', { value: formatMoney(result.dashboard.priceDeviations.totalExcess) }),
    },
  ];

  return (
    <div data-testid="section-reports">
      <Card style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('reports.title')}
          </Typography.Title>
          <Space wrap>
            <DateRangeField value={range} onChange={setRange} testId="kpi-range" />
            {isHq && (
              <Select
                data-testid="kpi-site"
                style={{ minWidth: 160 }}
                value={siteFilter}
                onChange={setSiteFilter}
                options={[
                  { value: '', label: t('reports.allSites') },
                  ...(sites ?? []).map((s) => ({ value: s.id, label: labels.site(s.id) })),
                ]}
              />
            )}
          </Space>
        </Space>
        {result && (
          <Typography.Text type="secondary" data-testid="kpi-ms" data-ms={result.ms}>
            {t('reports.computed', { ms: result.ms, count: result.movements })}
          </Typography.Text>
        )}
      </Card>
      {!result || !charts || !cards ? (
        <Card>
          <Spin /> <Typography.Text type="secondary">{t('reports.loading')}</Typography.Text>
        </Card>
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {cards.map((card) => (
              <Col key={card.key} xs={12} md={8} xl={8} xxl={4}>
                <Card size="small" data-testid={`kpi-card-${card.key}`}>
                  <Statistic title={card.title} value={card.value} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {card.note || '\u00a0'}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('reports.charts.daily')}>
                <EChart testId="chart-daily" option={charts.line} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('reports.charts.margin')}>
                <EChart testId="chart-margin" option={charts.bars} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('reports.charts.byCategory')}>
                <EChart testId="chart-category" option={charts.pie} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('reports.charts.bySite')}>
                <EChart testId="chart-site" option={charts.sitesBar} />
              </Card>
            </Col>
          </Row>
          <Collapse
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'formulas',
                label: t('reports.formulas.title'),
                children: (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {formulaKeys.map((key) => (
                      <li key={key}>{t(`reports.formulas.${key}`)}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <KpiTables dashboard={result.dashboard} products={products} />
        </>
      )}
    </div>
  );
}
