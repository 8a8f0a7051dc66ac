import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLevelShift, forecastSeries, NO_HOLIDAYS } from '../../../shared/forecast';
import { gaussian, seededRandom, syntheticValues, toPoints } from './synthetic';

const WEEKLY = [1.4, 0.8, 0.85, 0.9, 1.0, 1.25, 1.5];
const DAYS = 400;

/** Weekly-patterned demand around `level` with 12 % noise, times `factor` from day `shiftAt` on. */
function stepSeries(seed: number, shiftAt: number, factor: number, level = 100): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length: DAYS }, (_, i) => {
    const expected = level * WEEKLY[i % 7]! * (i >= shiftAt ? factor : 1);
    return Math.max(0, Math.round(expected + level * 0.12 * gaussian(random)));
  });
}

describe('level-shift detection', () => {
  it('finds a lasting step of 30–60 % within a week of where it happened, with its size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 28, max: 250 }),
        fc.boolean(),
        fc.double({ min: 0.3, max: 0.6, noNaN: true }),
        (seed, daysAgo, up, size) => {
          const factor = up ? 1 + size : 1 - size;
          const shiftAt = DAYS - daysAgo;
          const shift = detectLevelShift(stepSeries(seed, shiftAt, factor), DAYS);
          expect(shift).not.toBeNull();
          expect(Math.abs(shift!.index - shiftAt)).toBeLessThanOrEqual(7);
          expect(Math.abs(shift!.ratio / factor - 1)).toBeLessThan(0.15); // 4 noisy weeks after a drop: ~2 standard errors
        },
      ),
      { numRuns: 60, seed: 18 },
    );
  });

  it('does not mistake a steady trend or plain noise for a shift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: -0.1, max: 0.25, noNaN: true }), (seed, trendPerDay) => {
        const values = Float64Array.from(
          syntheticValues({ seed, start: '2024-01-01', days: DAYS, level: 60, weekly: WEEKLY, trendPerDay, noiseSd: 8 }),
        );
        expect(detectLevelShift(values, DAYS)).toBeNull();
      }),
      { numRuns: 60, seed: 18 },
    );
  });

  it('ignores holiday and promotion days when comparing weeks', () => {
    const values = stepSeries(3, 0, 1);
    const usable = new Uint8Array(DAYS).fill(1);
    // Eight weeks of a "promotion" at triple demand, marked unusable: no shift.
    for (let i = DAYS - 100; i < DAYS - 44; i++) {
      values[i] = values[i]! * 3;
      usable[i] = 0;
    }
    expect(detectLevelShift(values, DAYS, usable)).toBeNull();
  });

  it('forecasts from the new level and reports the date of the shift', () => {
    const values = Array.from(stepSeries(42, DAYS - 35, 0.55));
    const result = forecastSeries({ id: 'shifted', history: toPoints('2024-01-01', values) }, { calendar: NO_HOLIDAYS, horizon: 14 });
    expect(result.levelShift).not.toBeNull();
    // 2024-01-01 + 365 days = 2024-12-31; the shift is at index 365 (± one week).
    expect(Math.abs(Date.parse(result.levelShift!.date) - Date.parse('2024-12-31'))).toBeLessThanOrEqual(7 * 86_400_000);
    expect(result.levelShift!.ratio).toBeCloseTo(0.55, 1);
    const forecastWeek = result.points.slice(0, 7).reduce((sum, point) => sum + point.forecast, 0);
    const newLevelWeek = 100 * 0.55 * WEEKLY.reduce((a, b) => a + b, 0);
    expect(Math.abs(forecastWeek / newLevelWeek - 1)).toBeLessThan(0.08);
  });
});
