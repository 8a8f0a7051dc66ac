/**
 * Forecast benchmark (issues 8 and 18).
 *
 * 1. Accuracy: for each class of series (smooth weekly-seasonal, trending, level-shifted,
 *    intermittent, low-volume, holiday-affected) the engine forecasts 14 days from 3 held-out
 *    rolling origins; its WAPE is printed beside seasonal naive and the mean of the last 4 same
 *    weekdays (computed on the same days), with the ratio to the better baseline (goal ≤ 0.95 per
 *    class, ≤ 0.85 pooled) and the share of actuals inside the 80 % / 95 % intervals
 *    (goal 78–82 % / 93–97 %).
 * 2. Speed: 2,000 series × 730 days, fit + model selection + backtest + 14-day forecast; goal
 *    ≤ 10 s. Prints the median of several runs and a same-run baseline (the identical pipeline
 *    restricted to seasonal naive) as a ratio, so a slower or busier machine shows in both.
 *
 *   npm run bench:forecast [-- --per-class 120 --offset 0 --series 2000 --days 730 --runs 5 --skip-speed --skip-accuracy]
 *
 * No real public daily series ships in an installed package (issue 18 asks for one): none is in
 * node_modules, and adding one is a dependency decision left to the project (see the report).
 */
import { chinaHolidayCalendar, forecastMany, type ForecastOptions, type SeriesInput } from '../shared/forecast';
import { syntheticSeries, type SyntheticSpec } from '../tests/unit/forecast/synthetic';
import { classSeries, ORIGINS, HORIZON, SERIES_CLASSES, sameWeekdayMean } from '../tests/unit/forecast/series-classes';
import { addSums, emptySums, evaluateClass, figuresHeader, figuresLine, figuresOf, type ClassFigures } from './lib/forecast-accuracy';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive integer`);
    process.exit(2);
  }
  return value;
}

const perClass = argument('per-class', 120);
/** Series number the classes start from: a different offset draws series the engine was never tuned on. */
const offset = process.argv.includes('--offset') ? argument('offset', 1) : 0;
const seriesCount = argument('series', 2000);
const days = argument('days', 730);
const runs = argument('runs', 5);
const GOAL_MS = 10_000;
const CLASS_GOAL = 0.95;
const POOLED_GOAL = 0.85;

function accuracy(): boolean {
  console.log(
    `accuracy: ${perClass} series per class, ${ORIGINS} rolling origins × ${HORIZON} days held out; WAPE, ratio = engine ÷ better baseline (goal ≤ ${CLASS_GOAL}, pooled ≤ ${POOLED_GOAL})`,
  );
  console.log(figuresHeader());
  const pooled = emptySums();
  const all: ClassFigures[] = [];
  for (const seriesClass of SERIES_CLASSES) {
    const started = performance.now();
    const figures = evaluateClass(seriesClass, classSeries(seriesClass, perClass, offset));
    all.push(figures);
    addSums(pooled, figures.sums);
    console.log(`${figuresLine(figures, CLASS_GOAL)}  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  const total = figuresOf('POOLED', perClass * SERIES_CLASSES.length, pooled);
  console.log(figuresLine(total, POOLED_GOAL));
  // The holiday class's windows are where the baselines fail most; pooled without it is the harder figure.
  const withoutHolidays = emptySums();
  all.filter((f) => f.name !== 'holiday').forEach((f) => addSums(withoutHolidays, f.sums));
  console.log(figuresLine(figuresOf('POOLED-no-hol', perClass * (SERIES_CLASSES.length - 1), withoutHolidays), POOLED_GOAL));
  console.log(intermittentBound());
  // Only the level-shift class has real shifts: elsewhere a reported shift is a false alarm.
  console.log(
    `level shifts reported (of ${perClass * ORIGINS} forecasts per class): ${all.map((f) => `${f.name} ${f.levelShifts}`).join(', ')}`,
  );
  const coverageOk = all
    .concat(total)
    .every((f) => f.coverage80 >= 0.78 && f.coverage80 <= 0.82 && f.coverage95 >= 0.93 && f.coverage95 <= 0.97);
  const classesOk = all.every((f) => f.ratio <= CLASS_GOAL);
  console.log(
    `goals: every class ≤ ${CLASS_GOAL} ${classesOk ? 'OK' : 'MISSED'}; pooled ${total.ratio.toFixed(3)} ≤ ${POOLED_GOAL} ${total.ratio <= POOLED_GOAL ? 'OK' : 'MISSED'}; coverage 78–82 % / 93–97 % in every class ${coverageOk ? 'OK' : 'MISSED'}`,
  );
  return classesOk && total.ratio <= POOLED_GOAL && coverageOk;
}

/**
 * What WAPE allows on slow movers: the ratio to the 4-week mean of an oracle forecasting each
 * series' true mean daily demand (its whole-series mean, future included), and of one forecasting
 * half of it. WAPE is minimised by the median, which is 0 on a product selling on fewer than half
 * of the days, so only a forecast biased low (starving replenishment) reaches 0.95 reliably.
 */
