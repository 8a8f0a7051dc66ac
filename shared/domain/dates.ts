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

/** The business date part of an ISO instant, as written by the terminal. */
export function businessDateOf(instant: string): string {
  return instant.slice(0, 10);
}
