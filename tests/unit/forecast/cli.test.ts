import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticSeries } from './synthetic';

/** Each run starts npx + tsx (seconds on a busy 2-core machine), so the limit is generous. */
const CLI_TIMEOUT_MS = 90_000;

/** Runs the real command the way `npm run forecast` does. Async, so independent runs overlap. */
function runCli(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'server/cli/forecast.ts', ...args], { cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let dir: string;
let salesPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'larder-forecast-'));
  salesPath = join(dir, 'sales.csv');
  const rows = ['series,date,qty'];
  for (const point of syntheticSeries({
    seed: 1,
    start: '2025-01-01',
    days: 200,
    level: 50,
    weekly: [1.4, 0.8, 0.85, 0.9, 1, 1.25, 1.5],
    noiseSd: 8,
  }))
    rows.push(`store-1/rice,${point.date},${point.qty}`);
  // Slow mover written sparsely: only sale days appear, the rest are implied zeros. Its id needs quoting.
  for (const point of syntheticSeries({ seed: 2, start: '2025-01-01', days: 200, level: 3, demandProbability: 0.2 })) {
    if (point.qty > 0) rows.push(`"store-1,saffron",${point.date},${point.qty}`);
  }
  writeFileSync(salesPath, `${rows.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('forecast CLI', () => {
  it(
    'writes series,date,forecast,lo,hi,model for every series and day, wider at --level 95 (or 0.95)',
    async () => {
      const out80 = join(dir, 'f80.csv');
      const out95 = join(dir, 'f95.csv');
      const out95Fraction = join(dir, 'f95-fraction.csv');
      const runs = await Promise.all([
        runCli(['--input', salesPath, '--horizon', '7', '--out', out80]),
        runCli(['--input', salesPath, '--horizon', '7', '--out', out95, '--level', '95']),
        runCli(['--input', salesPath, '--horizon', '7', '--out', out95Fraction, '--level', '0.95']),
      ]);
      expect(runs.map((run) => run.status)).toEqual([0, 0, 0]);
      expect(readFileSync(out95Fraction, 'utf8')).toBe(readFileSync(out95, 'utf8'));
      const lines80 = readFileSync(out80, 'utf8').trim().split('\n');
      const lines95 = readFileSync(out95, 'utf8').trim().split('\n');
      expect(lines80[0]).toBe('series,date,forecast,lo,hi,model');
      expect(lines80).toHaveLength(1 + 2 * 7);
      // 200 days from 2025-01-01 end on 2025-07-19; the forecast starts the day after.
      expect(lines80[1]).toMatch(
        /^store-1\/rice,2025-07-20,[\d.]+,[\d.]+,[\d.]+,(holt-winters-additive|holt-winters-multiplicative|theta|weekday-mean|combination)$/,
      );
      expect(lines80.filter((line) => line.startsWith('"store-1,saffron",'))).toHaveLength(7);
      expect(lines80.find((line) => line.startsWith('"store-1,saffron",'))).toMatch(/,(sba|croston|tsb)$/);
      const width = (line: string): number => {
        const fields = line.split(',');
        return Number(fields[4]) - Number(fields[3]);
      };
      expect(width(lines95[1]!)).toBeGreaterThan(width(lines80[1]!) * 1.3);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    '--backtest prints per-series and total WAPE for the chosen model and seasonal naive, and notes a level shift',
    async () => {
      // Sales of this one drop to 60 % from 2025-06-21 (day 171 of 200).
      const shiftedPath = join(dir, 'shifted.csv');
      const shifted = syntheticSeries({
        seed: 3,
        start: '2025-01-01',
        days: 200,
        level: 50,
        weekly: [1.4, 0.8, 0.85, 0.9, 1, 1.25, 1.5],
        noiseSd: 5,
      });
      const shiftedRows = shifted.map((point, i) => `rice,${point.date},${i >= 171 ? Math.round(point.qty * 0.6) : point.qty}`);
      writeFileSync(shiftedPath, `series,date,qty\n${shiftedRows.join('\n')}\n`);
      const [result, shiftedResult] = await Promise.all([
        runCli(['--backtest', '--input', salesPath, '--horizon', '14']),
        runCli(['--backtest', '--input', shiftedPath, '--horizon', '14']),
      ]);
      expect(shiftedResult.status).toBe(0);
      expect(shiftedResult.stdout).toMatch(/^rice .* level shift from 2025-06-(1[4-9]|2\d) \(×0\.[56]\d\)$/m);
      expect(result.status).toBe(0);
      const rice = result.stdout.split('\n').find((line) => line.startsWith('store-1/rice'))!;
      const [chosenWape, naiveWape] = [...rice.matchAll(/([\d.]+)%/g)].map((match) => Number(match[1]));
      expect(chosenWape).toBeLessThan(naiveWape!);
      expect(result.stdout).toMatch(/^TOTAL\s+2 series backtested\s+[\d.]+%\s+[\d.]+%$/m);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'warns on stderr when the forecast reaches a provisional holiday year, and not before; columns unchanged',
    async () => {
      const lateSales = join(dir, 'late.csv');
      const rows = ['series,date,qty'];
      for (let i = 0; i < 60; i++) rows.push(`rice,${new Date(Date.UTC(2026, 9, 22 + i)).toISOString().slice(0, 10)},${10 + (i % 7)}`);
      writeFileSync(lateSales, `${rows.join('\n')}\n`); // 2026-10-22 … 2026-12-20
      const [reaching, within] = await Promise.all([
        runCli(['--input', lateSales, '--horizon', '30', '--out', join(dir, 'late-30.csv')]),
        runCli(['--input', lateSales, '--horizon', '7', '--out', join(dir, 'late-7.csv')]),
      ]);
      expect([reaching.status, within.status]).toEqual([0, 0]);
      expect(reaching.stderr).toMatch(/^forecast: warning: holidays of 2027 are provisional/m);
      expect(within.stderr).not.toMatch(/warning/);
      const lines = readFileSync(join(dir, 'late-30.csv'), 'utf8').trim().split('\n');
      expect(lines[0]).toBe('series,date,forecast,lo,hi,model');
      expect(lines).toHaveLength(31);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'names the line of a bad row',
    async () => {
      const badPath = join(dir, 'bad.csv');
      writeFileSync(badPath, 'series,date,qty\na,2025-01-01,3\na,2025-01-02,three\n');
      const result = await runCli(['--input', badPath, '--horizon', '7', '--out', join(dir, 'bad-out.csv')]);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(`forecast: ${badPath} line 3: qty "three" is not a number`);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'exits 2 with a one-line message on bad arguments',
    async () => {
      const [result, unknown, level] = await Promise.all([
        runCli(['--input', salesPath, '--horizon', '0', '--out', join(dir, 'x.csv')]),
        runCli(['--input', salesPath, '--frobnicate']),
        runCli(['--input', salesPath, '--level', '100', '--out', join(dir, 'y.csv')]),
      ]);
      expect(level.status).toBe(2);
      expect(level.stderr).toMatch(/--level must be a coverage in percent \(e\.g\. 80 or 95\)/);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/--horizon must be a whole number/);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/unknown argument "--frobnicate"/);
    },
    CLI_TIMEOUT_MS,
  );
});
