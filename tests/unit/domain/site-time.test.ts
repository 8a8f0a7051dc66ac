import { afterEach, describe, expect, it } from 'vitest';
import {
  businessDateInZone,
  formatSiteDateTime,
  readSiteClock,
  siteInstant,
  siteTimeZone,
  zoneOffsetMinutes,
} from '../../../shared/domain';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

// Node re-reads TZ when it is assigned: each case runs as if the computer were set to that zone.
const computerZones = ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

describe('site time, whatever the computer is set to', () => {
  it.each(computerZones)('a Shanghai site dates 23:30 and 00:30 by its own calendar on a computer in %s', (zone) => {
    process.env.TZ = zone;
    expect(businessDateInZone('2026-12-06T15:30:00.000Z', 'Asia/Shanghai')).toBe('2026-12-06'); // 23:30 there
    expect(businessDateInZone('2026-12-06T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-12-07'); // 00:30 there
    expect(siteInstant('2026-12-07', '00:30', 'Asia/Shanghai')).toBe('2026-12-06T16:30:00.000Z');
    expect(formatSiteDateTime(new Date('2026-12-06T16:30:00.000Z'), 'Asia/Shanghai')).toBe('2026-12-07 00:30');
  });

  it('follows daylight saving for a site that has it', () => {
    expect(zoneOffsetMinutes('2026-07-01T12:00:00Z', 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes('2026-12-01T12:00:00Z', 'America/New_York')).toBe(-300);
    expect(siteInstant('2026-03-08', '03:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z'); // after the spring jump
    expect(readSiteClock('2026-11-01T05:30:00Z', 'America/New_York')).toEqual({ date: '2026-11-01', time: '01:30:00' });
  });

  it('falls back to the default zone when a site names none or an unknown one', () => {
    expect(siteTimeZone(undefined)).toBe('Asia/Shanghai');
    expect(siteTimeZone({ timeZone: 'Mars/Olympus' })).toBe('Asia/Shanghai');
    expect(siteTimeZone({ timeZone: 'Europe/Paris' })).toBe('Europe/Paris');
  });
});
