// `npm run chaos -- --seed S --runs N [--no-browser] [--minutes M] [--only scenario,…] [--quiet]`
// Prints one line per run and, as its last line, `runs=… lost=… doubled=… diverged=…`; exits
// non-zero when any of them (or a harness error) is non-zero.
import { parseArgs } from 'node:util';
import { runChaos } from './harness';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '8' },
    'no-browser': { type: 'boolean', default: false },
    minutes: { type: 'string' },
    only: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
  strict: true,
});
const seed = Number(values.seed);
const runs = Number(values.runs);
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npm run chaos -- --seed <int> --runs <n> [--no-browser] [--minutes M] [--only a,b]\n');
  process.exit(2);
}

const summary = await runChaos({
  seed,
  runs,
  browser: !values['no-browser'],
  budgetMs: values.minutes ? Number(values.minutes) * 60_000 : undefined,
  only: values.only?.split(','),
  log: (line) => {
    if (!values.quiet || line.includes('FAILED') || line.startsWith('  ')) process.stdout.write(`${line}\n`);
  },
});
const times = Object.entries(summary.perScenarioMs).map(
  ([name, ms]) => `${name}=${Math.round(ms.reduce((a, b) => a + b, 0) / ms.length)}ms`,
);
process.stdout.write(`mean run time: ${times.join(' ')}\n`);
if (summary.notes.length > 0)
  process.stdout.write(
    `findings (first 30):\n${summary.notes
      .slice(0, 30)
      .map((n) => `  ${n}`)
      .join('\n')}\n`,
  );
if (summary.errors > 0) process.stdout.write(`harness errors: ${summary.errors}\n`);
process.stdout.write(`runs=${summary.runs} lost=${summary.lost} doubled=${summary.doubled} diverged=${summary.diverged}\n`);
process.exit(summary.lost + summary.doubled + summary.diverged + summary.errors > 0 ? 1 : 0);
