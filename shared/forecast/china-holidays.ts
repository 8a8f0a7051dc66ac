/**
 * Mainland China public holidays and 调休 make-up working days, 2019–2027, as plain editable data.
 *
 * Each entry lists the whole consecutive break (including weekend days folded into it, since
 * restaurant demand follows the break, not the statutory day count) and the weekend days that
 * are declared working days (调休上班). Sources, day by day: 国务院办公厅关于XXXX年部分节假日安排的
 * 通知 for 2019 (published 2018-12-06, its 劳动节 changed by the notice of 2019-03-22), 2020
 * (2019-11-21; 春节 extended to 02-02 by the notice of 2020-01-26, which also cancels the 02-01
 * make-up Saturday), 2021 (2020-11-25), 2022 (2021-10-25), 2023 (2022-12-08), 2024 (2023-10-25),
 * 2025 (2024-11-12) and 2026 (2025-11); cross-checked against the open datasets holiday-cn and
 * chinese-calendar, which transcribe the same notices.
 * 2027 is NOT published yet: it is a provisional estimate from the lunar dates (春节 2027-02-06,
 * 清明 04-05, 端午 06-09, 中秋 09-15) following the post-2025 rules; replace it when the State
 * Council notice appears (usually in November of the year before). A forecast reaching into it,
 * or past the last year here, says so (`calendarCaveat`).
 */

export type HolidayName = 'new-year' | 'spring-festival' | 'qingming' | 'labour-day' | 'dragon-boat' | 'mid-autumn' | 'national-day';

export interface HolidayPeriod {
  readonly name: HolidayName;
  /** Chinese label, for display. */
  readonly label: string;
  /** First and last day of the break, inclusive, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  /** Weekend days declared working days (调休上班) for this holiday. */
  readonly makeupWorkdays: readonly string[];
}

export interface HolidayYear {
  readonly year: number;
  /** True while the official notice is not out and the dates are an estimate. */
  readonly provisional: boolean;
  readonly holidays: readonly HolidayPeriod[];
}

