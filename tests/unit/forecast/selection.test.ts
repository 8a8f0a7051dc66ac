import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastSeries, NO_HOLIDAYS } from '../../../shared/forecast';
import { INTERMITTENT_MARGIN } from '../../../shared/forecast/selection';
import { syntheticValues, toPoints } from './synthetic';

const WEEKLY = [1.4, 0.8, 0.85, 0.9, 1.0, 1.25, 1.5];

describe('model selection by rolling-origin backtest', () => {
  it('keeps the candidate with the lowest backtest WAPE, the hand-made baselines among the candidates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 20, max: 200 }),
        fc.double({ min: 0.05, max: 0.3, noNaN: true }),
        fc.double({ min: -0.05, max: 0.1, noNaN: true }),
        (seed, level, noise, trend) => {
          const values = syntheticValues({
            seed,
            start: '2024-01-01',
            days: 300,
            level,
            weekly: WEEKLY,
            noiseSd: level * noise,
            trendPerDay: trend,
          });
          const result = forecastSeries({ id: 's', history: toPoints('2024-01-01', values) }, { calendar: NO_HOLIDAYS });
          const backtest = result.backtest!;
          const models = backtest.candidates.map((candidate) => candidate.model);
          expect(models).toEqual(expect.arrayContaining(['seasonal-naive', 'weekday-mean', 'theta', 'combination']));
          const lowest = Math.min(...backtest.candidates.map((candidate) => candidate.wape));
          expect(backtest.chosen.wape).toBe(lowest);
          expect(result.model).toBe(backtest.chosen.model);
          expect(result.points.every((point) => point.lo >= 0 && point.lo <= point.forecast && point.forecast <= point.hi)).toBe(true);
        },
      ),
      { numRuns: 15, seed: 18 },
    );
  });

  it('on a slow mover keeps SBA unless another model beats its backtest WAPE by the margin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0.05, max: 0.5, noNaN: true }), (seed, probability) => {
        const values = syntheticValues({ seed, start: '2024-01-01', days: 300, level: 3, demandProbability: probability });
        const result = forecastSeries({ id: 'slow', history: toPoints('2024-01-01', values) }, { calendar: NO_HOLIDAYS });
        fc.pre(result.intermittent);
        const backtest = result.backtest!;
        const sba = backtest.candidates.find((candidate) => candidate.model === 'sba')!;
        if (result.model !== 'sba') expect(backtest.chosen.wape).toBeLessThanOrEqual(sba.wape * (1 - INTERMITTENT_MARGIN));
        else expect(backtest.candidates.every((candidate) => candidate.wape > sba.wape * (1 - INTERMITTENT_MARGIN))).toBe(true);
      }),
      { numRuns: 15, seed: 18 },
    );
  });

  it('forecasts with a baseline when a baseline wins, and says which rule it is', () => {
    const values = syntheticValues({ seed: 5, start: '2024-01-01', days: 300, level: 80, weekly: WEEKLY, noiseSd: 10 });
    const result = forecastSeries(
      { id: 'b', history: toPoints('2024-01-01', values) },
      { calendar: NO_HOLIDAYS, models: ['seasonal-naive', 'weekday-mean'] },
    );
    expect(result.explanation.baseline).toBe(true);
    // Stationary noise: averaging more weeks beats copying last week.
    expect(result.model).toBe('weekday-mean');
    expect(result.explanation.weeks).toBeGreaterThanOrEqual(8);
    // The first forecast day is exactly the mean of the same weekday in the last k weeks.
    const weeks = result.explanation.weeks!;
    const sameWeekdays = Array.from({ length: weeks }, (_, k) => values[300 - 7 * (k + 1)]!);
    expect(result.points[0]!.forecast).toBeCloseTo(sameWeekdays.reduce((a, b) => a + b, 0) / weeks, 9);
  });

  it('a combination names its members, which are the best single models', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const values = syntheticValues({ seed, start: '2024-01-01', days: 300, level: 60, weekly: WEEKLY, noiseSd: 12, trendPerDay: 0.05 });
      const result = forecastSeries({ id: 'c', history: toPoints('2024-01-01', values) }, { calendar: NO_HOLIDAYS });
      if (result.model !== 'combination') continue;
      const singles = result.backtest!.candidates.filter((candidate) => candidate.model !== 'combination');
      const best = [...singles]
        .sort((a, b) => a.wape - b.wape)
        .slice(0, 3)
        .map((candidate) => candidate.model);
      expect(result.explanation.members).toEqual(best);
      return;
    }
    throw new Error('no seed chose the combination; widen the seeds');
  });
});

describe('restricting the models', () => {
  it('asking for the combination alone re-runs a combination of the class’s best models', () => {
    const values = syntheticValues({ seed: 2, start: '2024-01-01', days: 300, level: 60, weekly: WEEKLY, noiseSd: 12 });
    const result = forecastSeries({ id: 'c', history: toPoints('2024-01-01', values) }, { calendar: NO_HOLIDAYS, models: ['combination'] });
    expect(result.model).toBe('combination');
    expect(result.explanation.members).toHaveLength(3);
  });
});
