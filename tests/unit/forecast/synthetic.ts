/**
 * Seeded synthetic demand with known structure, shared by the forecast tests and bench/forecast.ts.
 * Seeded so a failing test or a benchmark figure can be reproduced exactly.
 */
import { isoDateOf, parseIsoDate, type DailyPoint, type HolidayCalendar } from '../../../shared/forecast';

/** mulberry32: tiny, fast, good enough for simulation (not for cryptography). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw (Box–Muller). */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export interface SyntheticSpec {
  readonly seed: number;
  readonly start: string;
  readonly days: number;
  readonly level: number;
  /** Multiplier per weekday, index 0 = Sunday (default flat). */
  readonly weekly?: readonly number[];
  readonly trendPerDay?: number;
  /** Standard deviation of additive Gaussian noise, in units. */
  readonly noiseSd?: number;
  /** Holiday multipliers by holiday name; 调休 days take the factor of the weekday they replace. */
  readonly calendar?: HolidayCalendar;
  readonly holidayFactors?: Readonly<Record<string, number>>;
  /** Probability of any demand on a day (intermittent series); sizes are 1 + geometric around `level`. */
  readonly demandProbability?: number;
}

/** Expected (noise-free) demand of day index i. */
export function expectedDemand(spec: SyntheticSpec, i: number): number {
  const day = parseIsoDate(spec.start)! + i;
  const weekday = (((day + 4) % 7) + 7) % 7;
  const weekly = spec.weekly ?? [1, 1, 1, 1, 1, 1, 1];
  let weekdayFactor = weekly[weekday]!;
  let holidayFactor = 1;
  const kind = spec.calendar?.dayKind(day);
  if (kind?.kind === 'makeup-workday')
    weekdayFactor =
      kind.replaces !== undefined ? weekly[kind.replaces]! : (weekly[1]! + weekly[2]! + weekly[3]! + weekly[4]! + weekly[5]!) / 5;
  if (kind?.kind === 'holiday') holidayFactor = spec.holidayFactors?.[kind.name] ?? 1;
  return (spec.level + (spec.trendPerDay ?? 0) * i) * weekdayFactor * holidayFactor;
}

export function syntheticValues(spec: SyntheticSpec): number[] {
  const random = seededRandom(spec.seed);
  const values: number[] = [];
  for (let i = 0; i < spec.days; i++) {
    if (spec.demandProbability !== undefined) {
      if (random() >= spec.demandProbability) {
        values.push(0);
        continue;
      }
      // Geometric size with mean `level`.
      const p = 1 / Math.max(1, spec.level);
      values.push(1 + Math.floor(Math.log(Math.max(random(), 1e-12)) / Math.log(1 - p + 1e-12)));
      continue;
    }
    values.push(Math.max(0, Math.round(expectedDemand(spec, i) + (spec.noiseSd ?? 0) * gaussian(random))));
  }
  return values;
}

export function toPoints(start: string, values: readonly number[]): DailyPoint[] {
  const first = parseIsoDate(start)!;
  return values.map((qty, i) => ({ date: isoDateOf(first + i), qty }));
}

export function syntheticSeries(spec: SyntheticSpec): DailyPoint[] {
  return toPoints(spec.start, syntheticValues(spec));
}
