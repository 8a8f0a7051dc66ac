import { describe, expect, it } from 'vitest';
import {
  calendarCaveat,
  CHINA_HOLIDAYS,
  chinaHolidayCalendar,
  forecastMany,
  forecastSeries,
  isoDateOf,
  NO_HOLIDAYS,
  parseIsoDate,
} from '../../../shared/forecast';
import { expectedDemand, syntheticValues, toPoints, type SyntheticSpec } from './synthetic';

const calendar = chinaHolidayCalendar();
const day = (iso: string): number => parseIsoDate(iso)!;

describe('China holiday calendar data', () => {
  it('ships 2019–2027 with 调休 make-up days that are all weekend days outside the break', () => {
    expect(CHINA_HOLIDAYS.map((year) => year.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(CHINA_HOLIDAYS.filter((year) => year.provisional).map((year) => year.year)).toEqual([2027]);
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
    expect(calendar.dayKind(day('2024-02-04'))).toEqual({ kind: 'makeup-workday', name: 'spring-festival', replaces: 4 });
    expect(calendar.dayKind(day('2024-02-12'))).toEqual({ kind: 'holiday', name: 'spring-festival' });
    expect(calendar.dayKind(day('2025-10-08'))).toEqual({ kind: 'holiday', name: 'national-day' });
    expect(calendar.dayKind(day('2026-09-20'))).toEqual({ kind: 'makeup-workday', name: 'national-day', replaces: 2 });
    expect(calendar.dayKind(day('2026-09-21'))).toEqual({ kind: 'normal' });
  });

  it('pairs each 调休 day with the weekday of the break it pays back, in date order', () => {
    // 国庆 2024: 10-01..03 statutory; Friday 10-04 is worked on Sunday 09-29, Monday 10-07 on Saturday 10-12.
    expect(calendar.dayKind(day('2024-09-29'))).toMatchObject({ kind: 'makeup-workday', replaces: 5 });
    expect(calendar.dayKind(day('2024-10-12'))).toMatchObject({ kind: 'makeup-workday', replaces: 1 });
    // 劳动节 2019 (Wed 05-01..Sat 05-04): Thursday and Friday are moved to the Sundays around it.
    expect(calendar.dayKind(day('2019-04-28'))).toMatchObject({ replaces: 4 });
    expect(calendar.dayKind(day('2019-05-05'))).toMatchObject({ replaces: 5 });
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

describe('forecasts that reach provisional or missing holiday data', () => {
  it('says which years are provisional (2027: no notice yet) and which have no data at all', () => {
    expect(calendarCaveat(calendar, day('2026-12-01'), day('2026-12-31'))).toBeNull();
    expect(calendarCaveat(calendar, day('2019-01-01'), day('2023-12-31'))).toBeNull();
    expect(calendarCaveat(calendar, day('2026-12-20'), day('2027-01-10'))).toEqual({ provisionalYears: [2027], missingYears: [] });
    expect(calendarCaveat(calendar, day('2027-12-20'), day('2028-01-10'))).toEqual({ provisionalYears: [2027], missingYears: [2028] });
    expect(calendarCaveat(NO_HOLIDAYS, day('2030-01-01'), day('2030-02-01'))).toBeNull();
  });

  it('carries the caveat on a series forecast and on a batch', () => {
    const history = Array.from({ length: 30 }, (_, i) => ({ date: isoDateOf(day('2026-11-20') + i), qty: 10 }));
    const [inside, across] = [forecastSeries({ id: 'a', history }, { horizon: 7 }), forecastSeries({ id: 'b', history }, { horizon: 30 })];
    expect(inside.calendarCaveat).toBeNull();
    expect(across.calendarCaveat).toEqual({ provisionalYears: [2027], missingYears: [] });
    expect(forecastMany([{ id: 'a', history }], { horizon: 30 }).calendarCaveat).toEqual({ provisionalYears: [2027], missingYears: [] });
  });
});
