// Time belongs to the site (ARCHITECTURE.md, DOMAIN.md "Site time"): a site's business date and
// every time printed for it come from the site's IANA zone, never from the computer's. A terminal
// set to UTC or New York still dates a Shanghai store's documents by Shanghai's calendar.

export const DEFAULT_SITE_TIME_ZONE = 'Asia/Shanghai';

/** The zone a site document names, or the default when it names none (or one this runtime lacks). */
export function siteTimeZone(site: { timeZone?: string | undefined } | null | undefined): string {
  const zone = site?.timeZone;
  return zone && isKnownTimeZone(zone) ? zone : DEFAULT_SITE_TIME_ZONE;
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `zone` is an IANA zone name this runtime knows (`Asia/Shanghai`, `Europe/London`, `UTC`):
 * what a site may be set to. Stricter than isKnownTimeZone, which also takes the offsets and
 * abbreviations Intl accepts (`+08:00`, `EST`), names that say nothing about daylight saving.
 */
export function isIanaTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  return /^[A-Za-z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+){1,2}$/.test(zone) && isKnownTimeZone(zone);
}

/** Every IANA zone this runtime knows, for pickers (UTC first, then alphabetical). */
export function ianaTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC' && isIanaTimeZone(zone));
  return ['UTC', ...zones.sort()];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one costs far more than using it (reports call this per row). */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export interface SiteClockReading {
  /** Business date, `YYYY-MM-DD`. */
  date: string;
  /** Wall-clock time, `HH:mm:ss`. */
  time: string;
}

function toEpoch(instant: Date | number | string): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return ms;
}

/** The site's calendar date and wall-clock time at an instant. */
export function readSiteClock(instant: Date | number | string, timeZone: string): SiteClockReading {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(toEpoch(instant))) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/** The business date at a site for an instant. */
export function businessDateInZone(instant: Date | number | string, timeZone: string): string {
  return readSiteClock(instant, timeZone).date;
}

/** `YYYY-MM-DD HH:mm` at the site, for screens and prints. */
export function formatSiteDateTime(instant: Date | number | string, timeZone: string): string {
  const { date, time } = readSiteClock(instant, timeZone);
  return `${date} ${time.slice(0, 5)}`;
}

/** Minutes the site's clock is ahead of UTC at an instant (daylight saving included). */
export function zoneOffsetMinutes(instant: Date | number | string, timeZone: string): number {
  const ms = toEpoch(instant);
  const { date, time } = readSiteClock(ms, timeZone);
  const asUtc = Date.parse(`${date}T${time}Z`);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The instant (ISO, UTC) at which the site's clock reads `date` `HH:mm`. */
export function siteInstant(date: string, hhmm: string, timeZone: string): string {
  const wall = Date.parse(`${date}T${hhmm}:00Z`);
  if (Number.isNaN(wall)) throw new RangeError(`Not a site time: ${date} ${hhmm}`);
  // Two rounds settle a daylight-saving edge: the offset at the guess may differ from the answer's.
  let guess = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  guess = wall - zoneOffsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess).toISOString();
}

/** Each site's zone from the site documents; an unknown site keeps the default zone. */
export function zoneLookup(sites: Iterable<{ id: string; timeZone?: string | undefined }>): (siteId: string) => string {
  const zones = new Map<string, string>();
  for (const site of sites) zones.set(site.id, siteTimeZone(site));
  return (siteId) => zones.get(siteId) ?? DEFAULT_SITE_TIME_ZONE;
}
