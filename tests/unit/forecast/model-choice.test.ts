import { describe, expect, it } from 'vitest';
import { forecastMany, forecastSeries, NO_HOLIDAYS } from '../../../shared/forecast';
import { expectedDemand, syntheticValues, toPoints, type SyntheticSpec } from './synthetic';

const WEEKLY = [1.5, 0.8, 0.8, 0.9, 1.0, 1.2, 1.6];
const HOLDOUT = 14;

/** Noisy weekly series: noise sd 20 % of the level, so copying last week copies its noise too. */
function noisyWeekly(seed: number): SyntheticSpec {
  return { seed, start: '2024-01-01', days: 730 + HOLDOUT, level: 100, weekly: WEEKLY, noiseSd: 20 };
}

describe('model choice by backtest', () => {
  it('chooses a model with a weekly pattern (not "same as last week") and beats seasonal naive WAPE by ≥ 15 % in its backtest', () => {
    const seeds = [11, 12, 13, 14, 15, 16];
    const batch = forecastMany(
      seeds.map((seed) => ({ id: `weekly-${seed}`, history: toPoints('2024-01-01', syntheticValues(noisyWeekly(seed)).slice(0, 730)) })),
      { calendar: NO_HOLIDAYS },
    );
    for (const result of batch.series) {
      expect(result.model).not.toBe('seasonal-naive');
      expect(result.intermittent).toBe(false);
      const { chosen, seasonalNaive } = result.backtest!;
      expect(1 - chosen.wape / seasonalNaive.wape).toBeGreaterThanOrEqual(0.15);
    }
    expect(batch.totals.improvement).toBeGreaterThanOrEqual(0.15);
  });

  it('beats seasonal naive by ≥ 15 % pooled WAPE on a true holdout the engine never saw', () => {
    let engineError = 0;
    let naiveError = 0;
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const values = syntheticValues(noisyWeekly(seed));
      const history = values.slice(0, 730);
      const result = forecastSeries({ id: 'x', history: toPoints('2024-01-01', history) }, { calendar: NO_HOLIDAYS, horizon: HOLDOUT });
      result.points.forEach((point, h) => {
        const actual = values[730 + h]!;
        engineError += Math.abs(point.forecast - actual);
        naiveError += Math.abs(history[730 - 7 + (h % 7)]! - actual);
      });
    }
    expect(1 - engineError / naiveError).toBeGreaterThanOrEqual(0.15);
  });

  it('chooses a slow-mover model for an intermittent series, with a forecast near its mean daily demand', () => {
    for (const seed of [1, 2, 3]) {
      const spec: SyntheticSpec = { seed, start: '2024-01-01', days: 365, level: 4, demandProbability: 0.2 };
      const values = syntheticValues(spec);
      const result = forecastSeries({ id: 'slow', history: toPoints(spec.start, values) }, { calendar: NO_HOLIDAYS });
      expect(result.intermittent).toBe(true);
      expect(['croston', 'sba', 'tsb', 'weekday-mean', 'combination']).toContain(result.model);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(result.points[0]!.forecast).toBeGreaterThan(mean * 0.5);
      expect(result.points[0]!.forecast).toBeLessThan(mean * 1.5);
      expect(result.backtest!.chosen.wape).toBeLessThan(result.backtest!.seasonalNaive.wape);
    }
  });

  it('follows a trend: the 14-day forecast total is within 5 % of the true expected demand', () => {
    const spec: SyntheticSpec = { seed: 7, start: '2024-01-01', days: 400, level: 50, trendPerDay: 0.25, weekly: WEEKLY, noiseSd: 4 };
    const result = forecastSeries({ id: 'trend', history: toPoints(spec.start, syntheticValues(spec)) }, { calendar: NO_HOLIDAYS });
    expect(['holt-winters-additive', 'holt-winters-multiplicative', 'theta', 'combination']).toContain(result.model);
    const forecastTotal = result.points.reduce((sum, point) => sum + point.forecast, 0);
    let expectedTotal = 0;
    for (let h = 0; h < 14; h++) expectedTotal += expectedDemand(spec, 400 + h);
    expect(Math.abs(forecastTotal / expectedTotal - 1)).toBeLessThan(0.05);
    // A flat forecast at the last weeks' mean would be ~3.5 days × 0.25/day × 14 days low; check the slope is used.
    const lastWeeksMean =
      syntheticValues(spec)
        .slice(-28)
        .reduce((a, b) => a + b, 0) / 28;
    expect(forecastTotal).toBeGreaterThan(lastWeeksMean * 14);
  });

  it('falls back without a backtest on a history too short to test', () => {
    const result = forecastSeries({ id: 'new', history: toPoints('2026-03-01', [5, 0, 4, 6, 5, 0, 7, 5, 6, 4, 5, 6, 5, 4, 6]) });
    expect(result.backtest).toBeNull();
    expect(result.points).toHaveLength(14);
    expect(result.points.every((point) => point.hi >= point.forecast && point.lo <= point.forecast)).toBe(true);
  });
});