export const CHINA_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2019,
    provisional: false,
    holidays: [
      { name: 'new-year', label: '元旦', from: '2018-12-30', to: '2019-01-01', makeupWorkdays: ['2018-12-29'] },
      { name: 'spring-festival', label: '春节', from: '2019-02-04', to: '2019-02-10', makeupWorkdays: ['2019-02-02', '2019-02-03'] },
      { name: 'qingming', label: '清明节', from: '2019-04-05', to: '2019-04-07', makeupWorkdays: [] },
      // As changed by the notice of 2019-03-22 (first announced as 05-01 alone).
      { name: 'labour-day', label: '劳动节', from: '2019-05-01', to: '2019-05-04', makeupWorkdays: ['2019-04-28', '2019-05-05'] },
      { name: 'dragon-boat', label: '端午节', from: '2019-06-07', to: '2019-06-09', makeupWorkdays: [] },
      { name: 'mid-autumn', label: '中秋节', from: '2019-09-13', to: '2019-09-15', makeupWorkdays: [] },
      { name: 'national-day', label: '国庆节', from: '2019-10-01', to: '2019-10-07', makeupWorkdays: ['2019-09-29', '2019-10-12'] },
    ],
  },
  {
    year: 2020,
    provisional: false,
    holidays: [
      { name: 'new-year', label: '元旦', from: '2020-01-01', to: '2020-01-01', makeupWorkdays: [] },
      // 01-24 to 01-30 as first announced; extended to 02-02 (COVID-19), so 02-01 was no longer worked.
      { name: 'spring-festival', label: '春节', from: '2020-01-24', to: '2020-02-02', makeupWorkdays: ['2020-01-19'] },
      { name: 'qingming', label: '清明节', from: '2020-04-04', to: '2020-04-06', makeupWorkdays: [] },
      { name: 'labour-day', label: '劳动节', from: '2020-05-01', to: '2020-05-05', makeupWorkdays: ['2020-04-26', '2020-05-09'] },
      { name: 'dragon-boat', label: '端午节', from: '2020-06-25', to: '2020-06-27', makeupWorkdays: ['2020-06-28'] },
      // 中秋 (2020-10-01) falls on 国庆: one 8-day break.
      { name: 'national-day', label: '国庆节、中秋节', from: '2020-10-01', to: '2020-10-08', makeupWorkdays: ['2020-09-27', '2020-10-10'] },
    ],
  },
  {
    year: 2021,
    provisional: false,
    holidays: [
      { name: 'new-year', label: '元旦', from: '2021-01-01', to: '2021-01-03', makeupWorkdays: [] },
      { name: 'spring-festival', label: '春节', from: '2021-02-11', to: '2021-02-17', makeupWorkdays: ['2021-02-07', '2021-02-20'] },
      { name: 'qingming', label: '清明节', from: '2021-04-03', to: '2021-04-05', makeupWorkdays: [] },
      { name: 'labour-day', label: '劳动节', from: '2021-05-01', to: '2021-05-05', makeupWorkdays: ['2021-04-25', '2021-05-08'] },
      { name: 'dragon-boat', label: '端午节', from: '2021-06-12', to: '2021-06-14', makeupWorkdays: [] },
      { name: 'mid-autumn', label: '中秋节', from: '2021-09-19', to: '2021-09-21', makeupWorkdays: ['2021-09-18'] },
      { name: 'national-day', label: '国庆节', from: '2021-10-01', to: '2021-10-07', makeupWorkdays: ['2021-09-26', '2021-10-09'] },
    ],
  },
  {
    year: 2022,
    provisional: false,
    holidays: [
      { name: 'new-year', label: '元旦', from: '2022-01-01', to: '2022-01-03', makeupWorkdays: [] },
      { name: 'spring-festival', label: '春节', from: '2022-01-31', to: '2022-02-06', makeupWorkdays: ['2022-01-29', '2022-01-30'] },
      { name: 'qingming', label: '清明节', from: '2022-04-03', to: '2022-04-05', makeupWorkdays: ['2022-04-02'] },
      { name: 'labour-day', label: '劳动节', from: '2022-04-30', to: '2022-05-04', makeupWorkdays: ['2022-04-24', '2022-05-07'] },
      { name: 'dragon-boat', label: '端午节', from: '2022-06-03', to: '2022-06-05', makeupWorkdays: [] },
      { name: 'mid-autumn', label: '中秋节', from: '2022-09-10', to: '2022-09-12', makeupWorkdays: [] },
      { name: 'national-day', label: '国庆节', from: '2022-10-01', to: '2022-10-07', makeupWorkdays: ['2022-10-08', '2022-10-09'] },
    ],
  },
  {
    year: 2023,
    provisional: false,
    holidays: [
      { name: 'new-year', label: '元旦', from: '2022-12-31', to: '2023-01-02', makeupWorkdays: [] },
      { name: 'spring-festival', label: '春节', from: '2023-01-21', to: '2023-01-27', makeupWorkdays: ['2023-01-28', '2023-01-29'] },
      { name: 'qingming', label: '清明节', from: '2023-04-05', to: '2023-04-05', makeupWorkdays: [] },
      { name: 'labour-day', label: '劳动节', from: '2023-04-29', to: '2023-05-03', makeupWorkdays: ['2023-04-23', '2023-05-06'] },
      { name: 'dragon-boat', label: '端午节', from: '2023-06-22', to: '2023-06-24', makeupWorkdays: ['2023-06-25'] },
      // 中秋 (2023-09-29) runs into 国庆: one 8-day break.
      { name: 'national-day', label: '中秋节、国庆节', from: '2023-09-29', to: '2023-10-06', makeupWorkdays: ['2023-10-07', '2023-10-08'] },
    ],
  },
  {
    year: 2024,
    provisional: false,
    holidays: [
      { name: 'new-year', label: '元旦', from: '2023-12-30', to: '2024-01-01', makeupWorkdays: [] },
      { name: 'spring-festival', label: '春节', from: '2024-02-10', to: '2024-02-17', makeupWorkdays: ['2024-02-04', '2024-02-18'] },
      { name: 'qingming', label: '清明节', from: '2024-04-04', to: '2024-04-06', makeupWorkdays: ['2024-04-07'] },
      { name: 'labour-day', label: '劳动节', from: '2024-05-01', to: '2024-05-05', makeupWorkdays: ['2024-04-28', '2024-05-11'] },
      { name: 'dragon-boat', label: '端午节', from: '2024-06-08', to: '2024-06-10', makeupWorkdays: [] },
      { name: 'mid-autumn', label: '中秋节', from: '2024-09-15', to: '2024-09-17', makeupWorkdays: ['2024-09-14'] },
      { name: 'national-day', label: '国庆节', from: '2024-10-01', to: '2024-10-07', makeupWorkdays: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    year: 2025,
    provisional: false,
    holidays: [
      { name: 'new-year', label: '元旦', from: '2025-01-01', to: '2025-01-01', makeupWorkdays: [] },
      { name: 'spring-festival', label: '春节', from: '2025-01-28', to: '2025-02-04', makeupWorkdays: ['2025-01-26', '2025-02-08'] },
      { name: 'qingming', label: '清明节', from: '2025-04-04', to: '2025-04-06', makeupWorkdays: [] },
      { name: 'labour-day', label: '劳动节', from: '2025-05-01', to: '2025-05-05', makeupWorkdays: ['2025-04-27'] },
      { name: 'dragon-boat', label: '端午节', from: '2025-05-31', to: '2025-06-02', makeupWorkdays: [] },
      // 中秋 (2025-10-06) falls inside the 国庆 break; the notice merges them into one 8-day break.
      { name: 'national-day', label: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', makeupWorkdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    provisional: false,
    holidays: [
      { name: 'new-year', label: '元旦', from: '2026-01-01', to: '2026-01-03', makeupWorkdays: ['2026-01-04'] },
      { name: 'spring-festival', label: '春节', from: '2026-02-15', to: '2026-02-23', makeupWorkdays: ['2026-02-14', '2026-02-28'] },
      { name: 'qingming', label: '清明节', from: '2026-04-04', to: '2026-04-06', makeupWorkdays: [] },
      { name: 'labour-day', label: '劳动节', from: '2026-05-01', to: '2026-05-05', makeupWorkdays: ['2026-05-09'] },
      { name: 'dragon-boat', label: '端午节', from: '2026-06-19', to: '2026-06-21', makeupWorkdays: [] },
      { name: 'mid-autumn', label: '中秋节', from: '2026-09-25', to: '2026-09-27', makeupWorkdays: [] },
      { name: 'national-day', label: '国庆节', from: '2026-10-01', to: '2026-10-07', makeupWorkdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
  {
    year: 2027,
    provisional: true,
    holidays: [
      { name: 'new-year', label: '元旦', from: '2027-01-01', to: '2027-01-03', makeupWorkdays: [] },
      { name: 'spring-festival', label: '春节', from: '2027-02-05', to: '2027-02-13', makeupWorkdays: ['2027-01-31', '2027-02-20'] },
      { name: 'qingming', label: '清明节', from: '2027-04-03', to: '2027-04-05', makeupWorkdays: [] },
      { name: 'labour-day', label: '劳动节', from: '2027-05-01', to: '2027-05-05', makeupWorkdays: ['2027-05-08'] },
      { name: 'dragon-boat', label: '端午节', from: '2027-06-09', to: '2027-06-09', makeupWorkdays: [] },
      { name: 'mid-autumn', label: '中秋节', from: '2027-09-15', to: '2027-09-15', makeupWorkdays: [] },
      { name: 'national-day', label: '国庆节', from: '2027-10-01', to: '2027-10-07', makeupWorkdays: ['2027-09-26', '2027-10-09'] },
    ],
  },
];
