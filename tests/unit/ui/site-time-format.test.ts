// Every time a screen shows or prints is the site's (DOMAIN.md "Site time"): the dispatch note's
// 发货时间, notices, the audit trail and count times read the site's clock, not UTC and not the
// computer's zone (site-time-tz.test.ts runs this under several TZ values).
import { afterEach, describe, expect, it } from 'vitest';
import { useSiteClockStore } from '../../../renderer/state/site-clock-store';
import { businessDateToday, formatSiteDate, formatSiteTime, formatSiteTimeOfDay } from '../../../renderer/ui/format';

afterEach(() => useSiteClockStore.getState().setTimeZone('Asia/Shanghai'));

describe('site times on screen', () => {
  it('prints an instant at the site clock', () => {
    const shipped = '2026-12-06T16:30:00.000Z'; // 00:30 on 12-07 in Shanghai
    expect(formatSiteTime(shipped)).toBe('2026-12-07 00:30');
    expect(formatSiteDate(shipped)).toBe('2026-12-07');
    expect(formatSiteTimeOfDay(shipped)).toBe('00:30:00');
    expect(businessDateToday(new Date(shipped))).toBe('2026-12-07');
    useSiteClockStore.getState().setTimeZone('Europe/London');
    expect(formatSiteTime(shipped)).toBe('2026-12-06 16:30');
    expect(formatSiteDate(shipped)).toBe('2026-12-06');
  });
});
