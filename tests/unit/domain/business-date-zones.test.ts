// Business dates in the site's IANA zone (DOMAIN.md "Site time"): the fast path for UTC-written
// instants must agree with Intl for every zone, including half-hour and 45-minute offsets and
// daylight-saving days of 23 and 25 hours. Runs under several TZ values (site-time-tz.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, businessDateInZone, businessDateOf, startOfBusinessDate, zoneOffsetMinutes } from '../../../shared/domain';

const ZONES = [
  'Asia/Shanghai',
  'Europe/London',
  'America/New_York',
  'America/Santiago', // daylight saving starts at 00:00: some days begin at 01:00
  'Pacific/Chatham', // +12:45 / +13:45
  'Australia/Lord_Howe', // a 30-minute daylight-saving shift
  'Asia/Kathmandu', // +05:45
  'Pacific/Kiritimati', // +14:00
  'Pacific/Pago_Pago', // -11:00
  'UTC',
];
const FROM = Date.parse('2024-01-01T00:00:00Z');
const TO = Date.parse('2027-01-01T00:00:00Z');

describe('businessDateOf in a site zone', () => {
  it('dates an instant by the site calendar', () => {
    expect(businessDateOf('2026-12-06T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-12-07');
    expect(businessDateOf('2026-12-06T16:30:00.000Z', 'Europe/London')).toBe('2026-12-06');
    expect(businessDateOf('2026-07-01T23:30:00.000Z', 'Europe/London')).toBe('2026-07-02'); // BST
    expect(businessDateOf('2026-12-01T23:30:00.000Z', 'Europe/London')).toBe('2026-12-01'); // GMT
    expect(businessDateOf('2026-03-09T03:59:00.000Z', 'America/New_York')).toBe('2026-03-08'); // 23:59 EDT
    expect(businessDateOf('2026-03-09T04:00:00.000Z', 'America/New_York')).toBe('2026-03-09');
    expect(businessDateOf('2026-12-06T15:30:00+08:00', 'Europe/London')).toBe('2026-12-06');
  });

  it('agrees with Intl at every minute, whatever the zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: (TO - FROM) / 60_000 }),
        fc.integer({ min: 0, max: 59_999 }),
        (zone, minute, ms) => {
          const instant = new Date(FROM + minute * 60_000 + ms).toISOString();
          expect(businessDateOf(instant, zone)).toBe(businessDateInZone(instant, zone));
        },
      ),
      { numRuns: process.env.LARDER_TZ_CHILD ? 200 : 1_000 },
    );
  });

  // Minute by minute over a year: once, not again in every TZ child run (it reads no computer zone).
  it.skipIf(process.env.LARDER_TZ_CHILD)('agrees with Intl around every daylight-saving change', () => {
    for (const zone of ZONES) {
      for (let ms = Date.parse('2026-01-01T00:00:00Z'); ms < TO; ms += 86_400_000) {
        // Only days whose offset changes: check each minute of them.
        if (zoneOffsetMinutes(ms, zone) === zoneOffsetMinutes(ms + 86_400_000 - 1, zone)) continue;
        for (let minute = 0; minute < 1440; minute += 1) {
          const instant = new Date(ms + minute * 60_000).toISOString();
          expect(businessDateOf(instant, zone), `${zone} ${instant}`).toBe(businessDateInZone(instant, zone));
        }
      }
    }
  });
});

describe('startOfBusinessDate in a site zone', () => {
  it('is midnight at the site, on 23- and 25-hour days too', () => {
    expect(startOfBusinessDate('2026-12-07', 'Asia/Shanghai')).toBe('2026-12-06T16:00:00.000Z');
    expect(startOfBusinessDate('2026-12-07', 'Europe/London')).toBe('2026-12-07T00:00:00.000Z');
    expect(startOfBusinessDate('2026-07-07', 'Europe/London')).toBe('2026-07-06T23:00:00.000Z');
    expect(startOfBusinessDate('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfBusinessDate('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z'); // 8 March had 23 h
    expect(startOfBusinessDate('2026-11-02', 'America/New_York')).toBe('2026-11-02T05:00:00.000Z'); // 1 November had 25 h
    expect(startOfBusinessDate('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z'); // 00:00 skipped: day starts 01:00
  });

  it('splits instants exactly as businessDateOf dates them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: (TO - FROM) / 60_000 }),
        fc.integer({ min: -2, max: 2 }),
        (zone, minute, shift) => {
          const instant = new Date(FROM + minute * 60_000).toISOString();
          const from = addDays(businessDateOf(instant, zone), shift);
          expect(businessDateOf(instant, zone) >= from).toBe(Date.parse(instant) >= Date.parse(startOfBusinessDate(from, zone)));
          const start = startOfBusinessDate(from, zone);
          expect(businessDateOf(start, zone)).toBe(from);
          expect(businessDateOf(new Date(Date.parse(start) - 1).toISOString(), zone) < from).toBe(true);
        },
      ),
      { numRuns: process.env.LARDER_TZ_CHILD ? 200 : 1_000 },
    );
  });
});
