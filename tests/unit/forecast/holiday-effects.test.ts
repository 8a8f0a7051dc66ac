import { describe, expect, it } from 'vitest';
import { chinaHolidayCalendar, forecastMany, forecastSeries } from '../../../shared/forecast';
import { syntheticValues, toPoints, type SyntheticSpec } from './synthetic';

const WEEKLY = [1.5, 0.8, 0.85, 0.9, 1.0, 1.2, 1.6];
const calendar = chinaHolidayCalendar();

function spec(seed: number, start: string, days: number, nationalDay: number): SyntheticSpec {
  return { seed, start, days, level: 100, weekly: WEEKLY, noiseSd: 8, calendar, holidayFactors: { 'national-day': nationalDay } };
}

describe('holiday effects per product, category as fallback', () => {
  // Two products with three 国庆 breaks each, at 1.8×; a new product whose one 国庆 break sold 1.2×.
  const longA = { id: 'a', category: 'snacks', history: toPoints('2022-06-01', syntheticValues(spec(1, '2022-06-01', 1000, 1.8))) };
  const longB = { id: 'b', category: 'snacks', history: toPoints('2022-06-01', syntheticValues(spec(2, '2022-06-01', 1000, 1.7))) };
  const fresh = (category?: string) => ({
    id: 'new',
    ...(category ? { category } : {}),
    history: toPoints('2024-08-01', syntheticValues(spec(3, '2024-08-01', 200, 1.2))),
  });

  it('a product with fewer than two breaks of a holiday takes its category’s effect', () => {
    const batch = forecastMany([longA, longB, fresh('snacks')], { horizon: 7 });
    const factor = batch.series[2]!.profile.holidayFactors.get('national-day')!;
    expect(factor).toBeGreaterThan(1.6);
    expect(factor).toBeLessThan(1.9);
  });

  it('without a category it keeps its own (shrunk) estimate, and long products keep their own', () => {
    const batch = forecastMany([longA, longB, fresh()], { horizon: 7 });
    expect(batch.series[2]!.profile.holidayFactors.get('national-day')!).toBeLessThan(1.3);
    expect(batch.series[0]!.profile.holidayFactors.get('national-day')!).toBeCloseTo(1.8, 1);
    expect(batch.series[1]!.profile.holidayFactors.get('national-day')!).toBeCloseTo(1.7, 1);
  });
});

describe('调休 make-up days', () => {
  it('learns whether a product follows the 调休 or keeps its own weekday', () => {
    const base: SyntheticSpec = { seed: 9, start: '2023-01-02', days: 900, level: 100, weekly: WEEKLY, noiseSd: 6 };
    const follows = forecastSeries({ id: 'f', history: toPoints(base.start, syntheticValues({ ...base, calendar })) }, { horizon: 7 });
    const ignores = forecastSeries({ id: 'i', history: toPoints(base.start, syntheticValues(base)) }, { horizon: 7 });
    expect(follows.profile.makeupWeight).toBeGreaterThan(0.8);
    expect(ignores.profile.makeupWeight).toBeLessThan(0.2);
  });

  it('forecasts a 调休 Sunday like the weekday it replaces', () => {
    // 2024-09-29 (Sunday) is worked for Friday 2024-10-04.
    const base: SyntheticSpec = { seed: 4, start: '2022-01-03', days: 1000, level: 100, weekly: WEEKLY, noiseSd: 6, calendar };
    const values = syntheticValues(base);
    const cut = (Date.parse('2024-09-27') - Date.parse('2022-01-03')) / 86_400_000; // history ends 2024-09-26
    const result = forecastSeries({ id: 'm', history: toPoints(base.start, values.slice(0, cut)) }, { horizon: 3 });
    const sunday = result.points.find((point) => point.date === '2024-09-29')!;
    expect(sunday.weekdayFactor).toBeCloseTo(WEEKLY[5]! / (WEEKLY.reduce((a, b) => a + b, 0) / 7), 1);
  });
});
