// What the forecast worker computes, as a pure function so unit tests and the worker share it.
// The engine chooses models by a rolling-origin backtest, which needs ≥ 7 origins after five
// weeks of training; a new site (or the demo's four weeks) has less. Then each series is scored on
// a holdout of its last week instead, the better of "same as last week" and SBA is kept, and the
// screen says which of the two evaluations produced the figures.
import {
  accuracyOf,
  backtestTotals,
  calendarCaveat,
  chinaHolidayCalendar,
  dayNumberOf,
  forecastSeries,
  movementsToDailySeries,
  reviewQueue,
  type AccuracyTotals,
  type BacktestResult,
  type BacktestTotals,
  type CalendarCaveat,
  type DailyPoint,
  type ForecastPoint,
  type LevelShiftFinding,
  type ModelExplanation,
  type ModelName,
  type ReviewItem,
  type SeriesForecast,
} from '../../../shared/forecast';
import { DEFAULT_SITE_TIME_ZONE } from '../../../shared/domain';

/** One stock movement as the worker needs it (plain object, structured-clone friendly). */
export interface DemandRow {
  readonly productId: string;
  readonly kind: string;
  readonly qty: number;
  readonly at: string;
}

export interface ForecastRequest {
  readonly requestId: number;
  readonly siteId: string;
  /** Last day of history (yesterday): today is not over yet and would read as a demand drop. */
  readonly endDate: string;
  /** The site's IANA zone: demand is dated by the site's calendar (default Asia/Shanghai). */
  readonly timeZone?: string;
  readonly horizon: number;
  readonly rows: readonly DemandRow[];
}

export type Evaluation = 'rolling' | 'holdout' | 'none';

export interface SeriesResult {
  readonly productId: string;
  readonly model: ModelName;
  /** Why this model (a baseline that won, the models combined), for the screen to say. */
  readonly explanation: ModelExplanation;
  /** A lasting change of sales level the forecast starts from, with its date; null when none. */
  readonly levelShift: LevelShiftFinding | null;
  readonly intermittent: boolean;
  readonly evaluation: Evaluation;
  /** Rolling: days ahead scored; holdout: days held out. */
  readonly evaluationDays: number;
  readonly origins: number;
  readonly wape: number | null;
  readonly bias: number | null;
  readonly naiveWape: number | null;
  readonly naiveBias: number | null;
  readonly history: readonly DailyPoint[];
  /** The chosen model's forecast of the held-out last week, drawn over the actuals. */
  readonly backcast: readonly { readonly date: string; readonly forecast: number }[];
  readonly points: readonly ForecastPoint[];
}

export interface ForecastResult {
  readonly requestId: number;
  readonly siteId: string;
  readonly series: readonly SeriesResult[];
  readonly totals: BacktestTotals;
  readonly review: readonly ReviewItem[];
  /** The forecast days reach a year whose holidays are provisional or unknown: the screen says so. */
  readonly calendarCaveat: CalendarCaveat | null;
  readonly elapsedMs: number;
}

/** Movement kinds that are demand at a site: the till, the store kitchen, recipes, and shipments to stores. */
const DEMAND_KINDS: ReadonlySet<string> = new Set(['sale', 'consumption', 'production-consume', 'dispatch-out']);
export const HOLDOUT_DAYS = 7;
/** Engine constants (shared/forecast/engine.ts): training days and origins a rolling backtest needs. */
const ENGINE_MIN_TRAIN_DAYS = 35;
const ENGINE_MIN_ORIGINS = 7;
const SHORT_HISTORY_MODELS: readonly ModelName[] = ['seasonal-naive', 'sba'];

export function isDemandKind(kind: string): boolean {
  return DEMAND_KINDS.has(kind);
}

function emptyTotals(): AccuracyTotals {
  return { absError: 0, signedError: 0, actual: 0, percentErrorSum: 0, percentErrorCount: 0, count: 0 };
}

/** Accuracy of forecasts against actuals, accumulated the way the engine's metrics do. */
export function totalsOf(actual: readonly number[], forecast: readonly number[]): AccuracyTotals {
  const totals = emptyTotals();
  for (let i = 0; i < actual.length; i++) {
    const error = (forecast[i] ?? 0) - actual[i]!;
    totals.absError += Math.abs(error);
    totals.signedError += error;
    totals.actual += Math.abs(actual[i]!);
    if (actual[i] !== 0) {
      totals.percentErrorSum += Math.abs(error / actual[i]!);
      totals.percentErrorCount++;
    }
    totals.count++;
  }
  return totals;
}

function canRollingBacktest(days: number, backtestHorizon: number): boolean {
  return days - backtestHorizon - ENGINE_MIN_TRAIN_DAYS + 1 >= ENGINE_MIN_ORIGINS;
}

interface Holdout {
  readonly model: ModelName;
  readonly forecast: readonly number[];
  readonly totals: AccuracyTotals;
}

/** Forecasts the last week from the weeks before it with one model. */
function holdoutOf(history: readonly DailyPoint[], model: ModelName | undefined): Holdout {
  const train = history.slice(0, history.length - HOLDOUT_DAYS);
  const actual = history.slice(history.length - HOLDOUT_DAYS).map((point) => point.qty);
  const run = forecastSeries({ id: 'holdout', history: train }, { horizon: HOLDOUT_DAYS, ...(model ? { models: [model] } : {}) });
  const forecast = run.points.map((point) => point.forecast);
  return { model: run.model, forecast, totals: totalsOf(actual, forecast) };
}

/** "Same weekday last week" on raw demand over the holdout: the reference every model must beat. */
function naiveHoldout(history: readonly DailyPoint[]): AccuracyTotals {
  const n = history.length;
  const actual: number[] = [];
  const forecast: number[] = [];
  for (let t = n - HOLDOUT_DAYS; t < n; t++) {
    actual.push(history[t]!.qty);
    forecast.push(history[t - 7]!.qty);
  }
  return totalsOf(actual, forecast);
}

