import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductDoc } from '../../../shared/schemas';
import { readableQty } from './quantity';
import type { Suggestion } from './replenishment-plan';

const factor = (value: number): string => value.toFixed(2);

/** The suggestion as the arithmetic a store manager can check: why this many, not a black box. */
export function Explanation({ suggestion, product }: { suggestion: Suggestion; product: ProductDoc }) {
  const { t } = useTranslation();
  const e = suggestion.order.explanation;
  const qty = (value: number) => readableQty(value, product);
  return (
    <div data-testid="suggestion-explanation" style={{ fontSize: 12, lineHeight: 1.6 }}>
      <div>
        {t('forecast.suggest.explain.demand', {
          level: qty(e.level),
          weekday: factor(e.weekdayFactor),
          holiday: factor(e.holidayFactor),
          days: e.coverDays,
          demand: qty(e.demandOverCover),
        })}
      </div>
      <div>
        {t('forecast.suggest.explain.stock', {
          safety: qty(e.safetyStock),
          onHand: qty(e.onHand),
          onOrder: qty(e.onOrder),
          net: qty(e.netRequirement),
        })}
      </div>
      <div>
        {e.netRequirement <= 0
          ? t('forecast.suggest.explain.noNeed')
          : t('forecast.suggest.explain.packs', {
              packs: suggestion.order.packs,
              unit: suggestion.pack.unit,
              pack: qty(suggestion.pack.size),
            })}
      </div>
      {e.capApplied && e.shelfLifeCap !== null && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('forecast.suggest.explain.cap', { cap: qty(e.shelfLifeCap), days: suggestion.shelfLifeDays })}
        </Typography.Text>
      )}
    </div>
  );
}
