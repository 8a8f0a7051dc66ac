import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conformalQuantile,
  empiricalInterval,
  forecastSeries,
  NO_HOLIDAYS,
  residualPools,
  safetyStock,
  sigmaFromInterval,
} from '../../../shared/forecast';
import { syntheticValues, toPoints } from './synthetic';

const WEEKLY = [1.4, 0.8, 0.85, 0.9, 1.0, 1.25, 1.5];

describe('conformal quantiles and empirical intervals', () => {
  it('an upper conformal quantile has at least a share p of the sample at or below it, a lower one at most p below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (sample, p) => {
          const sorted = Float64Array.from(sample).sort();
          const n = sorted.length;
          fc.pre(Math.ceil((n + 1) * p) <= n && Math.floor((n + 1) * p) >= 1);
          const upper = conformalQuantile(sorted, p, 'upper');
          const lower = conformalQuantile(sorted, p, 'lower');
          expect(sorted.filter((value) => value <= upper).length / n).toBeGreaterThanOrEqual(p - 1e-12);
          expect(sorted.filter((value) => value < lower).length / n).toBeLessThanOrEqual(p + 1e-12);
        },
      ),
    );
  });

  it('never gives a negative lo or hi below lo, and a two-sided interval contains the forecast', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 14, maxLength: 140 }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(0.8, 0.95),
        (residuals, forecast, h, coverage) => {
          const origins = Math.floor(residuals.length / 14);
          const pools = residualPools(Float64Array.from(residuals.slice(0, origins * 14)), origins, 14);
          const { lo, hi } = empiricalInterval(pools, forecast, h, coverage);
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeGreaterThanOrEqual(lo);
          if (lo > 0 && lo <= forecast) expect(hi).toBeGreaterThanOrEqual(forecast);
        },
      ),
    );
  });

  it('a slow mover selling on one day in five gets [0, 0] at 80 %, not an interval covering 90 %', () => {
    const pools = { byHorizon: [Float64Array.from([...Array<number>(80).fill(-0.6), ...Array<number>(20).fill(2.4)]).sort()] };
    expect(empiricalInterval(pools, 0.6, 1, 0.8)).toEqual({ lo: 0, hi: 0 });
    expect(empiricalInterval(pools, 0.6, 1, 0.95).hi).toBeGreaterThan(2);
  });
});

describe('interval calibration on held-out days', () => {
  /** Share of the next 14 actual days inside the engine's interval, over many series. */
  function heldOutCoverage(coverage: number, make: (seed: number) => number[]): number {
    let inside = 0;
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const values = make(seed);
      const history = values.slice(0, values.length - 14);
      const result = forecastSeries({ id: 'c', history: toPoints('2024-01-01', history) }, { calendar: NO_HOLIDAYS, coverage });
      result.points.forEach((point, h) => {
        const actual = values[history.length + h]!;
        if (actual >= point.lo && actual <= point.hi) inside++;
        total++;
      });
    }
    return inside / total;
  }

  const smooth = (seed: number) => syntheticValues({ seed, start: '2024-01-01', days: 380, level: 80, weekly: WEEKLY, noiseSd: 12 });
  const slow = (seed: number) => syntheticValues({ seed, start: '2024-01-01', days: 380, level: 3, demandProbability: 0.25 });

  it('80 % and 95 % intervals cover about 80 % and 95 % of a smooth series’ next 14 days', () => {
    expect(heldOutCoverage(0.8, smooth)).toBeGreaterThan(0.74);
    expect(heldOutCoverage(0.8, smooth)).toBeLessThan(0.87);
    expect(heldOutCoverage(0.95, smooth)).toBeGreaterThan(0.9);
  });

  it('and of a slow mover’s, despite the mass at zero', () => {
    const at80 = heldOutCoverage(0.8, slow);
    expect(at80).toBeGreaterThan(0.72);
    expect(at80).toBeLessThan(0.88);
    expect(heldOutCoverage(0.95, slow)).toBeGreaterThan(0.9);
  });
});

describe('σ for safety stock', () => {
  it('a slow mover whose 80 % interval is [0, 0] still carries its measured error, so it gets safety stock', () => {
    const values = syntheticValues({ seed: 11, start: '2024-01-01', days: 380, level: 3, demandProbability: 0.15 });
    const result = forecastSeries({ id: 's', history: toPoints('2024-01-01', values) }, { calendar: NO_HOLIDAYS, coverage: 0.8 });
    const recent = values.slice(-91);
    const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
    const sd = Math.sqrt(recent.reduce((sum, value) => sum + (value - mean) ** 2, 0) / recent.length);
    const point = result.points[0]!;
    expect(point.hi - point.forecast).toBeLessThan(sd / 2);
    expect(sigmaFromInterval(point)).toBeGreaterThan(sd * 0.9);
    expect(safetyStock(result.points.slice(0, 7), 0.95)).toBeGreaterThan(0);
  });
});
