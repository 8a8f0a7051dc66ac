import { weekdayOf } from './dates';
import type { HolidayCalendar } from './holidays';

/**
 * Calendar effects as multipliers on a "normal day" (classical decomposition, as in X-11-style
 * holiday adjustment): the models are fitted on demand divided by these multipliers, and their
 * forecasts are multiplied back. Weekly seasonality itself stays in the series for the models;
 * the weekday factors here only serve holiday baselines, 调休 days and the explanation.
 */
export interface CalendarProfile {
  /** Mean demand on normal days of each weekday (0 = Sunday) ÷ mean demand on normal days. */
  readonly weekdayFactors: readonly number[];
  /** Mean of the Monday–Friday factors: what a 调休 make-up working day behaves like. */
  readonly workdayFactor: number;
  readonly holidayFactors: ReadonlyMap<string, number>;
  readonly promoFactor: number;
  /** 0–1: how far a 调休 day moves from its own weekday's pattern towards the replaced weekday's (learnt). */
  readonly makeupWeight: number;
  /** How many separate breaks of each holiday the history holds (a factor from one break is a guess). */
  readonly holidayOccurrences: ReadonlyMap<string, number>;
}

export interface CalendarInputs {
  readonly calendar: HolidayCalendar;
  readonly promoDays: ReadonlySet<number>;
  /** Caller-set multipliers win over estimated ones (e.g. a planner's 春节 expectation). */
  readonly holidayOverrides?: Readonly<Record<string, number>>;
  readonly promoOverride?: number;
  /** Effects for holidays seen fewer than `MIN_OCCURRENCES` times in this series (its category's). */
  readonly fallbackHolidayFactors?: ReadonlyMap<string, number>;
}

/** Multipliers of one day; their product is what the models' forecast is multiplied by. */
export interface DayFactors {
  readonly weekdayFactor: number;
  readonly holidayFactor: number;
  readonly promoFactor: number;
  /** holiday × promo × (调休 weekday shift): the part the models do not see. */
  readonly adjustment: number;
}

/** Pseudo-observations of "no effect" added to each estimate, so a holiday seen twice is not taken at face value. */
const PRIOR_WEIGHT = 1;
/** Half-width of the window of normal days used as the baseline around a holiday. */
const BASELINE_HALF_WINDOW = 14;

export const NEUTRAL_PROFILE: CalendarProfile = {
  weekdayFactors: [1, 1, 1, 1, 1, 1, 1],
  workdayFactor: 1,
  makeupWeight: 1,
  holidayFactors: new Map(),
  promoFactor: 1,
  holidayOccurrences: new Map(),
};

const NORMAL = 0;
const HOLIDAY = 1;
const MAKEUP_WORKDAY = 2;

/**
 * Per-day calendar facts for days [0, length) of a series, looked up once: the profile estimate,
 * the adjustment and the forecast all walk the same days, and most series of a chain share a
 * start date, so the table of the last request is reused.
 */
export interface DayTable {
  readonly startDay: number;
  readonly length: number;
  readonly weekday: Uint8Array;
  readonly kind: Uint8Array;
  readonly promo: Uint8Array;
  /** Holiday name for holiday and make-up days, undefined on normal days. */
  readonly holidayName: readonly (string | undefined)[];
  /** For a 调休 day, the weekday whose work it takes over; NO_WEEKDAY otherwise. */
  readonly replacedWeekday: Uint8Array;
}

const NO_WEEKDAY = 255;
/** A holiday's own effect needs this many years of it in the history; below, the category's is used. */
export const MIN_OCCURRENCES = 2;

let cachedTable: { readonly table: DayTable; readonly calendar: HolidayCalendar } | undefined;

