import { CHINA_HOLIDAYS, type HolidayYear } from './china-holidays';
import { dayNumberOf, isoDateOf, weekdayOf } from './dates';

/** What a calendar day is for demand purposes. */
export type DayKind =
  | { readonly kind: 'normal' }
  | { readonly kind: 'holiday'; readonly name: string }
  /**
   * 调休: a weekend day declared a working day. It is worked in exchange for a weekday inside the
   * break, so demand follows that weekday (`replaces`, 0 = Sunday); undefined when the break has
   * no weekday to pair it with, and then the Monday–Friday average applies.
   */
  | { readonly kind: 'makeup-workday'; readonly name: string; readonly replaces?: number };

/** How far a year's holiday data can be trusted: published, estimated, or not there at all. */
export type CalendarYearStatus = 'official' | 'provisional' | 'missing';

export interface HolidayCalendar {
  dayKind(dayNumber: number): DayKind;
  /** Absent for calendars that are complete for every year (e.g. NO_HOLIDAYS). */
  yearStatus?(year: number): CalendarYearStatus;
}

/** Years of a forecast window whose holidays are estimates or unknown: the figures there are less sure. */
export interface CalendarCaveat {
  readonly provisionalYears: readonly number[];
  readonly missingYears: readonly number[];
}

const NORMAL: DayKind = { kind: 'normal' };

/** Builds a day lookup from holiday data (the shipped China table, or an edited copy). */
export function buildHolidayCalendar(years: readonly HolidayYear[]): HolidayCalendar {
  const byDay = new Map<number, DayKind>();
  for (const year of years) {
    for (const holiday of year.holidays) {
      const first = dayNumberOf(holiday.from);
      const last = dayNumberOf(holiday.to);
      if (last < first) throw new RangeError(`holiday ${holiday.name} ${year.year}: "to" is before "from"`);
      for (let day = first; day <= last; day++) byDay.set(day, { kind: 'holiday', name: holiday.name });
      const replaced = replacedWeekdays(first, last, holiday.makeupWorkdays.length);
      [...holiday.makeupWorkdays].sort().forEach((makeup, i) => {
        const replaces = replaced[i];
        byDay.set(dayNumberOf(makeup), { kind: 'makeup-workday', name: holiday.name, ...(replaces === undefined ? {} : { replaces }) });
      });
    }
  }
  const statusByYear = new Map(years.map((year) => [year.year, year.provisional ? ('provisional' as const) : ('official' as const)]));
  return {
    dayKind: (dayNumber) => byDay.get(dayNumber) ?? NORMAL,
    yearStatus: (year) => statusByYear.get(year) ?? 'missing',
  };
}

/** Fixed-date statutory days (元旦, 劳动节, 国庆 1–3): never the ones moved to a weekend. */
const FIXED_STATUTORY = new Set(['01-01', '05-01', '10-01', '10-02', '10-03']);

/**
 * The weekdays a break's 调休 days pay back: statutory days come first in a break, so the last
 * Monday–Friday days that are not fixed-date statutory days are the ones moved to the weekend,
 * paired in date order with the make-up days (国庆 2024: 09-29 works Friday 10-04's day, 10-12
 * Monday 10-07's; 元旦 2019: 2018-12-29 works Monday 12-31's).
 */
function replacedWeekdays(first: number, last: number, count: number): (number | undefined)[] {
  const weekdays: number[] = [];
  for (let day = first; day <= last; day++) {
    const weekday = weekdayOf(day);
    if (weekday >= 1 && weekday <= 5 && !FIXED_STATUTORY.has(isoDateOf(day).slice(5))) weekdays.push(weekday);
  }
  const moved = weekdays.slice(Math.max(0, weekdays.length - count));
  return Array.from({ length: count }, (_, i) => moved[i - (count - moved.length)]);
}

/**
 * What a forecast over the days [firstDay, lastDay] should warn about: a year whose State Council
 * notice is not out yet (its 春节 or 国庆 dates may move), or a year the data does not reach (no
 * holiday is known there at all). Null when every year is official.
 */
export function calendarCaveat(calendar: HolidayCalendar, firstDay: number, lastDay: number): CalendarCaveat | null {
  if (!calendar.yearStatus || lastDay < firstDay) return null;
  const provisionalYears: number[] = [];
  const missingYears: number[] = [];
  const firstYear = Number(isoDateOf(firstDay).slice(0, 4));
  const lastYear = Number(isoDateOf(lastDay).slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    const status = calendar.yearStatus(year);
    if (status === 'provisional') provisionalYears.push(year);
    else if (status === 'missing') missingYears.push(year);
  }
  return provisionalYears.length + missingYears.length > 0 ? { provisionalYears, missingYears } : null;
}

/** The caveats of several windows together (a batch of series), or null when none has any. */
export function mergeCalendarCaveats(caveats: readonly (CalendarCaveat | null)[]): CalendarCaveat | null {
  const provisional = new Set<number>();
  const missing = new Set<number>();
  for (const caveat of caveats) {
    caveat?.provisionalYears.forEach((year) => provisional.add(year));
    caveat?.missingYears.forEach((year) => missing.add(year));
  }
  if (provisional.size + missing.size === 0) return null;
  const sorted = (years: Set<number>) => [...years].sort((a, b) => a - b);
  return { provisionalYears: sorted(provisional), missingYears: sorted(missing) };
}

/** A calendar with no holidays, for markets outside mainland China or for tests. */
export const NO_HOLIDAYS: HolidayCalendar = { dayKind: () => NORMAL };

let chinaCalendar: HolidayCalendar | undefined;

/** The shipped 2019–2027 mainland China calendar (built once, lazily). */
export function chinaHolidayCalendar(): HolidayCalendar {
  chinaCalendar ??= buildHolidayCalendar(CHINA_HOLIDAYS);
  return chinaCalendar;
}
