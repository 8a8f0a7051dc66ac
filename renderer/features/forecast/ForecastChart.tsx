import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesResult } from './forecast-compute';
import { useEChart, type ChartOption } from './useEChart';

/** Days of forecast drawn after the history (the worker forecasts further for shelf-life caps). */
const CHART_DAYS = 14;
const round = (value: number): number => Math.round(value * 100) / 100;

/** Actual history, last week's forecast over it, the forecast ahead and its interval band. */
export function ForecastChart({ series, unit }: { series: SeriesResult; unit: string }) {
  const { t } = useTranslation();
  const option = useMemo((): ChartOption => {
    const future = series.points.slice(0, CHART_DAYS);
    const dates = [...series.history.map((point) => point.date), ...future.map((point) => point.date)];
    const pad = (count: number) => Array.from({ length: count }, () => null);
    const historyLength = series.history.length;
    const backcastByDate = new Map(series.backcast.map((point) => [point.date, round(point.forecast)]));
    const coverage = Math.round((future[0]?.coverage ?? 0.8) * 100);
    const labels = {
      actual: t('forecast.chart.actual'),
      backcast: t('forecast.chart.backcast'),
      forecast: t('forecast.chart.forecast'),
      band: t('forecast.chart.band', { coverage }),
    };
    return {
      animation: false,
      grid: { left: 56, right: 24, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value} ${unit}` : '') },
      legend: { data: [labels.actual, labels.backcast, labels.forecast, labels.band], top: 0 },
      xAxis: { type: 'category', data: dates.map((date) => date.slice(5)), boundaryGap: false },
      yAxis: { type: 'value', name: unit, min: 0 },
      series: [
        {
          name: labels.actual,
          type: 'line',
          data: [...series.history.map((point) => round(point.qty)), ...pad(future.length)],
          color: '#1f2937',
          symbolSize: 5,
        },
        {
          name: labels.backcast,
          type: 'line',
          data: [...series.history.map((point) => backcastByDate.get(point.date) ?? null), ...pad(future.length)],
          color: '#d97706',
          lineStyle: { type: 'dashed' },
          symbol: 'none',
        },
        // Joined to the last actual day so the forecast reads as continuing the history.
        {
          name: labels.forecast,
          type: 'line',
          data: [
            ...pad(historyLength - 1),
            round(series.history[historyLength - 1]?.qty ?? 0),
            ...future.map((point) => round(point.forecast)),
          ],
          color: '#2563eb',
          symbolSize: 4,
        },
        {
          name: labels.band,
          type: 'line',
          stack: 'band',
          data: [...pad(historyLength), ...future.map((point) => round(point.lo))],
          lineStyle: { opacity: 0 },
          symbol: 'none',
          color: '#93c5fd',
          tooltip: { show: false },
        },
        {
          name: labels.band,
          type: 'line',
          stack: 'band',
          data: [...pad(historyLength), ...future.map((point) => round(point.hi - point.lo))],
          lineStyle: { opacity: 0 },
          symbol: 'none',
          areaStyle: { opacity: 0.35 },
          color: '#93c5fd',
          tooltip: { show: false },
        },
      ],
    };
  }, [series, unit, t]);
  const ref = useEChart(option);
  return <div ref={ref} data-testid="forecast-chart" style={{ width: '100%', height: 320 }} />;
}
