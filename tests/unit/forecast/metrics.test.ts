import { describe, expect, it } from 'vitest';
import { accuracyOf, forecastSeries, NO_HOLIDAYS } from '../../../shared/forecast';
import { addObservation, emptyTotals } from '../../../shared/forecast/metrics';

describe('accuracy metrics', () => {
  it('computes WAPE, MAPE (skipping zero actuals) and bias by hand', () => {
    const totals = emptyTotals();
    // (actual, forecast): errors −2, +3, +1 (actual 0: excluded from MAPE).
    addObservation(totals, 10, 8);
    addObservation(totals, 20, 23);
    addObservation(totals, 0, 1);
    const accuracy = accuracyOf(totals);
    expect(accuracy.wape).toBeCloseTo(6 / 30, 12);
    expect(accuracy.mape).toBeCloseTo((0.2 + 0.15) / 2, 12);
    expect(accuracy.bias).toBeCloseTo(2 / 30, 12);
    expect(accuracy.count).toBe(3);
  });

  it('reports MAPE as null when every actual is zero', () => {
    const totals = emptyTotals();
    addObservation(totals, 0, 2);
    expect(accuracyOf(totals)).toEqual({ wape: 2, mape: null, bias: 2, count: 1 });
  });

  it('reports per-series MAPE and bias from the backtest', () => {
    const history = Array.from({ length: 120 }, (_, i) => ({
      date: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
      qty: 20 + (i % 7) * 5,
    }));
    const result = forecastSeries({ id: 'exact', history }, { calendar: NO_HOLIDAYS });
    // A noise-free weekly pattern is forecast almost exactly by every candidate.
    expect(result.backtest!.chosen.wape).toBeLessThan(0.01);
    expect(result.backtest!.chosen.mape).toBeLessThan(0.01);
    expect(Math.abs(result.backtest!.chosen.bias)).toBeLessThan(0.01);
  });

  it('forecasts zeros from the day after endDate for a series with no history', () => {
    const result = forecastSeries({ id: 'none', history: [], endDate: '2026-05-31' }, { horizon: 3 });
    expect(result.points.map((point) => [point.date, point.forecast])).toEqual([
      ['2026-06-01', 0],
      ['2026-06-02', 0],
      ['2026-06-03', 0],
    ]);
  });
});
