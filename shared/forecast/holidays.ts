import { CHINA_HOLIDAYS, type HolidayYear } from './china-holidays';
import { dayNumberOf } from './dates';

/** What a calendar day is for demand purposes. */
export type DayKind =
  | { readonly kind: 'normal' }
  | { readonly kind: 'holiday'; readonly name: string }
  /** 调休: a weekend day declared a working day; demand follows the workday pattern. */
  | { readonly kind: 'makeup-workday'; readonly name: string };

export interface HolidayCalendar {
  dayKind(dayNumber: number): DayKind;
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
      for (const makeup of holiday.makeupWorkdays) byDay.set(dayNumberOf(makeup), { kind: 'makeup-workday', name: holiday.name });
    }
  }
  return { dayKind: (dayNumber) => byDay.get(dayNumber) ?? NORMAL };
}

/** A calendar with no holidays, for markets outside mainland China or for tests. */
export const NO_HOLIDAYS: HolidayCalendar = { dayKind: () => NORMAL };

let chinaCalendar: HolidayCalendar | undefined;

/** The shipped 2024–2027 mainland China calendar (built once, lazily). */
export function chinaHolidayCalendar(): HolidayCalendar {
  chinaCalendar ??= buildHolidayCalendar(CHINA_HOLIDAYS);
  return chinaCalendar;
}
