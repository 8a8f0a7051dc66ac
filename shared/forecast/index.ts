/**
 * Demand forecasting and replenishment maths. Pure TypeScript: runs in the app's Web Worker and
 * in Node (server/cli/forecast.ts), imports nothing outside shared/.
 */
export {
  forecastSeries,
  type ForecastOptions,
  type ForecastPoint,
  type SeriesForecast,
  type SeriesInput,
  type BacktestResult,
} from './engine';
export { forecastMany, type ForecastBatch } from './batch';
export { reviewQueue, backtestTotals, type ReviewItem, type ReviewOptions, type ReviewReason, type BacktestTotals } from './review';
export {
  movementsToDailySeries,
  fillMissingDays,
  toDenseSeries,
  type DailyPoint,
  type DemandMovement,
  type DemandMovementKind,
  type SiteProductSeries,
  type MovementsToSeriesOptions,
} from './series';
export { CHINA_HOLIDAYS, type HolidayName, type HolidayPeriod, type HolidayYear } from './china-holidays';
export { buildHolidayCalendar, chinaHolidayCalendar, NO_HOLIDAYS, type DayKind, type HolidayCalendar } from './holidays';
export { normalQuantile, safetyStock, sigmaFromInterval, type PredictionInterval } from './normal';
export { suggestOrder, type DemandDay, type OrderInput, type OrderSuggestion, type OrderExplanation } from './replenishment';
export {
  planProduction,
  type Recipe,
  type RecipeLine,
  type StoreRequest,
  type ProductionPlanInput,
  type ProductionPlan,
  type ProductionLine,
  type MaterialRequirement,
  type PurchaseSuggestion,
} from './mrp';
export { accuracyOf, type Accuracy, type AccuracyTotals } from './metrics';
export type { ModelName } from './models/types';
export type { ModelScore } from './backtest';
export type { CalendarProfile } from './calendar-effects';
export type { RegressorEffect } from './regressor';
export { parseIsoDate, isoDateOf } from './dates';
