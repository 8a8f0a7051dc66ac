import { describe, expect, it } from 'vitest';
import { forecastSeries, isoDateOf, NO_HOLIDAYS, parseIsoDate } from '../../../shared/forecast';
import { gaussian, seededRandom, toPoints } from './synthetic';

const START = '2025-01-01';
const start = parseIsoDate(START)!;
const dateAt = (i: number): string => isoDateOf(start + i);

describe('promotions', () => {
  it('learns the promotion lift from past promo days and applies it to planned ones', () => {
    const random = seededRandom(9);
    const promoDates: string[] = [];
    const values: number[] = [];
    for (let i = 0; i < 300; i++) {
      const promo = i % 20 === 10;
      if (promo) promoDates.push(dateAt(i));
      values.push(Math.max(0, Math.round((promo ? 2 : 1) * 60 + 5 * gaussian(random))));
    }
    promoDates.push(dateAt(305));
    const result = forecastSeries({ id: 'p', history: toPoints(START, values), promoDates }, { calendar: NO_HOLIDAYS });
    expect(result.profile.promoFactor).toBeGreaterThan(1.8);
    expect(result.profile.promoFactor).toBeLessThan(2.1);
    const promoDay = result.points.find((point) => point.date === dateAt(305))!;
    const normalDay = result.points.find((point) => point.date === dateAt(306))!;
    expect(promoDay.promoFactor).toBe(result.profile.promoFactor);
    expect(promoDay.forecast / normalDay.forecast).toBeGreaterThan(1.8);
  });
});

describe('external regressor', () => {
  it('fits a linear effect of temperature on the residual ratio and applies it to the forecast days', () => {
    const random = seededRandom(4);
    const regressor: Record<string, number> = {};
    const values: number[] = [];
    const slope = 0.03; // +3 % demand per °C above the mean
    for (let i = 0; i < 400 + 14; i++) {
      const temperature = 20 + 8 * gaussian(random);
      regressor[dateAt(i)] = temperature;
      if (i < 400) values.push(Math.max(0, 100 * (1 + slope * (temperature - 20)) + 4 * gaussian(random)));
    }
    regressor[dateAt(400)] = 35;
    regressor[dateAt(401)] = 5;
    const result = forecastSeries({ id: 'drink', history: toPoints(START, values), regressor }, { calendar: NO_HOLIDAYS });
    const effect = result.regressorEffect!;
    expect(effect.applied).toBe(true);
    expect(effect.slope).toBeGreaterThan(slope * 0.7);
    expect(effect.slope).toBeLessThan(slope * 1.3);
    const hot = result.points[0]!;
    const cold = result.points[1]!;
    expect(hot.regressorFactor).toBeCloseTo(1 + effect.slope * (35 - effect.meanValue), 9);
    expect(hot.forecast / cold.forecast).toBeGreaterThan(1.8);
  });

  it('leaves the forecast alone when the driver explains nothing', () => {
    const random = seededRandom(5);
    const regressor: Record<string, number> = {};
    const values: number[] = [];
    for (let i = 0; i < 300; i++) {
      regressor[dateAt(i)] = 20 + 8 * gaussian(random);
      values.push(Math.max(0, 100 + 5 * gaussian(random)));
    }
    const result = forecastSeries({ id: 'flat', history: toPoints(START, values), regressor }, { calendar: NO_HOLIDAYS });
    expect(result.regressorEffect!.applied).toBe(false);
    expect(result.points.every((point) => point.regressorFactor === 1)).toBe(true);
  });
});
