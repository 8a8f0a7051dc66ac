// Time belongs to the site, whatever the computer's zone (DOMAIN.md "Site time"): the site-time,
// business-date, expiry, KPI and screen-format tests run again in child processes with the
// computer set to New York, UTC, Shanghai and Chatham (+12:45/+13:45). A rule that reads the
// computer's zone (getHours, toLocaleString, local Date fields) passes in one of them and fails in another.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FILES = [
  'tests/unit/domain/site-time.test.ts',
  'tests/unit/domain/business-date-zones.test.ts',
  'tests/unit/domain/expiry-instant.test.ts',
  'tests/unit/domain/ids-expiry.test.ts',
  'tests/unit/finance/kpi-site-zones.test.ts',
  'tests/unit/ui/site-time-format.test.ts',
];
const ZONES = ['America/New_York', 'UTC', 'Asia/Shanghai', 'Pacific/Chatham'];

function runUnder(tz: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${ROOT}/node_modules/vitest/vitest.mjs`, 'run', '--maxWorkers=1', ...FILES], {
      cwd: ROOT,
      env: { ...process.env, TZ: tz, FORCE_COLOR: '0', LARDER_TZ_CHILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('site time under the computer zones', () => {
  // One after another: two cores are shared; each child mostly spends its time starting vitest.
  it.each(ZONES)(
    'passes with TZ=%s',
    async (tz) => {
      const { code, output } = await runUnder(tz);
      expect(code, output.slice(-3000)).toBe(0);
    },
    180_000,
  );

  it('the child really runs in that zone', async () => {
    // Guards the harness itself: without TZ reaching the child every run above would be one zone.
    const offset = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['-e', "process.stdout.write(String(new Date('2026-12-06T16:30:00Z').getTimezoneOffset()))"], {
        env: { ...process.env, TZ: 'America/New_York' },
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('close', () => resolve(out));
    });
    expect(offset).toBe('300');
  });
});
