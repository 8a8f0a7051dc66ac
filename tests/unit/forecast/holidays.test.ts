import { describe, expect, it } from 'vitest';
import { CHINA_HOLIDAYS, chinaHolidayCalendar, forecastSeries, NO_HOLIDAYS, parseIsoDate } from '../../../shared/forecast';
import { expectedDemand, syntheticValues, toPoints, type SyntheticSpec } from './synthetic';

const calendar = chinaHolidayCalendar();
const day = (iso: string): number => parseIsoDate(iso)!;

describe('China holiday calendar data', () => {
  it('ships 2024–2027 with 调休 make-up days that are all weekend days outside the break', () => {
    expect(CHINA_HOLIDAYS.map((year) => year.year)).toEqual([2024, 2025, 2026, 2027]);
    for (const year of CHINA_HOLIDAYS) {
      for (const holiday of year.holidays) {
        for (const makeup of holiday.makeupWorkdays) {
          const weekday = new Date(`${makeup}T00:00:00Z`).getUTCDay();
          expect([0, 6], `${year.year} ${holiday.name} ${makeup}`).toContain(weekday);
          expect(makeup < holiday.from || makeup > holiday.to).toBe(true);
        }
      }
    }
  });

  it('classifies holidays, 调休 working days and normal days', () => {
    expect(calendar.dayKind(day('2024-02-04'))).toEqual({ kind: 'makeup-workday', name: 'spring-festival' });
    expect(calendar.dayKind(day('2024-02-12'))).toEqual({ kind: 'holiday', name: 'spring-festival' });
    expect(calendar.dayKind(day('2025-10-08'))).toEqual({ kind: 'holiday', name: 'national-day' });
    expect(calendar.dayKind(day('2026-09-20'))).toEqual({ kind: 'makeup-workday', name: 'national-day' });
    expect(calendar.dayKind(day('2026-09-21'))).toEqual({ kind: 'normal' });
  });
});

describe('holiday and 调休 effects in the forecast', () => {
  const spec: SyntheticSpec = {
    seed: 5,
    start: '2024-01-01',
    days: 1100,
    level: 100,
    weekly: [1.5, 0.8, 0.8, 0.9, 1.0, 1.2, 1.6],
    noiseSd: 8,
    calendar,
    holidayFactors: { 'national-day': 1.8, 'spring-festival': 0.5, 'labour-day': 1.4, 'mid-autumn': 1.3 },
  };
  const values = syntheticValues(spec);
  const cut = day('2026-09-16') - day(spec.start);
  const history = toPoints(spec.start, values.slice(0, cut));
  const withCalendar = forecastSeries({ id: 'h', history }, { horizon: 30 });
  const withoutCalendar = forecastSeries({ id: 'h', history }, { horizon: 30, calendar: NO_HOLIDAYS });
  const pointOn = (iso: string) => withCalendar.points.find((point) => point.date === iso)!;

  it('forecasts the 调休 Sunday 2026-09-20 like a workday, not like a Sunday', () => {
    const expected = expectedDemand(spec, day('2026-09-20') - day(spec.start)); // 94: the Mon–Fri mean
    expect(Math.abs(pointOn('2026-09-20').forecast / expected - 1)).toBeLessThan(0.1);
    expect(pointOn('2026-09-20').weekdayFactor).toBeLessThan(1);
    // Without the calendar the model sees an ordinary Sunday (150).
    expect(withoutCalendar.points.find((point) => point.date === '2026-09-20')!.forecast).toBeGreaterThan(expected * 1.3);
  });

  it('lifts 国庆 days by the learnt multiplier and cuts forecast error over the 30 days by more than half', () => {
    expect(withCalendar.profile.holidayFactors.get('national-day')).toBeGreaterThan(1.6);
    expect(withCalendar.profile.holidayFactors.get('national-day')).toBeLessThan(2.0);
    expect(pointOn('2026-10-03').holidayFactor).toBeGreaterThan(1.6);
    let errorWith = 0;
    let errorWithout = 0;
    withCalendar.points.forEach((point, h) => {
      const actual = values[cut + h]!;
      errorWith += Math.abs(point.forecast - actual);
      errorWithout += Math.abs(withoutCalendar.points[h]!.forecast - actual);
    });
    expect(errorWith).toBeLessThan(errorWithout * 0.5);
  });

  it('lets a planner override a holiday multiplier', () => {
    const overridden = forecastSeries({ id: 'h', history }, { horizon: 30, holidayMultipliers: { 'national-day': 1 } });
    const plain = overridden.points.find((point) => point.date === '2026-10-03')!;
    expect(plain.holidayFactor).toBe(1);
    expect(plain.forecast).toBeLessThan(pointOn('2026-10-03').forecast / 1.5);
  });
});
