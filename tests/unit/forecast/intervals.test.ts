import { describe, expect, it } from 'vitest';
import { forecastSeries, NO_HOLIDAYS, normalQuantile, safetyStock, sigmaFromInterval } from '../../../shared/forecast';
import { syntheticValues, toPoints } from './synthetic';

describe('normalQuantile', () => {
  it('matches tabulated standard normal quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212, 6);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815516, 6);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263479, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.0902323, 5);
  });

  it('is antisymmetric and rejects probabilities outside (0, 1)', () => {
    for (const p of [0.01, 0.1, 0.3, 0.49]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 8);
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('safetyStock', () => {
  it('is z × σ for a known σ', () => {
    expect(safetyStock(10, 0.95)).toBeCloseTo(16.448536, 4);
    expect(safetyStock(20, 0.99)).toBeCloseTo(46.526958, 4);
    expect(safetyStock(10, 0.5)).toBeCloseTo(0, 9);
    expect(safetyStock(10, 0.3)).toBe(0);
  });

  it('combines daily σ as √Σσ² (independent days)', () => {
    expect(safetyStock([3, 4], 0.95)).toBeCloseTo(5 * 1.6448536, 4);
  });

  it('recovers σ from intervals, using the upper half so a lo clipped at 0 does not matter', () => {
    const z80 = normalQuantile(0.9);
    const interval = { forecast: 10, lo: 0, hi: 10 + z80 * 6, coverage: 0.8 };
    expect(sigmaFromInterval(interval)).toBeCloseTo(6, 9);
    expect(safetyStock([interval, { ...interval, hi: 10 + z80 * 8 }], 0.9)).toBeCloseTo(z80 * 10, 6);
  });
});

describe('prediction interval coverage', () => {
  /** 40 independent weekly series with Gaussian noise; count how often the next 14 days fall inside. */
  function coverage(level: number): number {
    let inside = 0;
    let total = 0;
    for (let seed = 100; seed < 140; seed++) {
      const values = syntheticValues({
        seed,
        start: '2024-01-01',
        days: 400 + 14,
        level: 80,
        weekly: [1.4, 0.9, 0.9, 0.95, 1, 1.2, 1.5],
        noiseSd: 10,
      });
      const result = forecastSeries(
        { id: 'c', history: toPoints('2024-01-01', values.slice(0, 400)) },
        { calendar: NO_HOLIDAYS, coverage: level },
      );
      result.points.forEach((point, h) => {
        const actual = values[400 + h]!;
        if (actual >= point.lo && actual <= point.hi) inside++;
        total++;
      });
    }
    return inside / total;
  }

  it('covers about 80 % at level 0.8 and about 95 % at level 0.95', () => {
    const at80 = coverage(0.8);
    const at95 = coverage(0.95);
    expect(at80).toBeGreaterThan(0.72);
    expect(at80).toBeLessThan(0.88);
    expect(at95).toBeGreaterThan(0.9);
    expect(at95).toBeLessThanOrEqual(0.99);
  });

  it('widens with the horizon in a random-walk-like way beyond the backtested steps', () => {
    const values = syntheticValues({ seed: 3, start: '2024-01-01', days: 300, level: 80, noiseSd: 10 });
    const result = forecastSeries({ id: 'w', history: toPoints('2024-01-01', values) }, { calendar: NO_HOLIDAYS, horizon: 28 });
    const width = (h: number): number => result.points[h - 1]!.hi - result.points[h - 1]!.forecast;
    expect(width(28)).toBeCloseTo(width(14) * Math.sqrt(2), 6);
  });
});
