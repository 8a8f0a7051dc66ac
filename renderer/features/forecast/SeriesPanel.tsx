import { Card, Descriptions, Empty, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductDoc } from '../../../shared/schemas';
import { productLabel } from '../../ui/format';
import type { SeriesResult } from './forecast-compute';
import { ForecastChart } from './ForecastChart';
import { ModelReason } from './ModelReason';
import { percent, verdictOf } from './figures';
import { unitLabel } from '../../ui/units';

interface Props {
  series: readonly SeriesResult[];
  products: ReadonlyMap<string, ProductDoc>;
  selected: string | null;
  onSelect: (productId: string) => void;
}

/** One product: its chart and the figures that say how far to trust it. */
export function SeriesPanel({ series, products, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const current = series.find((entry) => entry.productId === selected) ?? null;
  const product = current ? products.get(current.productId) : undefined;
  const options = series.map((entry) => {
    const known = products.get(entry.productId);
    return {
      value: entry.productId,
      label: known ? `${productLabel(known, i18n.language)} · ${known.sku}` : entry.productId,
      search: known ? `${known.name} ${known.nameEn ?? ''} ${known.sku}`.toLowerCase() : entry.productId,
    };
  });
  const verdict = current ? verdictOf(current) : null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Select
        data-testid="forecast-product"
        showSearch
        autoFocus
        style={{ width: 420, maxWidth: '100%' }}
        placeholder={t('forecast.chart.pickProduct')}
        value={current?.productId}
        options={options}
        filterOption={(input, option) => (option?.search ?? '').includes(input.toLowerCase())}
        onChange={onSelect}
      />
      {!current ? (
        <Empty description={t('forecast.chart.empty')} />
      ) : (
        <Card size="small">
          <ForecastChart series={current} unit={unitLabel(product?.baseUnit)} />
          <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="series-figures">
            <Descriptions.Item label={t('forecast.figures.model')}>{t(`forecast.model.${current.model}`)}</Descriptions.Item>
            <Descriptions.Item label={t('forecast.figures.wape')}>{percent(current.wape)}</Descriptions.Item>
            <Descriptions.Item label={t('forecast.figures.bias')}>{percent(current.bias, true)}</Descriptions.Item>
            <Descriptions.Item label={t('forecast.figures.naive')}>{percent(current.naiveWape)}</Descriptions.Item>
            <Descriptions.Item label={t('forecast.figures.verdict')}>
              {verdict ? (
                <Tag color={verdict === 'better' ? 'green' : verdict === 'worse' ? 'orange' : 'default'}>
                  {t(`forecast.figures.${verdict}`)}
                </Tag>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('forecast.figures.evaluation')}>
              {t(`forecast.evaluation.${current.evaluation}`, { days: current.evaluationDays, origins: current.origins })}
            </Descriptions.Item>
            <Descriptions.Item label={t('forecast.figures.why')} span={3}>
              <ModelReason series={current} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