function intermittentBound(): string {
  let oracle = 0;
  let halfOracle = 0;
  let weekdayMean = 0;
  for (const series of classSeries('intermittent', perClass, offset)) {
    const mean = series.values.reduce((a, b) => a + b, 0) / series.values.length;
    for (const origin of series.origins) {
      const baseline = sameWeekdayMean(series.values, origin, HORIZON);
      for (let h = 0; h < HORIZON; h++) {
        const actual = series.values[origin + 1 + h]!;
        oracle += Math.abs(mean - actual);
        halfOracle += Math.abs(mean / 2 - actual);
        weekdayMean += Math.abs(baseline[h]! - actual);
      }
    }
  }
  return `intermittent bound: true-mean oracle ratio ${(oracle / weekdayMean).toFixed(3)}, half-the-mean ratio ${(halfOracle / weekdayMean).toFixed(3)} (WAPE rewards forecasting low)`;
}

/** A chain-like mix: 70 % daily sellers with a weekly pattern (some trending), 30 % slow movers. */
function makeSeries(): SeriesInput[] {
  const calendar = chinaHolidayCalendar();
  const inputs: SeriesInput[] = [];
  for (let i = 0; i < seriesCount; i++) {
    const seed = 1000 + i;
    const level = 5 + (i % 97) * 2;
    const spec: SyntheticSpec =
      i % 10 < 7
        ? {
            seed,
            start: '2024-01-01',
            days,
            level,
            weekly: [1.4, 0.8, 0.85, 0.9, 1.0, 1.25, 1.5],
            trendPerDay: (i % 3) - 1 === 0 ? 0 : ((i % 3) - 1) * level * 0.0005,
            noiseSd: level * 0.2,
            calendar,
            holidayFactors: { 'spring-festival': 0.6, 'national-day': 1.5, 'labour-day': 1.3 },
          }
        : { seed, start: '2024-01-01', days, level: 1 + (i % 5), demandProbability: 0.15 + (i % 4) * 0.05 };
    inputs.push({ id: `S${String(i).padStart(4, '0')}`, history: syntheticSeries(spec), category: i % 2 ? 'a' : 'b' });
  }
  return inputs;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timeRun(inputs: readonly SeriesInput[], options: ForecastOptions): { ms: number; wape: number } {
  const started = performance.now();
  const batch = forecastMany(inputs, options);
  return { ms: performance.now() - started, wape: batch.totals.chosen.wape };
}

function speed(): boolean {
  const inputs = makeSeries();
  const engineOptions: ForecastOptions = { horizon: 14 };
  const baselineOptions: ForecastOptions = { horizon: 14, models: ['seasonal-naive'] };
  console.log(`speed: ${seriesCount} series × ${days} days, horizon 14, model selection by rolling-origin backtest, ${runs} runs`);
  timeRun(inputs.slice(0, 50), engineOptions); // warm-up: JIT-compile the hot loops before timing
  const engineMs: number[] = [];
  const baselineMs: number[] = [];
  let engineWape = 0;
  let baselineWape = 0;
  for (let run = 0; run < runs; run++) {
    const engine = timeRun(inputs, engineOptions);
    const baseline = timeRun(inputs, baselineOptions);
    engineMs.push(engine.ms);
    baselineMs.push(baseline.ms);
    engineWape = engine.wape;
    baselineWape = baseline.wape;
    console.log(`  run ${run + 1}: engine ${(engine.ms / 1000).toFixed(2)} s, seasonal-naive ${(baseline.ms / 1000).toFixed(2)} s`);
  }
  const engineMedian = median(engineMs);
  const baselineMedian = median(baselineMs);
  console.log(
    `median engine (fit + forecast + backtest, model choice): ${(engineMedian / 1000).toFixed(2)} s (goal ≤ ${GOAL_MS / 1000} s) ${engineMedian <= GOAL_MS ? 'OK' : 'OVER GOAL'}`,
  );
  console.log(`median seasonal-naive baseline, same pipeline:          ${(baselineMedian / 1000).toFixed(2)} s`);
  console.log(`ratio engine / baseline: ${(engineMedian / baselineMedian).toFixed(2)}×`);
  console.log(
    `in-engine backtest WAPE: engine ${(engineWape * 100).toFixed(1)} %, seasonal naive ${(baselineWape * 100).toFixed(1)} % (${((1 - engineWape / baselineWape) * 100).toFixed(1)} % lower)`,
  );
  return engineMedian <= GOAL_MS;
}

const accuracyOk = process.argv.includes('--skip-accuracy') ? true : accuracy();
const speedOk = process.argv.includes('--skip-speed') ? true : speed();
if (!accuracyOk || !speedOk) process.exitCode = 1;
