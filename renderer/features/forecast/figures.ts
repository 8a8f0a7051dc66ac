import type { SeriesResult } from './forecast-compute';

/** 0.234 → "23%"; signed shows "+5%" so a bias reads as a direction. */
export function percent(value: number | null, signed = false): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 100);
  return `${signed && rounded > 0 ? '+' : ''}${rounded}%`;
}

/** Chosen model against "same as last week", within half a percentage point counted as equal. */
export function verdictOf(series: Pick<SeriesResult, 'wape' | 'naiveWape'>): 'better' | 'worse' | 'equal' | null {
  if (series.wape === null || series.naiveWape === null) return null;
  const difference = series.wape - series.naiveWape;
  if (Math.abs(difference) < 0.005) return 'equal';
  return difference < 0 ? 'better' : 'worse';
}