export function buildDayTable(startDay: number, length: number, inputs: CalendarInputs): DayTable {
  const noPromo = inputs.promoDays.size === 0;
  if (
    noPromo &&
    cachedTable &&
    cachedTable.calendar === inputs.calendar &&
    cachedTable.table.startDay === startDay &&
    cachedTable.table.length === length
  )
    return cachedTable.table;
  const weekday = new Uint8Array(length);
  const kind = new Uint8Array(length);
  const promo = new Uint8Array(length);
  const replacedWeekday = new Uint8Array(length).fill(NO_WEEKDAY);
  const holidayName: (string | undefined)[] = new Array<string | undefined>(length).fill(undefined);
  for (let i = 0; i < length; i++) {
    const day = startDay + i;
    weekday[i] = weekdayOf(day);
    const dayKind = inputs.calendar.dayKind(day);
    if (dayKind.kind !== 'normal') {
      kind[i] = dayKind.kind === 'holiday' ? HOLIDAY : MAKEUP_WORKDAY;
      holidayName[i] = dayKind.name;
      if (dayKind.kind === 'makeup-workday' && dayKind.replaces !== undefined) replacedWeekday[i] = dayKind.replaces;
    }
    if (inputs.promoDays.has(day)) promo[i] = 1;
  }
  const table = { startDay, length, weekday, kind, promo, holidayName, replacedWeekday };
  if (noPromo) cachedTable = { table, calendar: inputs.calendar };
  return table;
}

/**
 * Estimates weekday, holiday and promotion multipliers from `values[0..length)` (the training
 * part only, so a backtest does not peek). Holiday and promotion effects are the shrunk mean of
 * actual ÷ baseline, where the baseline is the weekday-adjusted mean of normal days within ±14 days.
 */
export function estimateCalendarProfile(values: Float64Array, length: number, table: DayTable, inputs: CalendarInputs): CalendarProfile {
  const normal = new Uint8Array(length);
  const sumByWeekday = [0, 0, 0, 0, 0, 0, 0];
  const countByWeekday = [0, 0, 0, 0, 0, 0, 0];
  let normalSum = 0;
  let normalCount = 0;
  for (let i = 0; i < length; i++) {
    if (table.kind[i] !== NORMAL || table.promo[i]) continue;
    normal[i] = 1;
    const weekday = table.weekday[i]!;
    sumByWeekday[weekday]! += values[i]!;
    countByWeekday[weekday]! += 1;
    normalSum += values[i]!;
    normalCount++;
  }
  const overallMean = normalCount > 0 ? normalSum / normalCount : 0;
  const weekdayFactors = sumByWeekday.map((sum, weekday) =>
    overallMean > 0 && countByWeekday[weekday]! > 0 ? sum / countByWeekday[weekday]! / overallMean : 1,
  );
  const workdayFactor = (weekdayFactors[1]! + weekdayFactors[2]! + weekdayFactors[3]! + weekdayFactors[4]! + weekdayFactors[5]!) / 5;

  const ratioSums = new Map<string, { sum: number; count: number }>();
  const occurrences = new Map<string, number>();
  let makeupAgreement = 0;
  let makeupSpread = 0;
  let makeupDays = 0;
  const addRatio = (key: string, ratio: number): void => {
    const entry = ratioSums.get(key) ?? { sum: 0, count: 0 };
    entry.sum += ratio;
    entry.count++;
    ratioSums.set(key, entry);
  };
  for (let i = 0; i < length; i++) {
    if (normal[i]) continue;
    const baseline = localBaseline(values, normal, weekdayFactors, table.weekday, i, length);
    if (baseline <= 0) continue;
    const shift =
      table.kind[i] === MAKEUP_WORKDAY
        ? makeupWeekdayFactor(weekdayFactors, workdayFactor, table, i) / weekdayFactors[table.weekday[i]!]!
        : 1;
    const ratio = values[i]! / (baseline * shift);
    if (table.kind[i] === MAKEUP_WORKDAY) {
      // Does this product follow the 调休 (sell like the replaced weekday) or its own weekday?
      const gap = baseline * shift - baseline;
      makeupAgreement += (values[i]! - baseline) * gap;
      makeupSpread += gap * gap;
      makeupDays++;
    }
    // A day that is both a holiday and a promotion feeds the holiday estimate only: with two
    // overlapping effects and a handful of days, splitting them is guesswork.
    if (table.kind[i] === HOLIDAY) {
      addRatio(`holiday:${table.holidayName[i]}`, ratio);
      // Days of one break are one occurrence; a break spanning New Year's Day is still one.
      const name = table.holidayName[i]!;
      if (i === 0 || table.holidayName[i - 1] !== name) occurrences.set(name, (occurrences.get(name) ?? 0) + 1);
    } else if (table.promo[i]) addRatio('promo', ratio);
  }
  const shrunk = (key: string): number => {
    const entry = ratioSums.get(key);
    return entry ? (entry.sum + PRIOR_WEIGHT) / (entry.count + PRIOR_WEIGHT) : 1;
  };
  const holidayFactors = new Map<string, number>();
  for (const key of ratioSums.keys()) if (key.startsWith('holiday:')) holidayFactors.set(key.slice(8), shrunk(key));
  // A holiday seen once (or never) says little about this product: its category's effect is surer.
  for (const [name, factor] of inputs.fallbackHolidayFactors ?? []) {
    if ((occurrences.get(name) ?? 0) < MIN_OCCURRENCES) holidayFactors.set(name, factor);
  }
  for (const [name, factor] of Object.entries(inputs.holidayOverrides ?? {})) holidayFactors.set(name, factor);
  // Least-squares weight of "like the replaced weekday" against "like its own weekday", with one
  // pseudo-day at full 调休 so a product with no make-up days in its history follows the calendar.
  const prior = makeupDays > 0 ? makeupSpread / makeupDays : 0;
  const makeupWeight = prior > 0 ? Math.min(1, Math.max(0, (makeupAgreement + prior) / (makeupSpread + prior))) : 1;
  return {
    weekdayFactors,
    workdayFactor,
    makeupWeight,
    holidayFactors,
    promoFactor: inputs.promoOverride ?? shrunk('promo'),
    holidayOccurrences: occurrences,
  };
}

