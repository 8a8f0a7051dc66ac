import { describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../../../shared/demo/catalog';
import { generateDemoHistory } from '../../../shared/demo/history';
import { HOLDOUT_DAYS, runForecast, totalsOf, type DemandRow } from '../../../renderer/features/forecast/forecast-compute';
import { calendarCaveatTexts } from '../../../renderer/features/forecast/calendar-caveat-text';
import { initI18n } from '../../../renderer/i18n';

/** A product sold every day at 21:30 China time, weekends double. */
function dailySales(productId: string, days: number, endDate: string, base: number): DemandRow[] {
  const end = Date.parse(`${endDate}T13:30:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(end - (days - 1 - i) * 86_400_000);
    const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
    return { productId, kind: 'sale', qty: -(weekend ? base * 2 : base), at: at.toISOString() };
  });
}

describe('forecast worker computation', () => {
  it('scores a short history on a holdout of the last week against "same as last week"', () => {
    const rows = dailySales('p1', 28, '2026-11-29', 10);
    const result = runForecast({ requestId: 1, siteId: 's', endDate: '2026-11-29', timeZone: 'Asia/Shanghai', horizon: 14, rows });
    const [series] = result.series;
    expect(series?.evaluation).toBe('holdout');
    expect(series?.evaluationDays).toBe(HOLDOUT_DAYS);
    expect(series?.backcast).toHaveLength(HOLDOUT_DAYS);
    expect(series?.points).toHaveLength(14);
    // A perfectly weekly pattern: last week repeats exactly, so the baseline error is 0.
    expect(series?.naiveWape).toBe(0);
    expect(result.totals.seriesBacktested).toBe(1);
    expect(series?.points[0]?.date).toBe('2026-11-30');
  });

  it('counts consumption as demand, ignores receipts and drops movements after the end date', () => {
    const rows: DemandRow[] = [
      ...dailySales('p1', 10, '2026-11-29', 5).map((row) => ({ ...row, kind: 'consumption' })),
      { productId: 'p1', kind: 'receipt', qty: 500, at: '2026-11-28T02:00:00Z' },
      { productId: 'p1', kind: 'sale', qty: -999, at: '2026-11-30T05:00:00Z' },
    ];
    const result = runForecast({ requestId: 2, siteId: 's', endDate: '2026-11-29', timeZone: 'Asia/Shanghai', horizon: 7, rows });
    const history = result.series[0]!.history;
    expect(history.at(-1)?.date).toBe('2026-11-29');
    expect(Math.max(...history.map((point) => point.qty))).toBe(10);
    // Under two weeks: no check, and the review queue says so.
    expect(result.series[0]?.evaluation).toBe('none');
    expect(result.review[0]?.reasons).toEqual(['no-backtest']);
  });

  it('accumulates accuracy like the engine: WAPE and signed bias over the actual total', () => {
    const totals = totalsOf([10, 0, 10], [12, 1, 7]);
    expect(totals.absError).toBe(6);
    expect(totals.signedError).toBe(0);
    expect(totals.actual).toBe(20);
    expect(totals.percentErrorCount).toBe(2);
  });

  it('forecasts the demo store within a few seconds', () => {
    const catalog = buildDemoCatalog({ updatedAt: '2026-10-31T01:00:00.000Z' });
    const history = generateDemoHistory(catalog, {
      today: '2026-11-30',
      terminals: { hq: 'h', kitchen: 'k', 'store-renmin': 'r', 'store-riverside': 'v' },
    });
    const rows = history.movements
      .filter((movement) => movement.siteId === 'store-renmin')
      .map(({ productId, kind, qty, at }) => ({ productId, kind, qty, at }));
    const started = performance.now();
    const result = runForecast({
      requestId: 3,
      siteId: 'store-renmin',
      endDate: '2026-11-29',
      timeZone: 'Asia/Shanghai',
      horizon: 28,
      rows,
    });
    const elapsed = performance.now() - started;
    console.info(`demo store: ${rows.length} movements, ${result.series.length} series, ${Math.round(elapsed)} ms`);
    expect(result.series.length).toBeGreaterThan(10);
    expect(result.series.every((series) => series.points.length === 28)).toBe(true);
    expect(result.totals.chosen.wape).toBeLessThanOrEqual(result.totals.seasonalNaive.wape + 1e-9);
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('forecast screen: holidays not yet published', () => {
  it('warns in both languages when the window reaches 2027 (no State Council notice yet), not before', async () => {
    const rows = dailySales('p1', 28, '2026-12-06', 10);
    const reaching = runForecast({ requestId: 4, siteId: 's', endDate: '2026-12-06', horizon: 28, rows });
    const within = runForecast({ requestId: 5, siteId: 's', endDate: '2026-12-06', horizon: 14, rows });
    expect(reaching.calendarCaveat).toEqual({ provisionalYears: [2027], missingYears: [] });
    expect(within.calendarCaveat).toBeNull();
    const i18n = await initI18n('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(calendarCaveatTexts(reaching.calendarCaveat, t, 'zh-CN')).toEqual([
      '国务院办公厅尚未公布 2027 年节假日安排：本预测按估计日期计算，春节、国庆及调休上班日前后的数字可能变动。',
    ]);
    expect(calendarCaveatTexts({ provisionalYears: [], missingYears: [2028, 2029] }, t, 'zh-CN')).toEqual([
      '没有 2028、2029 年的节假日数据：其中的节假日和调休上班日按普通日预测。',
    ]);
    await i18n.changeLanguage('en');
    expect(calendarCaveatTexts(reaching.calendarCaveat, t, 'en')[0]).toMatch(
      /^The State Council has not published the 2027 public holidays/,
    );
    expect(calendarCaveatTexts(within.calendarCaveat, t, 'en')).toEqual([]);
  });
});
