/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so the hot loops of the engine
 * do integer arithmetic instead of Date objects, and a Web Worker and Node agree on every date.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` date, or undefined when the text is not a real calendar date. */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC silently rolls 2025-02-30 over to March; a round trip catches it.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

/** Like parseIsoDate but throws, for dates that come from trusted data (holiday tables, engine input). */
export function dayNumberOf(text: string): number {
  const day = parseIsoDate(text);
  if (day === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${text}"`);
  return day;
}

export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}
