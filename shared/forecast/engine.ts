import {
  candidateModels,
  evaluateOrigins,
  fitModel,
  INTERMITTENT_ADI,
  isIntermittent,
  scoreOf,
  type ModelParams,
  type ModelScore,
} from './backtest';
import {
  adjustments,
  buildDayTable,
  dayFactors,
  estimateCalendarProfile,
  NEUTRAL_PROFILE,
  type CalendarInputs,
  type CalendarProfile,
  type DayTable,
} from './calendar-effects';
import { dayNumberOf, isoDateOf } from './dates';
import { chinaHolidayCalendar, type HolidayCalendar } from './holidays';
import type { AccuracyTotals } from './metrics';
import type { ModelName } from './models/types';
import { normalQuantile, type PredictionInterval } from './normal';
import { fitRegressorEffect, type RegressorEffect } from './regressor';
import { toDenseSeries, type DailyPoint } from './series';

export interface SeriesInput {
  readonly id: string;
  /** Daily demand; missing days count as 0, duplicate dates are summed. */
  readonly history: readonly DailyPoint[];
  /** Extend the history with zero days up to this date (the common forecast origin). */
  readonly endDate?: string;
  /** Promotion days, past and planned, `YYYY-MM-DD`. */
  readonly promoDates?: readonly string[];
  /** External regressor by date (e.g. daily temperature), covering history and the forecast days. */
  readonly regressor?: Readonly<Record<string, number>>;
}

export interface ForecastOptions {
  /** Days to forecast after the last history day (default 14). */
  readonly horizon?: number;
  /** Coverage of the prediction interval (default 0.8). */
  readonly coverage?: number;
  /** Days ahead scored in the backtest (default min(horizon, 14)). */
  readonly backtestHorizon?: number;
  /** Number of consecutive daily rolling origins (default 28). */
  readonly backtestOrigins?: number;
  /** Holiday calendar (default: mainland China 2024–2027 with 调休). */
  readonly calendar?: HolidayCalendar;
  /** Planner-set holiday multipliers by holiday name, overriding the estimated ones. */
  readonly holidayMultipliers?: Readonly<Record<string, number>>;
  readonly promoMultiplier?: number;
  readonly intermittencyThreshold?: number;
  /** Restrict the candidate models (e.g. ['seasonal-naive'] for a baseline run). */
  readonly models?: readonly ModelName[];
  /** Re-run the parameter search of the chosen model on the full history (default false: reuse the backtest fit). */
  readonly refit?: boolean;
}

export interface ForecastPoint extends PredictionInterval {
  readonly date: string;
  /** Demand of a normal day at this point: forecast ÷ (all factors below). */
  readonly level: number;
  readonly weekdayFactor: number;
  readonly holidayFactor: number;
  readonly promoFactor: number;
  readonly regressorFactor: number;
}

export interface BacktestResult {
  readonly horizon: number;
  readonly origins: number;
  readonly chosen: ModelScore;
  /** Plain seasonal naive on raw demand: "same as last week", the reference for review. */
  readonly seasonalNaive: ModelScore;
  readonly candidates: readonly ModelScore[];
  readonly chosenTotals: AccuracyTotals;
  readonly seasonalNaiveTotals: AccuracyTotals;
}

export interface SeriesForecast {
  readonly id: string;
  readonly model: ModelName;
  readonly intermittent: boolean;
  readonly points: readonly ForecastPoint[];
  /** null when the history is too short for a backtest (model then chosen by demand class). */
  readonly backtest: BacktestResult | null;
  readonly profile: CalendarProfile;
  readonly regressorEffect: RegressorEffect | null;
}

/** Below this many training days, Holt–Winters initialisation (4 weeks) has nothing left to learn from. */
const MIN_TRAIN_DAYS = 35;
const MIN_ORIGINS = 7;
/** Floor for dividing by a calendar multiplier: a store closed for 春节 must not blow up the adjusted series. */
const MIN_ADJUSTMENT = 0.05;

interface Prepared {
  readonly adjustment: Float64Array;
  readonly adjusted: Float64Array;
}

/** Multipliers for the days of the table and the history divided by them. */
function prepare(values: Float64Array, table: DayTable, profile: CalendarProfile): Prepared {
  const adjustment = adjustments(profile, table);
  const adjusted = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) adjusted[i] = values[i]! / Math.max(MIN_ADJUSTMENT, adjustment[i]!);
  return { adjustment, adjusted };
}

function sigmaAt(rmseByHorizon: Float64Array, h: number): number {
  const known = rmseByHorizon.length;
  if (known === 0) return 0;
  if (h <= known) return rmseByHorizon[h - 1]!;
  // Beyond the backtested horizon, grow like a random walk from the last measured step.
  return rmseByHorizon[known - 1]! * Math.sqrt(h / known);
}

/**
 * Forecasts one series: classify demand, backtest the candidate models from rolling origins,
 * keep the one with the lowest WAPE, then forecast from the full history with intervals taken
 * from that model's backtest errors per horizon.
 */
