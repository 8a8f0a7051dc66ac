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
  type ModelExplanation,
  type LevelShiftFinding,
} from './engine';
export { forecastMany, categoryHolidayFactors, type ForecastBatch } from './batch';
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
export {
  buildHolidayCalendar,
  calendarCaveat,
  chinaHolidayCalendar,
  mergeCalendarCaveats,
  NO_HOLIDAYS,
  type CalendarCaveat,
  type CalendarYearStatus,
  type DayKind,
  type HolidayCalendar,
} from './holidays';
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
export { BASELINE_MODELS, type ModelName } from './models/types';
export { detectLevelShift, type LevelShift } from './level-shift';
export { conformalQuantile, empiricalInterval, residualPools, type ResidualPools } from './intervals';
export type { ModelScore } from './backtest';
export type { CalendarProfile } from './calendar-effects';
export type { RegressorEffect } from './regressor';
export { parseIsoDate, isoDateOf, dayNumberOf } from './dates';
