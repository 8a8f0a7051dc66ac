import { describe, expect, it } from 'vitest';
import {
  fillMissingDays,
  forecastSeries,
  movementsToDailySeries,
  NO_HOLIDAYS,
  reviewQueue,
  type SeriesForecast,
} from '../../../shared/forecast';
import { syntheticValues, toPoints } from './synthetic';

describe('movementsToDailySeries', () => {
  it('sums consumption per local (UTC+8) day, nets returns, ignores non-demand kinds and fills gaps with 0', () => {
    const series = movementsToDailySeries([
      { siteId: 's1', productId: 'rice', kind: 'sale', qty: -3, at: '2026-03-01T10:00:00+08:00' },
      // 16:30 UTC is 00:30 the next day in China: it belongs to 2026-03-02.
      { siteId: 's1', productId: 'rice', kind: 'sale', qty: -2, at: '2026-03-01T16:30:00Z' },
      { siteId: 's1', productId: 'rice', kind: 'production-consume', qty: -5, at: '2026-03-02T09:00:00+08:00' },
      { siteId: 's1', productId: 'rice', kind: 'sale', qty: 1, at: '2026-03-02T12:00:00+08:00' }, // a return
      { siteId: 's1', productId: 'rice', kind: 'receipt', qty: 100, at: '2026-03-03T08:00:00+08:00' },
      { siteId: 's1', productId: 'rice', kind: 'sale', qty: -4, at: Date.parse('2026-03-04T12:00:00+08:00') },
      { siteId: 's2', productId: 'rice', kind: 'sale', qty: -1, at: '2026-03-03T12:00:00+08:00' },
    ]);
    const s1 = series.find((entry) => entry.siteId === 's1')!;
    expect(s1.points).toEqual([
      { date: '2026-03-01', qty: 3 },
      { date: '2026-03-02', qty: 6 },
      { date: '2026-03-03', qty: 0 },
      { date: '2026-03-04', qty: 4 },
    ]);
    // Every series runs to the latest day seen, so all are forecast from the same origin.
    expect(series.find((entry) => entry.siteId === 's2')!.points).toEqual([
      { date: '2026-03-03', qty: 1 },
      { date: '2026-03-04', qty: 0 },
    ]);
  });

  it('counts a day whose returns exceed its sales as zero demand', () => {
    const [only] = movementsToDailySeries([
      { siteId: 's', productId: 'p', kind: 'sale', qty: -1, at: '2026-03-01T10:00:00+08:00' },
      { siteId: 's', productId: 'p', kind: 'sale', qty: 3, at: '2026-03-01T11:00:00+08:00' },
    ]);
    expect(only!.points).toEqual([{ date: '2026-03-01', qty: 0 }]);
  });
});

describe('fillMissingDays', () => {
  it('sorts, merges duplicate dates and fills gaps up to an end date', () => {
    expect(
      fillMissingDays(
        [
          { date: '2024-02-29', qty: 2 },
          { date: '2024-02-27', qty: 1 },
          { date: '2024-02-29', qty: 3 },
        ],
        '2024-03-02',
      ),
    ).toEqual([
      { date: '2024-02-27', qty: 1 },
      { date: '2024-02-28', qty: 0 },
      { date: '2024-02-29', qty: 5 },
      { date: '2024-03-01', qty: 0 },
      { date: '2024-03-02', qty: 0 },
    ]);
    expect(() => fillMissingDays([{ date: '2024-02-30', qty: 1 }])).toThrow(/not a calendar date/);
  });
});

describe('reviewQueue', () => {
  const forecastOf = (id: string, values: number[]): SeriesForecast =>
    forecastSeries({ id, history: toPoints('2024-01-01', values) }, { calendar: NO_HOLIDAYS });

  it('queues series above the WAPE threshold, worse than seasonal naive, or untested — with the reason', () => {
    const good = forecastOf(
      'good',
      syntheticValues({ seed: 1, start: '2024-01-01', days: 400, level: 100, weekly: [1.5, 0.8, 0.8, 0.9, 1, 1.2, 1.6], noiseSd: 5 }),
    );
    // Pure noise around a tiny level: any model's WAPE is large.
    const noisy = forecastOf('noisy', syntheticValues({ seed: 2, start: '2024-01-01', days: 400, level: 10, noiseSd: 9 }));
    const fresh = forecastOf('fresh', [3, 4, 5]);
    const queue = reviewQueue([good, noisy, fresh]);
    expect(queue.map((item) => item.id)).toEqual(['fresh', 'noisy']);
    expect(queue[1]!.reasons).toContain('error-above-threshold');
    expect(queue[1]!.wape).toBe(noisy.backtest!.chosen.wape);
    expect(queue[1]!.message).toMatch(/WAPE \d+% > 50%/);
    expect(queue[0]!.reasons).toEqual(['no-backtest']);
    // A threshold above the noisy series' error keeps it out.
    expect(reviewQueue([noisy], { maxWape: noisy.backtest!.chosen.wape + 0.01 })).toEqual(
      noisy.backtest!.chosen.wape > noisy.backtest!.seasonalNaive.wape
        ? [expect.objectContaining({ reasons: ['worse-than-seasonal-naive'] })]
        : [],
    );
  });

  it('flags a series whose chosen model lost to seasonal naive', () => {
    const base = forecastOf('x', syntheticValues({ seed: 3, start: '2024-01-01', days: 200, level: 50, noiseSd: 5 }));
    const backtest = base.backtest!;
    const worse: SeriesForecast = {
      ...base,
      backtest: { ...backtest, chosen: { ...backtest.chosen, wape: backtest.seasonalNaive.wape + 0.01 } },
    };
    const [item] = reviewQueue([worse], { maxWape: 10 });
    expect(item!.reasons).toEqual(['worse-than-seasonal-naive']);
    expect(item!.seasonalNaiveWape).toBe(backtest.seasonalNaive.wape);
  });
});
