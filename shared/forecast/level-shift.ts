/**
 * Level-shift detection: a lasting change of the demand level (a competitor opening next door, a
 * menu change) that smoothing models only follow slowly and a 4-week mean straddles for a month.
 * Weekly means of the last year are compared under two explanations, one step and one straight
 * line; a step is reported only when it explains the weeks far better than a trend does, is large
 * (≥ 15 %) and clearly outside the week-to-week noise.
 */
export interface LevelShift {
  /** Index of the first day at the new level. */
  readonly index: number;
  /** Mean level after ÷ mean level before. */
  readonly ratio: number;
}

const WEEK = 7;
const MAX_WEEKS = 52;
const MIN_WEEKS_BEFORE = 4;
const MIN_WEEKS_AFTER = 2;
/** A week counts only with this many usable (non-holiday, non-promotion) days. */
const MIN_USABLE_DAYS = 5;
const MIN_RELATIVE_CHANGE = 0.15;
const MIN_T = 5;
/** The step's squared error must be at most this share of the straight line's. */
const MAX_SSE_SHARE = 0.5;

/**
 * The most convincing level shift in values[0..length), or null. `usable[i] = 0` excludes a day
 * (holidays, promotions) from the weekly means. Weeks are aligned to end on the last day.
 */
export function detectLevelShift(values: Float64Array, length: number, usable?: Uint8Array): LevelShift | null {
  const weeks = Math.min(MAX_WEEKS, Math.floor(length / WEEK));
  if (weeks < MIN_WEEKS_BEFORE + MIN_WEEKS_AFTER) return null;
  const first = length - weeks * WEEK;
  const means: number[] = [];
  const starts: number[] = [];
  for (let w = 0; w < weeks; w++) {
    let sum = 0;
    let count = 0;
    for (let i = first + w * WEEK; i < first + (w + 1) * WEEK; i++) {
      if (usable && !usable[i]) continue;
      sum += values[i]!;
      count++;
    }
    if (count >= MIN_USABLE_DAYS) {
      means.push(sum / count);
      starts.push(first + w * WEEK);
    }
  }
  const m = means.length;
  if (m < MIN_WEEKS_BEFORE + MIN_WEEKS_AFTER) return null;
  const lineSse = straightLineSse(means);
  // Prefix sums make every split's two-segment error O(1).
  const prefix = new Float64Array(m + 1);
  const prefixSquares = new Float64Array(m + 1);
  for (let w = 0; w < m; w++) {
    prefix[w + 1] = prefix[w]! + means[w]!;
    prefixSquares[w + 1] = prefixSquares[w]! + means[w]! * means[w]!;
  }
  const segmentSse = (from: number, to: number): number => {
    const n = to - from;
    const sum = prefix[to]! - prefix[from]!;
    return prefixSquares[to]! - prefixSquares[from]! - (sum * sum) / n;
  };
  let best: { split: number; sse: number } | null = null;
  for (let split = MIN_WEEKS_BEFORE; split <= m - MIN_WEEKS_AFTER; split++) {
    const sse = segmentSse(0, split) + segmentSse(split, m);
    if (!best || sse < best.sse) best = { split, sse };
  }
  if (!best) return null;
  const before = (prefix[best.split]! - prefix[0]!) / best.split;
  const after = (prefix[m]! - prefix[best.split]!) / (m - best.split);
  if (!(before > 0) || !(after > 0)) return null;
  const ratio = after / before;
  const sigma = Math.sqrt(Math.max(best.sse, 1e-12) / Math.max(1, m - 2));
  const t = Math.abs(after - before) / (sigma * Math.sqrt(1 / best.split + 1 / (m - best.split)));
  const large = Math.abs(ratio - 1) >= MIN_RELATIVE_CHANGE;
  if (!large || t < MIN_T || best.sse > MAX_SSE_SHARE * lineSse) return null;
  return refineToDay(values, first, length, starts[best.split]!, usable);
}

/**
 * The weekly search places the shift at a week boundary; the day it happened is the split within
 * a week either side that best fits two levels of weekday-adjusted daily demand, and the ratio is
 * measured from there (a straddling week would blur it: 3 days of the old level in 4 weeks of
 * the new is a 10 % error).
 */
function refineToDay(values: Float64Array, first: number, length: number, weekStart: number, usable?: Uint8Array): LevelShift {
  const weekdaySum = new Float64Array(WEEK);
  const weekdayCount = new Float64Array(WEEK);
  let total = 0;
  let count = 0;
  for (let i = first; i < length; i++) {
    if (usable && !usable[i]) continue;
    // A multiplicative shift scales every weekday alike, so the pattern over both sides holds.
    weekdaySum[i % WEEK] += values[i]!;
    weekdayCount[i % WEEK]++;
    total += values[i]!;
    count++;
  }
  const overall = count > 0 ? total / count : 0;
  const factor = Array.from(weekdaySum, (sum, k) => (weekdayCount[k]! > 0 && overall > 0 ? sum / weekdayCount[k]! / overall : 1));
  const adjusted = new Float64Array(length);
  const prefix = new Float64Array(length + 1);
  const prefixSquares = new Float64Array(length + 1);
  const prefixCount = new Float64Array(length + 1);
  for (let i = 0; i < length; i++) {
    const ok = i >= first && (!usable || usable[i]) && factor[i % WEEK]! > 0;
    adjusted[i] = ok ? values[i]! / factor[i % WEEK]! : 0;
    prefix[i + 1] = prefix[i]! + adjusted[i]!;
    prefixSquares[i + 1] = prefixSquares[i]! + adjusted[i]! * adjusted[i]!;
    prefixCount[i + 1] = prefixCount[i]! + (ok ? 1 : 0);
  }
  const segment = (from: number, to: number): { mean: number; sse: number } => {
    const n = prefixCount[to]! - prefixCount[from]!;
    const sum = prefix[to]! - prefix[from]!;
    return n > 0 ? { mean: sum / n, sse: prefixSquares[to]! - prefixSquares[from]! - (sum * sum) / n } : { mean: 0, sse: 0 };
  };
  let bestSplit = weekStart;
  let bestSse = Infinity;
  for (let split = Math.max(first + WEEK, weekStart - WEEK + 1); split <= Math.min(length - WEEK, weekStart + WEEK - 1); split++) {
    const sse = segment(first, split).sse + segment(split, length).sse;
    if (sse < bestSse) {
      bestSse = sse;
      bestSplit = split;
    }
  }
  const before = segment(first, bestSplit).mean;
  const after = segment(bestSplit, length).mean;
  return { index: bestSplit, ratio: before > 0 ? after / before : 1 };
}

function straightLineSse(ys: readonly number[]): number {
  const n = ys.length;
  const meanT = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sty = 0;
  let stt = 0;
  ys.forEach((y, t) => {
    sty += (t - meanT) * (y - meanY);
    stt += (t - meanT) * (t - meanT);
  });
  const slope = stt > 0 ? sty / stt : 0;
  return ys.reduce((sse, y, t) => sse + (y - meanY - slope * (t - meanT)) ** 2, 0);
}

/** The history as if it had always been at the new level: days before the shift scaled by the ratio. */
export function rescaleBeforeShift(values: Float64Array, shift: LevelShift): Float64Array {
  const rescaled = Float64Array.from(values);
  for (let i = 0; i < shift.index; i++) rescaled[i] = values[i]! * shift.ratio;
  return rescaled;
}
