// Figures kept per build and metric over the repetitions, and the table printed at the end:
// metric, baseline median, candidate median, ratio, goal, met? (the candidate against the goal).
// A step that failed (a crash, running out of memory, a timeout) is kept as its reason and shown
// in the table in place of a figure, so one build failing at 1M does not hide the other's figures.
import { median } from '../lib/stats';

export type BuildLabel = 'baseline' | 'candidate';

export interface Metric {
  key: string;
  label: string;
  unit: 'ms' | 'MB' | 's';
  goal?: { max: number; text: string };
}

export class Results {
  private readonly values = new Map<string, number[]>();
  private readonly failures = new Map<string, string>();
  readonly notes: string[] = [];

  /** A remark printed under the table (a shortened measurement, and the like). */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  add(build: BuildLabel, key: string, value: number): void {
    const id = `${build}:${key}`;
    this.values.set(id, [...(this.values.get(id) ?? []), value]);
  }

  fail(build: BuildLabel, key: string, reason: string): void {
    const id = `${build}:${key}`;
    if (!this.failures.has(id)) this.failures.set(id, reason);
  }

  /** Runs `step`; a failure is recorded against every key given and does not stop the bench. */
  async attempt<T>(build: BuildLabel, keys: readonly string[], step: () => Promise<T>): Promise<T | null> {
    try {
      return await step();
    } catch (error) {
      const reason = shortReason(error);
      for (const key of keys) this.fail(build, key, reason);
      process.stdout.write(`  ${build}: ${keys.join(', ')} failed: ${reason}\n`);
      return null;
    }
  }

  median(build: BuildLabel, key: string): number | null {
    const values = this.values.get(`${build}:${key}`);
    return values?.length ? median(values) : null;
  }

  count(build: BuildLabel, key: string): number {
    return this.values.get(`${build}:${key}`)?.length ?? 0;
  }

  failure(build: BuildLabel, key: string): string | null {
    return this.failures.get(`${build}:${key}`) ?? null;
  }
}

export function shortReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/crash/i.test(text)) return 'crashed (out of memory?)';
  if (/timeout|timed out|in time/i.test(text)) return `timed out (${text.split('\n')[0]?.slice(0, 60) ?? ''})`;
  return text.split('\n')[0]?.slice(0, 80) ?? text;
}

function format(value: number, unit: Metric['unit']): string {
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (unit === 's') return `${value.toFixed(1)} s`;
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

/**
 * One row per metric. `baselineKey` lets a candidate-only row (the first open after the upgrade)
 * be compared with the baseline's plain cold open.
 */
export function printTable(results: Results, rows: readonly (Metric & { baselineKey?: string })[]): void {
  const cell = (build: BuildLabel, key: string, unit: Metric['unit']) => {
    const value = results.median(build, key);
    if (value !== null) return format(value, unit);
    return results.failure(build, key) ?? '—';
  };
  const table = rows.map((row) => {
    const baseKey = row.baselineKey ?? row.key;
    const base = results.median('baseline', baseKey);
    const cand = results.median('candidate', row.key);
    const ratio = base !== null && cand !== null && base > 0 ? (cand / base).toFixed(2) : '—';
    const met = cand === null || !row.goal ? '—' : cand <= row.goal.max ? 'yes' : 'NO';
    return [row.label, cell('baseline', baseKey, row.unit), cell('candidate', row.key, row.unit), ratio, row.goal?.text ?? '', met];
  });
  const header = ['metric', 'baseline', 'candidate', 'ratio', 'goal', 'met?'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const r of table) process.stdout.write(`${line(r)}\n`);
  for (const note of results.notes) process.stdout.write(`note: ${note}\n`);
}
