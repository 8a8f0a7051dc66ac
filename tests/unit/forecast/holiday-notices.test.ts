import { describe, expect, it } from 'vitest';
import { chinaHolidayCalendar, isoDateOf, parseIsoDate } from '../../../shared/forecast';

/**
 * The State Council General Office notices (国务院办公厅关于XXXX年部分节假日安排的通知), transcribed
 * as they read: each holiday's "X月X日至X日放假" range (weekend days folded into the break added,
 * since "与周末连休" means the break runs over them) and each "X月X日（星期X）上班". Written apart
 * from shared/forecast/china-holidays.ts so a slip in either shows here; every day of 2019–2026
 * is compared, so a missing or extra 调休 day fails.
 */
const NOTICES: Record<number, { readonly off: readonly string[]; readonly work: readonly string[] }> = {
  // 2018-12-06; 劳动节 as changed on 2019-03-22.
  2019: {
    off: [
      '2018-12-30..2019-01-01',
      '2019-02-04..2019-02-10',
      '2019-04-05..2019-04-07',
      '2019-05-01..2019-05-04',
      '2019-06-07..2019-06-09',
      '2019-09-13..2019-09-15',
      '2019-10-01..2019-10-07',
    ],
    work: ['2018-12-29', '2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12'],
  },
  // 2019-11-21; 春节 extended to 02-02 by the notice of 2020-01-26 (02-01 no longer worked).
  2020: {
    off: [
      '2020-01-01',
      '2020-01-24..2020-02-02',
      '2020-04-04..2020-04-06',
      '2020-05-01..2020-05-05',
      '2020-06-25..2020-06-27',
      '2020-10-01..2020-10-08',
    ],
    work: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  },
  2021: {
    off: [
      '2021-01-01..2021-01-03',
      '2021-02-11..2021-02-17',
      '2021-04-03..2021-04-05',
      '2021-05-01..2021-05-05',
      '2021-06-12..2021-06-14',
      '2021-09-19..2021-09-21',
      '2021-10-01..2021-10-07',
    ],
    work: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  2022: {
    off: [
      '2022-01-01..2022-01-03',
      '2022-01-31..2022-02-06',
      '2022-04-03..2022-04-05',
      '2022-04-30..2022-05-04',
      '2022-06-03..2022-06-05',
      '2022-09-10..2022-09-12',
      '2022-10-01..2022-10-07',
    ],
    work: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  2023: {
    off: [
      '2022-12-31..2023-01-02',
      '2023-01-21..2023-01-27',
      '2023-04-05',
      '2023-04-29..2023-05-03',
      '2023-06-22..2023-06-24',
      '2023-09-29..2023-10-06',
    ],
    work: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  2024: {
    off: [
      '2023-12-30..2024-01-01',
      '2024-02-10..2024-02-17',
      '2024-04-04..2024-04-06',
      '2024-05-01..2024-05-05',
      '2024-06-08..2024-06-10',
      '2024-09-15..2024-09-17',
      '2024-10-01..2024-10-07',
    ],
    work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    off: [
      '2025-01-01',
      '2025-01-28..2025-02-04',
      '2025-04-04..2025-04-06',
      '2025-05-01..2025-05-05',
      '2025-05-31..2025-06-02',
      '2025-10-01..2025-10-08',
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      '2026-01-01..2026-01-03',
      '2026-02-15..2026-02-23',
      '2026-04-04..2026-04-06',
      '2026-05-01..2026-05-05',
      '2026-06-19..2026-06-21',
      '2026-09-25..2026-09-27',
      '2026-10-01..2026-10-07',
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const day = (iso: string): number => parseIsoDate(iso)!;

function daysOf(range: string): number[] {
  const [from, to = from] = range.split('..') as [string, string?];
  const days: number[] = [];
  for (let d = day(from); d <= day(to); d++) days.push(d);
  return days;
}

describe('China holidays against the State Council notices, day by day', () => {
  const calendar = chinaHolidayCalendar();
  const off = new Set(Object.values(NOTICES).flatMap((notice) => notice.off.flatMap(daysOf)));
  const work = new Set(Object.values(NOTICES).flatMap((notice) => notice.work.map(day)));

  it('every 调休 working day of the notices is a weekend day', () => {
    for (const d of work) expect([0, 6], isoDateOf(d)).toContain(new Date(`${isoDateOf(d)}T00:00:00Z`).getUTCDay());
  });

  it('classifies every day from 2018-12-29 to 2026-12-31 as the notices say', () => {
    const wrong: string[] = [];
    for (let d = day('2018-12-29'); d <= day('2026-12-31'); d++) {
      const expected = off.has(d) ? 'holiday' : work.has(d) ? 'makeup-workday' : 'normal';
      const kind = calendar.dayKind(d).kind;
      if (kind !== expected) wrong.push(`${isoDateOf(d)}: ${kind}, notice says ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('names the 2020 春节 extension and the combined 8-day breaks', () => {
    expect(calendar.dayKind(day('2020-02-01'))).toEqual({ kind: 'holiday', name: 'spring-festival' });
    expect(calendar.dayKind(day('2020-02-03'))).toEqual({ kind: 'normal' });
    expect(calendar.dayKind(day('2020-10-08'))).toEqual({ kind: 'holiday', name: 'national-day' });
    expect(calendar.dayKind(day('2023-09-29'))).toEqual({ kind: 'holiday', name: 'national-day' });
    expect(calendar.dayKind(day('2018-12-29'))).toEqual({ kind: 'makeup-workday', name: 'new-year', replaces: 1 });
  });
});
