import { forecastSeries, type ForecastOptions, type SeriesForecast, type SeriesInput } from './engine';
import { backtestTotals, type BacktestTotals } from './review';

export interface ForecastBatch {
  readonly series: readonly SeriesForecast[];
  readonly totals: BacktestTotals;
}

/** Forecasts many series with the same options and pools their backtest accuracy. */
export function forecastMany(inputs: readonly SeriesInput[], options: ForecastOptions = {}): ForecastBatch {
  const series = inputs.map((input) => forecastSeries(input, options));
  return { series, totals: backtestTotals(series) };
}
