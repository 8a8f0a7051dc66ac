import {
  candidateModels,
  fitModel,
  INTERMITTENT_ADI,
  isIntermittent,
  evaluateOrigins,
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
import { calendarCaveat, chinaHolidayCalendar, type CalendarCaveat, type HolidayCalendar } from './holidays';
import { empiricalInterval, residualPools, residualRms, type ResidualPools } from './intervals';
import { detectLevelShift, rescaleBeforeShift } from './level-shift';
import type { AccuracyTotals } from './metrics';
import { BASELINE_MODELS, type ModelName } from './models/types';
import { type PredictionInterval } from './normal';
import { fitRegressorEffect, type RegressorEffect } from './regressor';
import { selectByBacktest } from './selection';
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
  /** Product category: series with too little history of a holiday borrow their category's effect. */
  readonly category?: string;
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
  /** Holiday calendar (default: mainland China 2019–2027 with 调休). */
  readonly calendar?: HolidayCalendar;
  /** Planner-set holiday multipliers by holiday name, overriding the estimated ones. */
  readonly holidayMultipliers?: Readonly<Record<string, number>>;
  readonly promoMultiplier?: number;
  readonly intermittencyThreshold?: number;
  /** Restrict the candidate models (e.g. ['seasonal-naive'] for a baseline run). */
  readonly models?: readonly ModelName[];
  /** Re-run the parameter search of the chosen model on the full history (default false: reuse the backtest fit). */
  readonly refit?: boolean;
  /** Look for a lasting level shift and fit on the new level (default true). */
  readonly detectLevelShifts?: boolean;
  /** Holiday multipliers for holidays seen fewer than twice in this series' history (its category's). */
  readonly fallbackHolidayFactors?: ReadonlyMap<string, number>;
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

/** Why the forecast looks the way it does, in facts the screen can put into words. */
export interface ModelExplanation {
  /** The chosen model is one a manager computes by hand (seasonal naive or the k-week weekday mean). */
  readonly baseline: boolean;
  /** For 'weekday-mean': how many same weekdays are averaged. */
  readonly weeks: number | null;
  /** For 'combination': the models averaged, best first. */
  readonly members: readonly ModelName[];
}

/** A lasting change of level found in the history; the models were fitted as if it had always been there. */
export interface LevelShiftFinding {
  /** First day at the new level (`YYYY-MM-DD`, week granularity). */
  readonly date: string;
  /** New level ÷ old level, e.g. 0.6 after a 40 % drop. */
  readonly ratio: number;
}

export interface SeriesForecast {
  readonly id: string;
  readonly model: ModelName;
  readonly explanation: ModelExplanation;
  readonly intermittent: boolean;
  readonly points: readonly ForecastPoint[];
  /** null when the history is too short for a backtest (model then chosen by demand class). */
  readonly backtest: BacktestResult | null;
  readonly profile: CalendarProfile;
  readonly regressorEffect: RegressorEffect | null;
  readonly levelShift: LevelShiftFinding | null;
  /** The forecast days fall in a year whose holidays are provisional or unknown; null when all are official. */
  readonly calendarCaveat: CalendarCaveat | null;
}

/** Below this many training days, Holt–Winters initialisation (4 weeks) has nothing left to learn from. */
const MIN_TRAIN_DAYS = 35;
const MIN_ORIGINS = 7;
const ORIGINS = 28;
const INTERMITTENT_ORIGINS = 84;
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

/** Days that show the plain level: no holiday, 调休 day or promotion. */
function ordinaryDays(table: DayTable, length: number): Uint8Array {
  const usable = new Uint8Array(length);
  for (let i = 0; i < length; i++) usable[i] = table.kind[i] === 0 && !table.promo[i] ? 1 : 0;
  return usable;
}

function explanationOf(model: ModelName, params: ModelParams | undefined): ModelExplanation {
  return {
    baseline: BASELINE_MODELS.includes(model),
    weeks: params?.kind === 'weekday-mean' ? params.params.weeks : null,
    members: params?.kind === 'combination' ? params.members.map((member) => member.model) : [],
  };
}

/**
 * Forecasts one series: look for a lasting level shift (and put the older history on the new
 * level), classify demand, backtest the candidate models — the two hand-made baselines among
 * them — from rolling origins, keep the one with the lowest WAPE, then forecast from the full
 * history with intervals from that model's backtest residuals per horizon.
 */
export function forecastSeries(input: SeriesInput, options: ForecastOptions = {}): SeriesForecast {
  const horizon = options.horizon ?? 14;
  const coverage = options.coverage ?? 0.8;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizon must be a positive integer, got ${horizon}`);
  if (!(coverage > 0 && coverage < 1)) throw new RangeError(`coverage must be in (0, 1), got ${coverage}`);
  const dense = toDenseSeries(input.history, input.endDate);
  const startDay = dense.startDay;
  const n = dense.values.length;
  const inputs: CalendarInputs = {
    calendar: options.calendar ?? chinaHolidayCalendar(),
    promoDays: new Set((input.promoDates ?? []).map(dayNumberOf)),
    holidayOverrides: options.holidayMultipliers,
    promoOverride: options.promoMultiplier,
    fallbackHolidayFactors: options.fallbackHolidayFactors,
  };
  const table = buildDayTable(startDay, n + horizon, inputs);
  const shift = options.detectLevelShifts === false ? null : detectLevelShift(dense.values, n, ordinaryDays(table, n));
  const values = shift ? rescaleBeforeShift(dense.values, shift) : dense.values;
  const threshold = options.intermittencyThreshold ?? INTERMITTENT_ADI;
  const backtestHorizon = Math.min(options.backtestHorizon ?? Math.min(horizon, 14), Math.max(1, n));
  // A slow mover's daily error is mostly which days happen to sell: it takes three times the
  // origins before one model's lower backtest WAPE says more than luck.
  const wantedOrigins = options.backtestOrigins ?? (isIntermittent(values, n, threshold) ? INTERMITTENT_ORIGINS : ORIGINS);
  const origins = Math.min(wantedOrigins, n - backtestHorizon - MIN_TRAIN_DAYS + 1);

  let model: ModelName;
  let reuse: ModelParams | undefined;
  let pools: ResidualPools | null = null;
  let backtest: BacktestResult | null = null;
  let intermittent: boolean;

  if (origins >= MIN_ORIGINS) {
    const trainLength = n - backtestHorizon - origins + 1;
    const firstOrigin = trainLength - 1;
    intermittent = isIntermittent(values, trainLength, threshold);
    // Calendar effects are estimated on the training window only, like the model parameters.
    const trainProfile = intermittent ? NEUTRAL_PROFILE : estimateCalendarProfile(values, trainLength, table, inputs);
    const { adjustment, adjusted } = prepare(values, table, trainProfile);
    const window = { trainLength, firstOrigin, origins, horizon: backtestHorizon };
    const selection = selectByBacktest(values, adjusted, adjustment, window, intermittent, options.models);
    const naive = fitModel('seasonal-naive', values, trainLength);
    const naiveTotals = evaluateOrigins(naive.forecaster, values, values, undefined, firstOrigin, origins, backtestHorizon).totals;
    model = selection.model;
    reuse = selection.params;
    // A slow mover's interval comes from its recent demand instead (below): skip sorting these.
    if (!intermittent) pools = residualPools(selection.residuals, origins, backtestHorizon);
    backtest = {
      horizon: backtestHorizon,
      origins,
      chosen: selection.score,
      seasonalNaive: scoreOf('seasonal-naive', naiveTotals),
      candidates: selection.candidates,
      chosenTotals: selection.totals,
      seasonalNaiveTotals: naiveTotals,
    };
  } else {
    // Too short to backtest: pick by demand class, intervals from in-sample errors.
    intermittent = isIntermittent(values, n, threshold);
    model = options.models
      ? candidateModels(values, n, intermittent, options.models)[0]!
      : intermittent || n < 14
        ? 'sba'
        : 'seasonal-naive';
  }

  const profile = intermittent ? NEUTRAL_PROFILE : estimateCalendarProfile(values, n, table, inputs);
  const { adjustment, adjusted } = prepare(values, table, profile);
  const final = fitModel(model, adjusted, n, options.refit && model !== 'combination' ? undefined : reuse);
  const regressorEffect = input.regressor ? fitRegressorEffect(final.forecaster, values, adjustment, startDay, input.regressor) : null;

  const out = new Float64Array(horizon);
  if (n > 0) final.forecaster.forecastFrom(n - 1, out);
  // A slow mover's next days look like its recent days, whatever the point forecast: its interval
  // is the spread of recent daily demand (a flat forecast's residuals are that spread, shifted).
  if (intermittent && n > 0) pools = recentDemandPools(adjusted, out);
  // Days ahead the in-sample check can measure: a short history still gets some spread, not none.
  pools ??= inSamplePools(final.forecaster, adjusted, Math.max(1, Math.min(horizon, 14, n - 2)));
  const points: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h++) {
    const index = n - 1 + h;
    const date = isoDateOf(startDay + index);
    const factors =
      profile === NEUTRAL_PROFILE ? { weekdayFactor: 1, holidayFactor: 1, promoFactor: 1 } : dayFactors(profile, table, index);
    const regressorFactor = regressorEffect ? regressorEffect.factorOn(date) : 1;
    const scale = adjustment[index]! * regressorFactor;
    const modelForecast = Math.max(0, out[h - 1]!);
    const forecast = modelForecast * scale;
    const interval = empiricalInterval(pools, modelForecast, h, coverage);
    const components = factors.weekdayFactor * factors.holidayFactor * factors.promoFactor * regressorFactor;
    points.push({
      date,
      forecast,
      lo: Math.max(0, Math.min(forecast, forecast - (modelForecast - interval.lo) * widthScale(scale))),
      hi: Math.max(forecast, forecast + (interval.hi - modelForecast) * widthScale(scale)),
      coverage,
      sigma: residualRms(pools, h) * widthScale(scale),
      level: components > 0 ? forecast / components : 0,
      weekdayFactor: factors.weekdayFactor,
      holidayFactor: factors.holidayFactor,
      promoFactor: factors.promoFactor,
      regressorFactor,
    });
  }
  return {
    id: input.id,
    model,
    explanation: explanationOf(model, final.params),
    intermittent,
    points,
    backtest,
    profile,
    regressorEffect,
    levelShift: shift ? { date: isoDateOf(startDay + shift.index), ratio: shift.ratio } : null,
    calendarCaveat: calendarCaveat(inputs.calendar, startDay + n, startDay + n + horizon - 1),
  };
}

/**
 * How much wider a day's interval gets when a calendar or driver multiplier scales its forecast:
 * demand noise grows like √mean for counts (Poisson), not like the mean, so a 春节 day at 0.4×
 * keeps more than 40 % of a normal day's spread, and the multiplier itself is an estimate from
 * a few breaks, which widens both ways (HOLIDAY_UNCERTAINTY).
 */
function widthScale(scale: number): number {
  return scale === 1 ? 1 : Math.sqrt(scale) * HOLIDAY_UNCERTAINTY;
}
const HOLIDAY_UNCERTAINTY = 1.15;

/** Days of recent demand a slow mover's interval is drawn from. */
const RECENT_DEMAND_DAYS = 91;

function recentDemandPools(adjusted: Float64Array, forecast: Float64Array): ResidualPools {
  const recent = adjusted.subarray(Math.max(0, adjusted.length - RECENT_DEMAND_DAYS));
  const byHorizon = Array.from(forecast, (value) => recent.map((demand) => demand - Math.max(0, value)).sort());
  return { byHorizon };
}

/** Without a backtest: residuals of forecasts from every in-sample origin of the last ~8 weeks. */
function inSamplePools(
  forecaster: { forecastFrom(origin: number, out: Float64Array): void },
  adjusted: Float64Array,
  horizon: number,
): ResidualPools {
  const lastOrigin = adjusted.length - 1 - horizon;
  const firstOrigin = Math.max(0, lastOrigin - 55);
  const origins = lastOrigin - firstOrigin + 1;
  if (origins < 1) return residualPools(new Float64Array(0), 0, 0);
  const residuals = new Float64Array(origins * horizon);
  const out = new Float64Array(horizon);
  for (let o = 0; o < origins; o++) {
    forecaster.forecastFrom(firstOrigin + o, out);
    for (let h = 1; h <= horizon; h++) residuals[o * horizon + h - 1] = adjusted[firstOrigin + o + h]! - Math.max(0, out[h - 1]!);
  }
  return residualPools(residuals, origins, horizon);
}
