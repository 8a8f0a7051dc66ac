// CI's seeded slice of the chaos harness (tests/chaos): one run of each of the eight fault
// scenarios against a real endpoint process, five terminals (one in Chromium for kill -9, two on
// the first release, upgraded in place in runs 2 and 5; an `admin backup` in run 2 restored in
// run 5, tests/chaos/restore.ts), then heal, quiet and the lost/doubled/
// diverged checks, each terminal held to the endpoint's documents as its version reads them.
// `npm run chaos` runs the long version.
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../chaos/harness';

describe('sync under injected faults (seeded)', () => {
  it('loses, doubles and diverges nothing over one run of each scenario', async () => {
    const lines: string[] = [];
    const summary = await runChaos({ seed: 20261, runs: 8, browser: true, settleTimeoutMs: 30_000, log: (line) => lines.push(line) });
    const report = [...lines, ...summary.notes.slice(0, 20)].join('\n');
    expect(
      { runs: summary.runs, lost: summary.lost, doubled: summary.doubled, diverged: summary.diverged, errors: summary.errors },
      report,
    ).toEqual({
      runs: 8,
      lost: 0,
      doubled: 0,
      diverged: 0,
      errors: 0,
    });
  }, 240_000);
});