function syntheticBacktest(chosen: Holdout, naive: AccuracyTotals, candidates: readonly Holdout[]): BacktestResult {
  return {
    horizon: HOLDOUT_DAYS,
    origins: 1,
    chosen: { model: chosen.model, ...accuracyOf(chosen.totals) },
    seasonalNaive: { model: 'seasonal-naive', ...accuracyOf(naive) },
    candidates: candidates.map((candidate) => ({ model: candidate.model, ...accuracyOf(candidate.totals) })),
    chosenTotals: chosen.totals,
    seasonalNaiveTotals: naive,
  };
}

interface SeriesRun {
  readonly forecast: SeriesForecast;
  readonly result: SeriesResult;
}

function forecastOne(productId: string, history: readonly DailyPoint[], horizon: number): SeriesRun {
  const n = history.length;
  const backtestHorizon = Math.min(horizon, 14);
  const canHoldout = n >= HOLDOUT_DAYS + 7;
  if (canRollingBacktest(n, backtestHorizon)) {
    const forecast = forecastSeries({ id: productId, history }, { horizon, backtestHorizon });
    const backtest = forecast.backtest;
    const shown = holdoutOf(history, forecast.model);
    return {
      forecast,
      result: {
        productId,
        model: forecast.model,
        explanation: forecast.explanation,
        levelShift: forecast.levelShift,
        intermittent: forecast.intermittent,
        evaluation: backtest ? 'rolling' : 'none',
        evaluationDays: backtest?.horizon ?? 0,
        origins: backtest?.origins ?? 0,
        wape: backtest?.chosen.wape ?? null,
        bias: backtest?.chosen.bias ?? null,
        naiveWape: backtest?.seasonalNaive.wape ?? null,
        naiveBias: backtest?.seasonalNaive.bias ?? null,
        history,
        backcast: backcastOf(history, shown.forecast),
        points: forecast.points,
      },
    };
  }
  if (!canHoldout) {
    const forecast = forecastSeries({ id: productId, history }, { horizon });
    return {
      forecast,
      result: {
        productId,
        model: forecast.model,
        explanation: forecast.explanation,
        levelShift: forecast.levelShift,
        intermittent: forecast.intermittent,
        evaluation: 'none',
        evaluationDays: 0,
        origins: 0,
        wape: null,
        bias: null,
        naiveWape: null,
        naiveBias: null,
        history,
        backcast: [],
        points: forecast.points,
      },
    };
  }
  const candidates = SHORT_HISTORY_MODELS.map((model) => holdoutOf(history, model));
  const chosen = candidates.reduce((best, next) => (accuracyOf(next.totals).wape < accuracyOf(best.totals).wape ? next : best));
  const naive = naiveHoldout(history);
  const final = forecastSeries({ id: productId, history }, { horizon, models: [chosen.model] });
  const backtest = syntheticBacktest(chosen, naive, candidates);
  const chosenAccuracy = accuracyOf(chosen.totals);
  const naiveAccuracy = accuracyOf(naive);
  return {
    forecast: { ...final, backtest },
    result: {
      productId,
      model: final.model,
      explanation: final.explanation,
      levelShift: final.levelShift,
      intermittent: final.intermittent,
      evaluation: 'holdout',
      evaluationDays: HOLDOUT_DAYS,
      origins: 1,
      wape: chosenAccuracy.wape,
      bias: chosenAccuracy.bias,
      naiveWape: naiveAccuracy.wape,
      naiveBias: naiveAccuracy.bias,
      history,
      backcast: backcastOf(history, chosen.forecast),
      points: final.points,
    },
  };
}

function backcastOf(history: readonly DailyPoint[], forecast: readonly number[]): { date: string; forecast: number }[] {
  const start = history.length - forecast.length;
  return forecast.map((value, i) => ({ date: history[start + i]!.date, forecast: value }));
}

/** The whole run: demand series of the site, a forecast per product, pooled accuracy and the review queue. */
export function runForecast(request: ForecastRequest, now: () => number = () => performance.now()): ForecastResult {
  const started = now();
  const movements = request.rows
    .filter((row) => isDemandKind(row.kind))
    .map((row) => ({
      siteId: request.siteId,
      productId: row.productId,
      // The engine counts `sale` and `production-consume`; a store's 消耗 and the kitchen's shipments are demand too.
      kind: row.kind === 'production-consume' ? 'production-consume' : 'sale',
      qty: row.qty,
      at: row.at,
    }));
  const series = movementsToDailySeries(movements, {
    endDate: request.endDate,
    zoneOf: () => request.timeZone ?? DEFAULT_SITE_TIME_ZONE,
  }).map((entry) => ({
    productId: entry.productId,
    // Movements dated after the end date (today's) are not history yet.
    history: entry.points.filter((point) => point.date <= request.endDate),
  }));
  const runs = series
    .filter((entry) => entry.history.length > 0)
    .map((entry) => forecastOne(entry.productId, entry.history, request.horizon));
  const forecasts = runs.map((run) => run.forecast);
  return {
    requestId: request.requestId,
    siteId: request.siteId,
    series: runs.map((run) => run.result),
    totals: backtestTotals(forecasts),
    review: reviewQueue(forecasts),
    // Of the window asked for, not of the series: a site with no history yet still plans into it.
    calendarCaveat: calendarCaveat(
      chinaHolidayCalendar(),
      dayNumberOf(request.endDate) + 1,
      dayNumberOf(request.endDate) + request.horizon,
    ),
    elapsedMs: now() - started,
  };
}
