/**
 * Mainland China public holidays and 调休 make-up working days, 2024–2027, as plain editable data.
 *
 * Each entry lists the whole consecutive break (including weekend days folded into it, since
 * restaurant demand follows the break, not the statutory day count) and the weekend days that
 * are declared working days (调休上班). Sources: 国务院办公厅关于部分节假日安排的通知 for 2024
 * (国办发明电〔2023〕7号), 2025 (国办发明电〔2024〕12号) and 2026 (published Nov 2025).
 * 2027 is NOT published yet: it is a provisional estimate from the lunar dates (春节 2027-02-06,
 * 清明 04-05, 端午 06-09, 中秋 09-15) following the post-2025 rules; replace it when the State
 * Council notice appears (usually in November of the year before).
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