export function forecastSeries(input: SeriesInput, options: ForecastOptions = {}): SeriesForecast {
  const horizon = options.horizon ?? 14;
  const coverage = options.coverage ?? 0.8;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizon must be a positive integer, got ${horizon}`);
  if (!(coverage > 0 && coverage < 1)) throw new RangeError(`coverage must be in (0, 1), got ${coverage}`);
  const { startDay, values } = toDenseSeries(input.history, input.endDate);
  const n = values.length;
  const inputs: CalendarInputs = {
    calendar: options.calendar ?? chinaHolidayCalendar(),
    promoDays: new Set((input.promoDates ?? []).map(dayNumberOf)),
    holidayOverrides: options.holidayMultipliers,
    promoOverride: options.promoMultiplier,
  };
  const table = buildDayTable(startDay, n + horizon, inputs);
  const threshold = options.intermittencyThreshold ?? INTERMITTENT_ADI;
  const backtestHorizon = Math.min(options.backtestHorizon ?? Math.min(horizon, 14), Math.max(1, n));
  const origins = Math.min(options.backtestOrigins ?? 28, n - backtestHorizon - MIN_TRAIN_DAYS + 1);

  let model: ModelName;
  let reuse: ModelParams | undefined;
  let rmseByHorizon: Float64Array;
  let backtest: BacktestResult | null = null;
  let intermittent: boolean;

  if (origins >= MIN_ORIGINS) {
    const trainLength = n - backtestHorizon - origins + 1;
    const firstOrigin = trainLength - 1;
    intermittent = isIntermittent(values, trainLength, threshold);
    // Calendar effects are estimated on the training window only, like the model parameters.
    const trainProfile = intermittent ? NEUTRAL_PROFILE : estimateCalendarProfile(values, trainLength, table, inputs);
    const { adjustment, adjusted } = prepare(values, table, trainProfile);
    const scored: { score: ModelScore; totals: AccuracyTotals; rmse: Float64Array; params: ModelParams }[] = [];
    for (const candidate of candidateModels(adjusted, trainLength, intermittent, options.models)) {
      const fitted = fitModel(candidate, adjusted, trainLength);
      const evaluation = evaluateOrigins(fitted.forecaster, values, adjusted, adjustment, firstOrigin, origins, backtestHorizon);
      scored.push({
        score: scoreOf(candidate, evaluation.totals),
        totals: evaluation.totals,
        rmse: evaluation.rmseByHorizon,
        params: fitted.params,
      });
    }
    const best = scored.reduce((a, b) => (b.score.wape < a.score.wape ? b : a));
    const naive = fitModel('seasonal-naive', values, trainLength);
    const naiveTotals = evaluateOrigins(naive.forecaster, values, values, undefined, firstOrigin, origins, backtestHorizon).totals;
    model = best.score.model;
    reuse = best.params;
    rmseByHorizon = best.rmse;
    backtest = {
      horizon: backtestHorizon,
      origins,
      chosen: best.score,
      seasonalNaive: scoreOf('seasonal-naive', naiveTotals),
      candidates: scored.map((entry) => entry.score),
      chosenTotals: best.totals,
      seasonalNaiveTotals: naiveTotals,
    };
  } else {
    // Too short to backtest: pick by demand class, intervals from in-sample one-step errors.
    intermittent = isIntermittent(values, n, threshold);
    model = options.models
      ? candidateModels(values, n, intermittent, options.models)[0]!
      : intermittent || n < 14
        ? 'sba'
        : 'seasonal-naive';
    rmseByHorizon = new Float64Array(0);
  }

  const profile = intermittent ? NEUTRAL_PROFILE : estimateCalendarProfile(values, n, table, inputs);
  const { adjustment, adjusted } = prepare(values, table, profile);
  const final = fitModel(model, adjusted, n, options.refit ? undefined : reuse);
  if (rmseByHorizon.length === 0) rmseByHorizon = inSampleRmse(final.forecaster, adjusted, horizon);
  const regressorEffect = input.regressor ? fitRegressorEffect(final.forecaster, values, adjustment, startDay, input.regressor) : null;

  const out = new Float64Array(horizon);
  if (n > 0) final.forecaster.forecastFrom(n - 1, out);
  const z = normalQuantile((1 + coverage) / 2);
  const points: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h++) {
    const index = n - 1 + h;
    const day = startDay + index;
    const date = isoDateOf(day);
    const factors =
      profile === NEUTRAL_PROFILE ? { weekdayFactor: 1, holidayFactor: 1, promoFactor: 1 } : dayFactors(profile, table, index);
    const regressorFactor = regressorEffect ? regressorEffect.factorOn(date) : 1;
    const scale = adjustment[index]! * regressorFactor;
    const forecast = Math.max(0, out[h - 1]!) * scale;
    const halfWidth = z * sigmaAt(rmseByHorizon, h) * scale;
    const components = factors.weekdayFactor * factors.holidayFactor * factors.promoFactor * regressorFactor;
    points.push({
      date,
      forecast,
      lo: Math.max(0, forecast - halfWidth),
      hi: forecast + halfWidth,
      coverage,
      level: components > 0 ? forecast / components : 0,
      weekdayFactor: factors.weekdayFactor,
      holidayFactor: factors.holidayFactor,
      promoFactor: factors.promoFactor,
      regressorFactor,
    });
  }
  return { id: input.id, model, intermittent, points, backtest, profile, regressorEffect };
}

/** One-step in-sample RMSE grown by √h: the fallback interval when there is no backtest. */
function inSampleRmse(
  forecaster: { forecastFrom(origin: number, out: Float64Array): void },
  adjusted: Float64Array,
  horizon: number,
): Float64Array {
  const one = new Float64Array(1);
  let sum = 0;
  let count = 0;
  for (let t = 1; t < adjusted.length; t++) {
    forecaster.forecastFrom(t - 1, one);
    sum += (adjusted[t]! - Math.max(0, one[0]!)) ** 2;
    count++;
  }
  const oneStep = count > 0 ? Math.sqrt(sum / count) : 0;
  return Float64Array.from({ length: horizon }, (_, i) => oneStep * Math.sqrt(i + 1));
}
