import { accuracyOf, addObservation, emptyTotals, type Accuracy, type AccuracyTotals } from './metrics';
import { averageDemandInterval, crostonForecaster, fitCroston, type CrostonParams } from './models/croston';
import { fitHoltWinters, holtWintersForecaster, supportsMultiplicative, type HoltWintersParams } from './models/holt-winters';
import { seasonalNaiveForecaster } from './models/seasonal-naive';
import type { Forecaster, ModelName } from './models/types';

/** Fitted parameters of a model, so the final forecast can reuse the backtest's fit. */
export type ModelParams =
  | { readonly kind: 'holt-winters'; readonly params: HoltWintersParams }
  | { readonly kind: 'croston'; readonly params: CrostonParams }
  | { readonly kind: 'none' };

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
 * assume demand every day, so intermittent series get Croston/SBA, smooth ones Holt–Winters;
 * seasonal naive always competes, so a model is only kept when it beats it.
 */
export function candidateModels(
  values: Float64Array,
  trainLength: number,
  intermittent: boolean,
  restrictTo?: readonly ModelName[],
): ModelName[] {
  const positive = supportsMultiplicative(values, trainLength);
  const byClass: ModelName[] = intermittent
    ? ['sba', 'croston', 'seasonal-naive']
    : ['holt-winters-additive', 'holt-winters-multiplicative', 'seasonal-naive'];
  const wanted = restrictTo ?? byClass;
  const feasible = wanted.filter((model) => model !== 'holt-winters-multiplicative' || positive);
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
    case 'seasonal-naive':
      return { forecaster: seasonalNaiveForecaster(values), params: { kind: 'none' } };
  }
}

export interface OriginEvaluation {
  /** Accuracy on the raw (demand) scale. */
  readonly totals: AccuracyTotals;
  /** Root mean square error per horizon step on the model's (calendar-adjusted) scale; index 0 = 1 day ahead. */
  readonly rmseByHorizon: Float64Array;
}

/**
 * Rolling-origin evaluation (Tashman 2000): from each origin o in [firstOrigin, firstOrigin + origins)
 * forecast 1…horizon days ahead and compare with what happened. `adjustment[t]` turns a model
 * forecast into demand (calendar multipliers); pass undefined for a model fitted on raw demand.
 */
export function evaluateOrigins(
  forecaster: Forecaster,
  actual: Float64Array,
  adjusted: Float64Array,
  adjustment: Float64Array | undefined,
  firstOrigin: number,
  origins: number,
  horizon: number,
): OriginEvaluation {
  const totals = emptyTotals();
  const squared = new Float64Array(horizon);
  const out = new Float64Array(horizon);
  for (let origin = firstOrigin; origin < firstOrigin + origins; origin++) {
    forecaster.forecastFrom(origin, out);
    for (let h = 1; h <= horizon; h++) {
      const t = origin + h;
      const modelForecast = Math.max(0, out[h - 1]!);
      const factor = adjustment ? adjustment[t]! : 1;
      addObservation(totals, actual[t]!, modelForecast * factor);
      const residual = adjusted[t]! - modelForecast;
      squared[h - 1] += residual * residual;
    }
  }
  const rmseByHorizon = squared.map((sum) => Math.sqrt(sum / Math.max(1, origins)));
  return { totals, rmseByHorizon };
}

export interface ModelScore extends Accuracy {
  readonly model: ModelName;
}

export function scoreOf(model: ModelName, totals: AccuracyTotals): ModelScore {
  return { model, ...accuracyOf(totals) };
}
