/**
 * Plain string date math on business dates (`YYYY-MM-DD`), done in UTC so the result never
 * depends on the terminal's zone.
 */
import { businessDateInZone, DEFAULT_SITE_TIME_ZONE, zoneOffsetMinutes } from './site-time';

const DAY_MS = 86_400_000;

export function parseBusinessDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a business date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** A real calendar date as `YYYY-MM-DD` (2025-02-30 is not). */
export function isValidBusinessDate(date: string): boolean {
  try {
    return formatBusinessDate(parseBusinessDate(date)) === date;
  } catch {
    return false;
  }
}

export function formatBusinessDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatBusinessDate(parseBusinessDate(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseBusinessDate(to) - parseBusinessDate(from)) / DAY_MS);
}

/** Which zone a site keeps time in (`siteTimeZone` of its site document). */
export type ZoneOf = (siteId: string) => string;

/** Every site in the default zone: for callers that know no site documents (tests, one-site tools). */
export const defaultZoneOf: ZoneOf = () => DEFAULT_SITE_TIME_ZONE;

// Per zone, the site clock's offset from UTC over each UTC hour (`YYYY-MM-DDTHH` → minutes), or
// NaN for an hour in which the offset changes. Reports date every movement; Intl costs ~1 µs a
// call, a map lookup a few ns, and every offset change of the tz database falls on a minute.
const hourOffsets = new Map<string, Map<string, number>>();
const HOUR_CACHE_LIMIT = 200_000;

function offsetOverHour(hourKey: string, timeZone: string): number {
  let offsets = hourOffsets.get(timeZone);
  if (!offsets) hourOffsets.set(timeZone, (offsets = new Map()));
  let offset = offsets.get(hourKey);
  if (offset === undefined) {
    const start = Date.parse(`${hourKey}:00:00.000Z`);
    const first = zoneOffsetMinutes(start, timeZone);
    offset = first === zoneOffsetMinutes(start + 3_599_999, timeZone) ? first : Number.NaN;
    if (offsets.size >= HOUR_CACHE_LIMIT) offsets.clear();
    offsets.set(hourKey, offset);
  }
  return offset;
}

// A third to a half of the instants a report dates fall on the UTC day before or after: date math
// per call would cost more than the rest of the fast path.
const dayBefore = new Map<string, string>();
const dayAfter = new Map<string, string>();
function neighbourDay(cache: Map<string, string>, date: string, days: -1 | 1): string {
  let neighbour = cache.get(date);
  if (neighbour === undefined) {
    neighbour = addDays(date, days);
    if (cache.size >= HOUR_CACHE_LIMIT) cache.clear();
    cache.set(date, neighbour);
  }
  return neighbour;
}

/** The business date of an ISO instant at a site keeping time in `timeZone` (IANA). */
export function businessDateOf(instant: string, timeZone: string = DEFAULT_SITE_TIME_ZONE): string {
  // Fast path for what terminals write (`toISOString`, UTC): reports call this per movement.
  const utc = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(instant);
  if (utc && instant.endsWith('Z')) {
    const offset = offsetOverHour(instant.slice(0, 13), timeZone);
    if (!Number.isNaN(offset)) {
      const minutes = Number(utc[2]) * 60 + Number(utc[3]) + offset;
      const date = utc[1]!;
      return minutes < 0 ? neighbourDay(dayBefore, date, -1) : minutes < 1440 ? date : neighbourDay(dayAfter, date, 1);
    }
  }
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${instant}`);
  return businessDateInZone(ms, timeZone);
}

const dayStarts = new Map<string, string>();

/**
 * The first instant (ISO, UTC) of a business date at a site keeping time in `timeZone`: a
 * movement's `businessDateOf(at, zone)` is `date` or later exactly when `at` is at or after it, so
 * a report can read "movements since `from`" by an index on `at` and date them as before. Not
 * always 00:00 + offset: days are 23 or 25 hours long at daylight-saving changes, and where the
 * clock jumps at midnight (America/Santiago) the day begins at 01:00.
 */
export function startOfBusinessDate(date: string, timeZone: string = DEFAULT_SITE_TIME_ZONE): string {
  const key = `${timeZone} ${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    const midnightUtc = parseBusinessDate(date);
    // Every zone is within UTC−12..+14: 15 h either side of UTC midnight brackets the start.
    let before = Math.floor((midnightUtc - 15 * 3_600_000) / 1000);
    let atOrAfter = Math.floor((midnightUtc + 15 * 3_600_000) / 1000);
    while (atOrAfter - before > 1) {
      const middle = Math.floor((before + atOrAfter) / 2);
      if (businessDateInZone(middle * 1000, timeZone) >= date) atOrAfter = middle;
      else before = middle;
    }
    start = new Date(atOrAfter * 1000).toISOString();
    if (dayStarts.size >= HOUR_CACHE_LIMIT) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return start;
}

/** The earliest start of `date` over the zones of `siteIds`: an index read that serves them all. */
export function earliestStartOfBusinessDate(date: string, zones: Iterable<string>): string {
  let earliest: string | undefined;
  for (const zone of zones) {
    const start = startOfBusinessDate(date, zone);
    if (earliest === undefined || start < earliest) earliest = start;
  }
  return earliest ?? startOfBusinessDate(date);
}
