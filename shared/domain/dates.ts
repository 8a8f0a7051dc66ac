/**
 * Plain string date math on business dates (`YYYY-MM-DD`), done in UTC so the result never
 * depends on the terminal's zone.
 */
const DAY_MS = 86_400_000;

export function parseBusinessDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a business date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
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

/**
 * Larder's sites are in China (UTC+8, no daylight saving): a business day runs from 00:00 to
 * 24:00 local time, while instants are stored in UTC (`toISOString`). Taking the UTC date would
 * put everything between 00:00 and 08:00 local on the previous day.
 */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

/** The local business date of an ISO instant at a site `utcOffsetMinutes` east of UTC. */
export function businessDateOf(instant: string, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  // Fast path for what terminals write (`toISOString`, UTC): reports call this per movement.
  const utc = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(instant);
  if (utc && instant.endsWith('Z')) {
    const minutes = Number(utc[2]) * 60 + Number(utc[3]) + utcOffsetMinutes;
    const date = utc[1]!;
    return minutes >= 0 && minutes < 1440 ? date : addDays(date, Math.floor(minutes / 1440));
  }
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${instant}`);
  return formatBusinessDate(ms + utcOffsetMinutes * 60_000);
}

/**
 * The first instant (ISO, UTC) of a business date at a site `utcOffsetMinutes` east of UTC: a
 * movement's `businessDateOf(at)` is `date` or later exactly when `at` is at or after it, so a
 * report can read "movements since `from`" by an index on `at` and date them as before.
 */
export function startOfBusinessDate(date: string, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  return new Date(parseBusinessDate(date) - utcOffsetMinutes * 60_000).toISOString();
}