/** Weekday-adjusted mean of normal days within ±BASELINE_HALF_WINDOW of index i, times i's weekday factor. */
function localBaseline(
  values: Float64Array,
  normal: Uint8Array,
  weekdayFactors: readonly number[],
  weekdays: Uint8Array,
  i: number,
  length: number,
): number {
  let sum = 0;
  let count = 0;
  const from = Math.max(0, i - BASELINE_HALF_WINDOW);
  const to = Math.min(length - 1, i + BASELINE_HALF_WINDOW);
  for (let j = from; j <= to; j++) {
    if (!normal[j]) continue;
    const factor = weekdayFactors[weekdays[j]!]!;
    if (factor <= 0) continue;
    sum += values[j]! / factor;
    count++;
  }
  return count > 0 ? (sum / count) * weekdayFactors[weekdays[i]!]! : 0;
}

/** A 调休 day behaves like the weekday it replaces, or like an average workday when that is unknown. */
function makeupWeekdayFactor(weekdayFactors: readonly number[], workdayFactor: number, table: DayTable, i: number): number {
  const replaced = table.replacedWeekday[i]!;
  return replaced === NO_WEEKDAY ? workdayFactor : weekdayFactors[replaced]!;
}

/** The multipliers of day index i of the table under a profile. */
export function dayFactors(profile: CalendarProfile, table: DayTable, i: number): DayFactors {
  const plainWeekdayFactor = profile.weekdayFactors[table.weekday[i]!]!;
  const kind = table.kind[i];
  // 调休: the weekend day is worked, so it takes the pattern of the weekday it replaces.
  const weekdayFactor =
    kind === MAKEUP_WORKDAY
      ? plainWeekdayFactor +
        profile.makeupWeight * (makeupWeekdayFactor(profile.weekdayFactors, profile.workdayFactor, table, i) - plainWeekdayFactor)
      : plainWeekdayFactor;
  const holidayFactor = kind === HOLIDAY ? (profile.holidayFactors.get(table.holidayName[i]!) ?? 1) : 1;
  const promoFactor = table.promo[i] ? profile.promoFactor : 1;
  const shift = plainWeekdayFactor > 0 ? weekdayFactor / plainWeekdayFactor : 1;
  return { weekdayFactor, holidayFactor, promoFactor, adjustment: holidayFactor * promoFactor * shift };
}

/** The adjustment of every day of the table, without allocating a DayFactors per day. */
export function adjustments(profile: CalendarProfile, table: DayTable): Float64Array {
  const result = new Float64Array(table.length).fill(1);
  if (profile === NEUTRAL_PROFILE) return result;
  for (let i = 0; i < table.length; i++) {
    if (table.kind[i] !== NORMAL || table.promo[i]) result[i] = dayFactors(profile, table, i).adjustment;
  }
  return result;
}
