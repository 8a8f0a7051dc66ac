import { accuracyOf, addObservation, emptyTotals, type Accuracy, type AccuracyTotals } from './metrics';
import { averageDemandInterval, crostonForecaster, fitCroston, type CrostonParams } from './models/croston';
import { fitHoltWinters, holtWintersForecaster, supportsMultiplicative, type HoltWintersParams } from './models/holt-winters';
import { seasonalNaiveForecaster } from './models/seasonal-naive';
import { fitTheta, thetaForecaster, type ThetaParams } from './models/theta';
import { fitTsb, tsbForecaster, type TsbParams } from './models/tsb';
import type { Forecaster, ModelName } from './models/types';
import { fitWeekdayMean, weekdayMeanForecaster, type WeekdayMeanParams } from './models/weekday-mean';

/** Fitted parameters of a model, so the final forecast can reuse the backtest's fit. */
export type ModelParams =
  | { readonly kind: 'holt-winters'; readonly params: HoltWintersParams }
  | { readonly kind: 'croston'; readonly params: CrostonParams }
  | { readonly kind: 'tsb'; readonly params: TsbParams }
  | { readonly kind: 'theta'; readonly params: ThetaParams }
  | { readonly kind: 'weekday-mean'; readonly params: WeekdayMeanParams }
  | { readonly kind: 'combination'; readonly members: readonly CombinationMember[] }
  | { readonly kind: 'none' };

export interface CombinationMember {
  readonly model: ModelName;
  readonly params: ModelParams;
  readonly weight: number;
}

export interface FittedModel {
  readonly forecaster: Forecaster;
  readonly params: ModelParams;
}

/** ADI above which demand is intermittent (Syntetos, Boylan & Croston 2005 cut-off). */
export const INTERMITTENT_ADI = 1.32;

export function isIntermittent(values: Float64Array, length: number, threshold = INTERMITTENT_ADI): boolean {
  return averageDemandInterval(values, length) > threshold;
}

/**
 * Candidate models by demand class (Syntetos–Boylan–Croston categorisation): smoothing models
 * assume demand every day, so intermittent series get Croston/SBA/TSB, smooth ones Holt–Winters
 * and Theta. The two hand-made baselines (seasonal naive, mean of the last k same weekdays)
 * always compete, so a model is only kept when it beats them. A combination of the best three
 * is added by the engine after they are scored.
 */
export function candidateModels(
  values: Float64Array,
  trainLength: number,
  intermittent: boolean,
  restrictTo?: readonly ModelName[],
): ModelName[] {
  const positive = supportsMultiplicative(values, trainLength);
  const byClass: ModelName[] = intermittent
    ? ['sba', 'croston', 'tsb', 'seasonal-naive', 'weekday-mean']
    : ['holt-winters-additive', 'holt-winters-multiplicative', 'theta', 'seasonal-naive', 'weekday-mean'];
  // A combination is built from the class's models, so asking for it brings them all in.
  const wanted = !restrictTo || restrictTo.includes('combination') ? [...new Set([...byClass, ...(restrictTo ?? [])])] : restrictTo;
  const singles = wanted.filter((model) => model !== 'combination');
  const feasible = singles.filter((model) => model !== 'holt-winters-multiplicative' || positive);
  return feasible.length > 0 ? feasible : ['seasonal-naive'];
}

/**
 * Fits `model` on values[0..trainLength) (or reuses `params`) and runs it over all values.
 * Seasonal naive needs a week of history; with less it falls back to SBA on whatever there is.
 */
