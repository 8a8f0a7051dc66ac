// Shared by the benchmarks: a seeded PRNG (so every run measures the same data) and the figures
// they print.

/** The forecast tests' mulberry32 (seeded, so every run measures the same data). */
export { seededRandom as prng } from '../../tests/unit/forecast/synthetic';

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

export const ms = (value: number): string => `${value.toFixed(value < 10 ? 3 : 1)} ms`;
