/**
 * Forecast benchmark (project issue 8): 2,000 series × 730 days, fit + 14-day forecast + rolling-origin
 * backtest for every series; goal ≤ 10 s. Prints the median of several runs, and a same-run baseline
 * (the identical pipeline restricted to seasonal naive) as a ratio, so a slower machine shows up in
 * both numbers instead of as a false regression.
 *
 *   npm run bench:forecast [-- --series 2000 --days 730 --runs 5]
 */
import { chinaHolidayCalendar, forecastMany, type ForecastOptions, type SeriesInput } from '../shared/forecast';
import { syntheticSeries, type SyntheticSpec } from '../tests/unit/forecast/synthetic';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive integer`);
    process.exit(2);
  }
  return value;
}

const seriesCount = argument('series', 2000);
const days = argument('days', 730);
const runs = argument('runs', 5);
const GOAL_MS = 10_000;

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
    inputs.push({ id: `S${String(i).padStart(4, '0')}`, history: syntheticSeries(spec) });
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

const inputs = makeSeries();
const engineOptions: ForecastOptions = { horizon: 14 };
const baselineOptions: ForecastOptions = { horizon: 14, models: ['seasonal-naive'] };
console.log(`forecast bench: ${seriesCount} series × ${days} days, horizon 14, backtest 28 origins × 14 days, ${runs} runs`);
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
  `pooled backtest WAPE: engine ${(engineWape * 100).toFixed(1)} %, seasonal naive ${(baselineWape * 100).toFixed(1)} % (${((1 - engineWape / baselineWape) * 100).toFixed(1)} % lower)`,
);
if (engineMedian > GOAL_MS) process.exitCode = 1;
