// Held-out accuracy of the forecast engine beside the two baselines a store manager can compute by
// hand, per class of series (issue 18). Every figure comes from forecasts made at origins the
// engine never saw past: the history handed to it ends at the origin.
import { forecastMany, type ForecastOptions, type SeriesInput } from '../../shared/forecast';
import { toPoints } from '../../tests/unit/forecast/synthetic';
import { HORIZON, sameWeekdayMean, seasonalNaive, type ClassSeries } from '../../tests/unit/forecast/series-classes';

export interface ClassFigures {
  readonly name: string;
  readonly series: number;
  readonly engineWape: number;
  readonly naiveWape: number;
  readonly weekdayMeanWape: number;
  /** Engine WAPE ÷ the better baseline's. */
  readonly ratio: number;
  readonly coverage80: number;
  readonly coverage95: number;
  /** How often each model was chosen at the origins. */
  readonly models: ReadonlyMap<string, number>;
  /** Forecasts (series × origin) in which the engine reported a level shift. */
  readonly levelShifts: number;
  readonly sums: Sums;
}

export interface Sums {
  engine: number;
  naive: number;
  weekdayMean: number;
  actual: number;
  inside80: number;
  inside95: number;
  points: number;
}

export const emptySums = (): Sums => ({ engine: 0, naive: 0, weekdayMean: 0, actual: 0, inside80: 0, inside95: 0, points: 0 });

export function addSums(into: Sums, from: Sums): void {
  into.engine += from.engine;
  into.naive += from.naive;
  into.weekdayMean += from.weekdayMean;
  into.actual += from.actual;
  into.inside80 += from.inside80;
  into.inside95 += from.inside95;
  into.points += from.points;
}

function inputAt(series: ClassSeries, origin: number): SeriesInput {
  return { id: series.id, history: toPoints(series.start, series.values.slice(0, origin + 1)), category: series.category };
}

/** Forecasts every series of a class from each of its origins, at 80 % and 95 %, and scores them. */
export function evaluateClass(name: string, all: readonly ClassSeries[], options: ForecastOptions = {}): ClassFigures {
  const sums = emptySums();
  const models = new Map<string, number>();
  let levelShifts = 0;
  const originCount = all[0]?.origins.length ?? 0;
  for (let k = 0; k < originCount; k++) {
    const inputs = all.map((series) => inputAt(series, series.origins[k]!));
    const at80 = forecastMany(inputs, { ...options, horizon: HORIZON, coverage: 0.8 }).series;
    const at95 = forecastMany(inputs, { ...options, horizon: HORIZON, coverage: 0.95 }).series;
    all.forEach((series, i) => {
      const origin = series.origins[k]!;
      const naive = seasonalNaive(series.values, origin, HORIZON);
      const weekdayMean = sameWeekdayMean(series.values, origin, HORIZON);
      const engine80 = at80[i]!;
      const engine95 = at95[i]!;
      models.set(engine80.model, (models.get(engine80.model) ?? 0) + 1);
      if (engine80.levelShift) levelShifts++;
      for (let h = 0; h < HORIZON; h++) {
        const actual = series.values[origin + 1 + h]!;
        const point80 = engine80.points[h]!;
        const point95 = engine95.points[h]!;
        sums.engine += Math.abs(point80.forecast - actual);
        sums.naive += Math.abs(naive[h]! - actual);
        sums.weekdayMean += Math.abs(weekdayMean[h]! - actual);
        sums.actual += actual;
        if (actual >= point80.lo - 1e-9 && actual <= point80.hi + 1e-9) sums.inside80++;
        if (actual >= point95.lo - 1e-9 && actual <= point95.hi + 1e-9) sums.inside95++;
        sums.points++;
      }
    });
  }
  return { ...figuresOf(name, all.length, sums, models), levelShifts };
}

export function figuresOf(name: string, series: number, sums: Sums, models: ReadonlyMap<string, number> = new Map()): ClassFigures {
  const wape = (error: number): number => error / Math.max(1e-9, sums.actual);
  const engineWape = wape(sums.engine);
  const naiveWape = wape(sums.naive);
  const weekdayMeanWape = wape(sums.weekdayMean);
  return {
    name,
    series,
    engineWape,
    naiveWape,
    weekdayMeanWape,
    ratio: engineWape / Math.min(naiveWape, weekdayMeanWape),
    coverage80: sums.inside80 / Math.max(1, sums.points),
    coverage95: sums.inside95 / Math.max(1, sums.points),
    models,
    levelShifts: 0,
    sums,
  };
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

export function figuresHeader(): string {
  return `${'class'.padEnd(13)} ${'series'.padStart(6)} ${'engine'.padStart(7)} ${'s-naive'.padStart(7)} ${'4wk-mean'.padStart(8)} ${'ratio'.padStart(6)} goal  ${'cov80'.padStart(7)} ${'cov95'.padStart(7)}  models chosen`;
}

export function figuresLine(figures: ClassFigures, goalRatio: number): string {
  const models = [...figures.models]
    .sort((a, b) => b[1] - a[1])
    .map(([model, count]) => `${model} ${count}`)
    .join(', ');
  const meets = figures.ratio <= goalRatio ? 'ok  ' : 'MISS';
  return `${figures.name.padEnd(13)} ${String(figures.series).padStart(6)} ${pct(figures.engineWape)} ${pct(figures.naiveWape)} ${pct(figures.weekdayMeanWape).padStart(8)} ${figures.ratio.toFixed(3).padStart(6)} ${meets}  ${pct(figures.coverage80)} ${pct(figures.coverage95)}  ${models}`;
}
