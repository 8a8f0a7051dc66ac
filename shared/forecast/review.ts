import type { SeriesForecast } from './engine';
import { accuracyOf, emptyTotals, mergeTotals, type Accuracy } from './metrics';
import type { ModelName } from './models/types';

export type ReviewReason = 'error-above-threshold' | 'worse-than-seasonal-naive' | 'no-backtest';

export interface ReviewItem {
  readonly id: string;
  readonly model: ModelName;
  readonly reasons: readonly ReviewReason[];
  /** One line for a planner, e.g. "WAPE 62% > 50%; seasonal naive 48%". */
  readonly message: string;
  readonly wape: number | null;
  readonly seasonalNaiveWape: number | null;
}

export interface ReviewOptions {
  /** WAPE above which a smooth series needs a human look (default 0.5). */
  readonly maxWape?: number;
  /**
   * Same for intermittent series (default 1.0): a slow mover's daily WAPE is near 1 even when its
   * total over a replenishment cycle is right, so the smooth-series threshold would flag them all.
   */
  readonly maxWapeIntermittent?: number;
  /** Also queue series that could not be backtested (default true). */
  readonly includeUntested?: boolean;
}

const percent = (value: number): string => `${Math.round(value * 100)}%`;

/** Series a planner should check, worst WAPE first, each with why. */
export function reviewQueue(forecasts: readonly SeriesForecast[], options: ReviewOptions = {}): ReviewItem[] {
  const maxWape = options.maxWape ?? 0.5;
  const maxWapeIntermittent = options.maxWapeIntermittent ?? 1;
  const queue: ReviewItem[] = [];
  for (const forecast of forecasts) {
    const backtest = forecast.backtest;
    if (!backtest) {
      if (options.includeUntested ?? true) {
        queue.push({
          id: forecast.id,
          model: forecast.model,
          reasons: ['no-backtest'],
          message: 'history too short to backtest',
          wape: null,
          seasonalNaiveWape: null,
        });
      }
      continue;
    }
    const wape = backtest.chosen.wape;
    const naiveWape = backtest.seasonalNaive.wape;
    const limit = forecast.intermittent ? maxWapeIntermittent : maxWape;
    const reasons: ReviewReason[] = [];
    const notes: string[] = [];
    if (wape > limit) {
      reasons.push('error-above-threshold');
      notes.push(`WAPE ${percent(wape)} > ${percent(limit)}`);
    }
    if (wape > naiveWape) {
      reasons.push('worse-than-seasonal-naive');
      notes.push(`WAPE ${percent(wape)} worse than seasonal naive ${percent(naiveWape)}`);
    }
    if (reasons.length > 0)
      queue.push({ id: forecast.id, model: forecast.model, reasons, message: notes.join('; '), wape, seasonalNaiveWape: naiveWape });
  }
  return queue.sort((a, b) => (b.wape ?? Infinity) - (a.wape ?? Infinity));
}

export interface BacktestTotals {
  readonly chosen: Accuracy;
  readonly seasonalNaive: Accuracy;
  /** 1 − chosen WAPE ÷ seasonal-naive WAPE: the share of the baseline's error removed. */
  readonly improvement: number;
  readonly seriesBacktested: number;
}

/** Pooled accuracy over all backtested series (Σ|error| ÷ Σ actual, not a mean of ratios). */
export function backtestTotals(forecasts: readonly SeriesForecast[]): BacktestTotals {
  const chosen = emptyTotals();
  const naive = emptyTotals();
  let seriesBacktested = 0;
  for (const forecast of forecasts) {
    if (!forecast.backtest) continue;
    mergeTotals(chosen, forecast.backtest.chosenTotals);
    mergeTotals(naive, forecast.backtest.seasonalNaiveTotals);
    seriesBacktested++;
  }
  const chosenAccuracy = accuracyOf(chosen);
  const naiveAccuracy = accuracyOf(naive);
  return {
    chosen: chosenAccuracy,
    seasonalNaive: naiveAccuracy,
    improvement: naiveAccuracy.wape > 0 ? 1 - chosenAccuracy.wape / naiveAccuracy.wape : 0,
    seriesBacktested,
  };
}
