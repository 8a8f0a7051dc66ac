import type { TFunction } from 'i18next';
import type { SeriesResult } from './forecast-compute';

/** Level ratio as a signed change a manager reads at a glance: 0.6 → "−40%", 1.5 → "+50%". */
export function levelChange(ratio: number): string {
  const change = Math.round((ratio - 1) * 100);
  return `${change > 0 ? '+' : change < 0 ? '−' : ''}${Math.abs(change)}%`;
}

export interface ModelReasonText {
  readonly reason: string;
  /** Null when no level shift was found. */
  readonly levelShift: string | null;
}

/**
 * Why the forecast uses this model, in words: a hand-made baseline that won the backtest is named
 * as the rule it is, a combination names its members, and a level shift gives its date.
 */
export function modelReasonText(series: Pick<SeriesResult, 'model' | 'explanation' | 'levelShift'>, t: TFunction): ModelReasonText {
  const { explanation, levelShift } = series;
  let reason: string;
  if (explanation.baseline) {
    const rule =
      series.model === 'weekday-mean' ? t('forecast.why.weekdayMean', { weeks: explanation.weeks ?? 4 }) : t('forecast.why.seasonalNaive');
    reason = t('forecast.why.baseline', { rule });
  } else if (series.model === 'combination') {
    reason = t('forecast.why.combination', { models: explanation.members.map((model) => t(`forecast.model.${model}`)).join(' + ') });
  } else {
    reason = t('forecast.why.model');
  }
  return {
    reason,
    levelShift: levelShift ? t('forecast.why.levelShift', { date: levelShift.date, change: levelChange(levelShift.ratio) }) : null,
  };
}
