import { SEASON_LENGTH as WEEK_DAYS, type Forecaster } from './types';

// A module-local copy: an imported binding is a getter call in the hot loops once transpiled to CommonJS.
const SEASON_LENGTH: number = WEEK_DAYS;

/**
 * Seasonal naive: tomorrow sells what the same weekday sold last week. The baseline every other
 * model must beat (Hyndman & Athanasopoulos, FPP3 §5.2).
 */
export function seasonalNaiveForecaster(values: Float64Array): Forecaster {
  return {
    model: 'seasonal-naive',
    forecastFrom(origin, out) {
      for (let h = 1; h <= out.length; h++) {
        // The latest observed day with the same weekday as origin + h.
        let source = origin + h - SEASON_LENGTH * Math.ceil(h / SEASON_LENGTH);
        while (source < 0) source += SEASON_LENGTH;
        out[h - 1] = source <= origin ? (values[source] ?? 0) : (values[origin] ?? 0);
      }
    },
  };
}
