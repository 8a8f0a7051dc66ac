import { Button, Card, Empty, List, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewItem } from '../../../shared/forecast';
import type { ProductDoc } from '../../../shared/schemas';
import { productLabel } from '../../ui/format';
import type { ForecastResult, SeriesResult } from './forecast-compute';
import { percent, verdictOf } from './figures';

/** The engine's review limits (shared/forecast/review.ts defaults). */
const LIMIT_SMOOTH = 0.5;
const LIMIT_INTERMITTENT = 1;

interface Props {
  result: ForecastResult;
  products: ReadonlyMap<string, ProductDoc>;
  onOpen: (productId: string) => void;
}

export function AccuracyPanel({ result, products, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const name = (productId: string) => {
    const product = products.get(productId);
    return product ? productLabel(product, i18n.language) : productId;
  };
  const byId = new Map(result.series.map((series) => [series.productId, series]));
  const reasonText = (item: ReviewItem, reason: ReviewItem['reasons'][number]) =>
    t(`forecast.review.${reason}`, {
      wape: percent(item.wape),
      naive: percent(item.seasonalNaiveWape),
      limit: percent(byId.get(item.id)?.intermittent ? LIMIT_INTERMITTENT : LIMIT_SMOOTH),
    });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('forecast.figures.total')} data-testid="accuracy-totals">
        <Space size={48} wrap>
          <Statistic title={t('forecast.figures.wape')} value={percent(result.totals.chosen.wape)} />
          <Statistic title={t('forecast.figures.bias')} value={percent(result.totals.chosen.bias, true)} />
          <Statistic title={t('forecast.figures.naive')} value={percent(result.totals.seasonalNaive.wape)} />
          <div>
            <div>{t('forecast.figures.improvement', { percent: percent(result.totals.improvement, true) })}</div>
            <Typography.Text type="secondary">
              {t('forecast.figures.seriesCount', { count: result.totals.seriesBacktested })}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">{t('forecast.figures.biasHelp')}</Typography.Text>
            </div>
          </div>
        </Space>
      </Card>
      <Card size="small" title={t('forecast.review.title', { count: result.review.length })} data-testid="review-queue">
        {result.review.length === 0 ? (
          <Empty description={t('forecast.review.empty')} />
        ) : (
          <List
            size="small"
            dataSource={[...result.review]}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <Button key="open" size="small" onClick={() => onOpen(item.id)}>
                    {t('forecast.review.open')}
                  </Button>,
                ]}
              >
                <Space wrap>
                  <Typography.Text strong>{name(item.id)}</Typography.Text>
                  {item.reasons.map((reason) => (
                    <Tag key={reason} color={reason === 'no-backtest' ? 'default' : 'orange'}>
                      {reasonText(item, reason)}
                    </Tag>
                  ))}
                  <Typography.Text type="secondary">{t(`forecast.model.${item.model}`)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Table<SeriesResult>
        data-testid="accuracy-table"
        size="small"
        rowKey="productId"
        pagination={{ pageSize: 15, showSizeChanger: false }}
        dataSource={[...result.series]}
        onRow={(series) => ({ onDoubleClick: () => onOpen(series.productId) })}
        columns={[
          {
            title: t('forecast.chart.product'),
            key: 'product',
            render: (_, series) => <a onClick={() => onOpen(series.productId)}>{name(series.productId)}</a>,
          },
          { title: t('forecast.figures.model'), key: 'model', render: (_, series) => t(`forecast.model.${series.model}`) },
          {
            title: t('forecast.figures.wape'),
            key: 'wape',
            align: 'right',
            sorter: (a, b) => (a.wape ?? -1) - (b.wape ?? -1),
            defaultSortOrder: 'descend',
            render: (_, series) => percent(series.wape),
          },
          { title: t('forecast.figures.bias'), key: 'bias', align: 'right', render: (_, series) => percent(series.bias, true) },
          { title: t('forecast.figures.naive'), key: 'naive', align: 'right', render: (_, series) => percent(series.naiveWape) },
          {
            title: t('forecast.figures.verdict'),
            key: 'verdict',
            render: (_, series) => {
              const verdict = verdictOf(series);
              return verdict ? (
                <Tag color={verdict === 'better' ? 'green' : verdict === 'worse' ? 'orange' : 'default'}>
                  {t(`forecast.figures.${verdict}`)}
                </Tag>
              ) : (
                '—'
              );
            },
          },
        ]}
      />
    </Space>
  );
}