export function fitModel(model: ModelName, values: Float64Array, trainLength: number, reuse?: ModelParams): FittedModel {
  switch (model) {
    case 'holt-winters-additive':
    case 'holt-winters-multiplicative': {
      const seasonality = model === 'holt-winters-additive' ? 'additive' : 'multiplicative';
      const params =
        reuse?.kind === 'holt-winters' && reuse.params.seasonality === seasonality
          ? reuse.params
          : fitHoltWinters(values, trainLength, seasonality);
      return { forecaster: holtWintersForecaster(values, params, trainLength), params: { kind: 'holt-winters', params } };
    }
    case 'croston':
    case 'sba': {
      const sba = model === 'sba';
      const params = reuse?.kind === 'croston' && reuse.params.sba === sba ? reuse.params : fitCroston(values, trainLength, sba);
      return { forecaster: crostonForecaster(values, params, trainLength), params: { kind: 'croston', params } };
    }
    case 'tsb': {
      const params = reuse?.kind === 'tsb' ? reuse.params : fitTsb(values, trainLength);
      return { forecaster: tsbForecaster(values, params, trainLength), params: { kind: 'tsb', params } };
    }
    case 'theta': {
      const params = reuse?.kind === 'theta' ? reuse.params : fitTheta(values, trainLength);
      return { forecaster: thetaForecaster(values, params, trainLength), params: { kind: 'theta', params } };
    }
    case 'weekday-mean': {
      const params = reuse?.kind === 'weekday-mean' ? reuse.params : fitWeekdayMean(values, trainLength);
      return { forecaster: weekdayMeanForecaster(values, params), params: { kind: 'weekday-mean', params } };
    }
    case 'combination': {
      const members = reuse?.kind === 'combination' ? reuse.members : [];
      if (members.length === 0) return fitModel('seasonal-naive', values, trainLength);
      const fitted = members.map((member) => fitModel(member.model, values, trainLength, member.params).forecaster);
      return { forecaster: combinationForecaster(fitted, members), params: { kind: 'combination', members } };
    }
    case 'seasonal-naive':
      return { forecaster: seasonalNaiveForecaster(values), params: { kind: 'none' } };
  }
}

/** Weighted mean of member forecasts (weights sum to 1). */
function combinationForecaster(members: readonly Forecaster[], weights: readonly { weight: number }[]): Forecaster {
  return {
    model: 'combination',
    forecastFrom(origin, out) {
      const scratch = new Float64Array(out.length);
      out.fill(0);
      members.forEach((member, m) => {
        member.forecastFrom(origin, scratch);
        for (let h = 0; h < out.length; h++) out[h] += weights[m]!.weight * Math.max(0, scratch[h]!);
      });
    },
  };
}

/** Forecasts from each origin in [firstOrigin, firstOrigin + origins), model scale, origin-major. */
export function forecastsFromOrigins(forecaster: Forecaster, firstOrigin: number, origins: number, horizon: number): Float64Array {
  const matrix = new Float64Array(origins * horizon);
  const out = new Float64Array(horizon);
  for (let o = 0; o < origins; o++) {
    forecaster.forecastFrom(firstOrigin + o, out);
    for (let h = 0; h < horizon; h++) matrix[o * horizon + h] = Math.max(0, out[h]!);
  }
  return matrix;
}

export interface OriginEvaluation {
  /** Accuracy on the raw (demand) scale. */
  readonly totals: AccuracyTotals;
  /** actual − forecast on the model's (calendar-adjusted) scale, origin-major: [o × horizon + h − 1]. */
  readonly residuals: Float64Array;
}

/**
 * Rolling-origin evaluation (Tashman 2000) of forecasts made from each origin, compared with
 * what happened. `adjustment[t]` turns a model forecast into demand (calendar multipliers);
 * pass undefined for a model fitted on raw demand.
 */
export function scoreForecasts(
  matrix: Float64Array,
  actual: Float64Array,
  adjusted: Float64Array,
  adjustment: Float64Array | undefined,
  firstOrigin: number,
  origins: number,
  horizon: number,
): OriginEvaluation {
  const totals = emptyTotals();
  const residuals = new Float64Array(origins * horizon);
  for (let o = 0; o < origins; o++) {
    for (let h = 1; h <= horizon; h++) {
      const t = firstOrigin + o + h;
      const modelForecast = matrix[o * horizon + h - 1]!;
      addObservation(totals, actual[t]!, modelForecast * (adjustment ? adjustment[t]! : 1));
      residuals[o * horizon + h - 1] = adjusted[t]! - modelForecast;
    }
  }
  return { totals, residuals };
}

export function evaluateOrigins(
  forecaster: Forecaster,
  actual: Float64Array,
  adjusted: Float64Array,
  adjustment: Float64Array | undefined,
  firstOrigin: number,
  origins: number,
  horizon: number,
): OriginEvaluation {
  const matrix = forecastsFromOrigins(forecaster, firstOrigin, origins, horizon);
  return scoreForecasts(matrix, actual, adjusted, adjustment, firstOrigin, origins, horizon);
}

export interface ModelScore extends Accuracy {
  readonly model: ModelName;
}

export function scoreOf(model: ModelName, totals: AccuracyTotals): ModelScore {
  return { model, ...accuracyOf(totals) };
}
