// Chain-scale load bench (`npm run bench:hq -- [--terminals 400] [--seconds 20] [--store sqlite|postgres]
// [--baseline 9f65ae7|none] [--empty-rows 100000]`), issue 19: simulated terminals speaking the
// protocol (each holding its stream; stores push a sale every ~5 s, the kitchen a dispatch every
// second) against this tree's endpoint and, in the same run, main's code at the baseline commit.
// Prints push and notify latency, throughput, the endpoint's CPU, the time of a pull with nothing
// readable, and checks that every acknowledged row is pullable exactly once and that no terminal
// saw another site's rows. 4,000 terminals: `--terminals 4000 --seconds 60`.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { CollectionName } from '../shared/schemas/index';
import { median, percentile } from './lib/stats';
import { baselineRoot, startBenchEndpoint, thisRoot, type BenchEndpoint } from './hq/endpoint';
import { pullAll, runLoad, terminalsOf, timePull, type AckedRow, type LoadFigures } from './hq/load';

const { values } = parseArgs({
  options: {
    terminals: { type: 'string', default: '400' },
    seconds: { type: 'string', default: '20' },
    settle: { type: 'string', default: '5' },
    store: { type: 'string', default: 'sqlite' },
    baseline: { type: 'string', default: '9f65ae7' },
    'per-store': { type: 'string', default: '2' },
    'verify-stores': { type: 'string', default: '100' },
    'empty-rows': { type: 'string', default: '100000' },
    'sale-period': { type: 'string', default: '5000' },
    'dispatch-period': { type: 'string', default: '1000' },
    timeline: { type: 'boolean', default: false },
  },
});
const TERMINALS = Number(values.terminals);
const SECONDS = Number(values.seconds);
const STORE = values.store === 'postgres' ? 'postgres' : 'sqlite';
const PER_STORE = Number(values['per-store']);
const STORES = Math.max(1, Math.ceil((TERMINALS - 2) / PER_STORE));
const EMPTY_ROWS = Number(values['empty-rows']);
const log = (line: string) => process.stdout.write(`${line}\n`);

/** The endpoint's CPU seconds so far (Linux /proc; utime + stime in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Push p50/p99/max per 5 s of the run: shows whether slow pushes are a stall or a steady state. */
function printTimeline(load: LoadFigures): void {
  for (let from = 0; from < SECONDS; from += 5) {
    const window = load.pushTimeline.filter(([at]) => at >= from && at < from + 5).map(([, latency]) => latency);
    log(
      `  ${String(from).padStart(4)}–${from + 5} s: ${window.length} pushes, p50 ${median(window).toFixed(1)} p99 ${percentile(window, 99).toFixed(1)} max ${Math.max(...window).toFixed(1)} ms`,
    );
  }
}

interface Check {
  missing: number;
  duplicates: number;
  foreign: number;
}

/** Every acknowledged row pulled exactly once by HQ and by its sites; nothing of another site pulled. */
async function verify(endpoint: BenchEndpoint, acked: readonly AckedRow[]): Promise<Check> {
  const check: Check = { missing: 0, duplicates: 0, foreign: 0 };
  const compare = (pulled: Record<string, unknown>[], expected: readonly AckedRow[]) => {
    const seen = new Map<string, number>();
    for (const d of pulled) seen.set(String(d.id), (seen.get(String(d.id)) ?? 0) + 1);
    for (const row of expected) {
      const n = seen.get(row.id) ?? 0;
      if (n === 0) check.missing++;
      if (n > 1) check.duplicates++;
    }
  };
  const collections: CollectionName[] = ['movements', 'documents'];
  for (const c of collections)
    compare(
      await pullAll(endpoint.url, endpoint.tokens.hq, c),
      acked.filter((r) => r.collection === c),
    );
  const sites = Object.entries(endpoint.tokens.stores).slice(0, Number(values['verify-stores']));
  for (const [siteId, tokens] of sites) {
    for (const c of collections) {
      const pulled = await pullAll(endpoint.url, tokens[0] ?? '', c);
      check.foreign += pulled.filter((d) => d.siteId !== siteId && d.toSiteId !== siteId).length;
      compare(
        pulled,
        acked.filter((r) => r.collection === c && (r.siteId === siteId || r.toSiteId === siteId)),
      );
    }
  }
  return check;
}

interface RunFigures {
  load: LoadFigures;
  check: Check;
  cpuShare: number;
  /** The endpoint's CPU per acknowledged push (stream fan-out included): what a loaded machine does not skew. */
  cpuMsPerPush: number;
  emptyPullMs: number;
  /** The database's bytes per 100,000 of the seeded movements (the empty-pull phase's data). */
  bytesPer100k: number;
}

async function measure(name: string, root: string): Promise<RunFigures> {
  log(`${name}: ${TERMINALS} terminals (${STORES} stores × ${PER_STORE}, kitchen, hq) on ${STORE}, ${SECONDS} s`);
  const endpoint = await startBenchEndpoint({ root, store: STORE, plan: { stores: STORES, terminalsPerStore: PER_STORE, kitchenRows: 0 } });
  let run: Omit<RunFigures, 'emptyPullMs' | 'bytesPer100k'>;
  try {
    let cpu0 = NaN;
    let t0 = NaN;
    const load = await runLoad({
      onPushesStart: () => {
        cpu0 = cpuSeconds(endpoint.pid);
        t0 = performance.now();
      },
      url: endpoint.url,
      terminals: terminalsOf(endpoint.tokens),
      seconds: SECONDS,
      settleSeconds: Number(values.settle),
      salePeriodMs: Number(values['sale-period']),
      dispatchPeriodMs: Number(values['dispatch-period']),
      tag: randomUUID().slice(0, 8),
      log,
    });
    const cpuUsed = cpuSeconds(endpoint.pid) - cpu0;
    const cpuShare = cpuUsed / ((performance.now() - t0) / 1000);
    const cpuMsPerPush = (cpuUsed * 1000) / load.pushLatencies.length;
    if (values.timeline) printTimeline(load);
    const check = await verify(endpoint, load.acked);
    run = { load, check, cpuShare, cpuMsPerPush };
  } finally {
    await endpoint.stop();
    endpoint.remove();
  }
  let emptyPullMs = NaN;
  let bytesPer100k = NaN;
  if (EMPTY_ROWS > 0) {
    log(`${name}: a store's pull with nothing readable among ${EMPTY_ROWS} kitchen movements`);
    const seeded = await startBenchEndpoint({ root, store: STORE, plan: { stores: 1, terminalsPerStore: 1, kitchenRows: EMPTY_ROWS } });
    try {
      const token = Object.values(seeded.tokens.stores)[0]?.[0] ?? '';
      const times: number[] = [];
      for (let i = 0; i < 21; i++) times.push(await timePull(seeded.url, token, 'movements'));
      emptyPullMs = median(times.slice(1));
    } finally {
      await seeded.stop();
      bytesPer100k = (seeded.storedBytes() / EMPTY_ROWS) * 100_000;
      seeded.remove();
    }
  }
  return { ...run, emptyPullMs, bytesPer100k };
}

const runs: [string, RunFigures][] = [['this tree', await measure('this tree', thisRoot)]];
if (values.baseline !== 'none')
  runs.push([`main ${values.baseline}`, await measure(`main ${values.baseline}`, await baselineRoot(values.baseline))]);

const rows: [string, (r: RunFigures) => number, string][] = [
  ['streams open', (r) => r.load.streams, ''],
  ['pushes acknowledged /s', (r) => r.load.pushLatencies.length / SECONDS, ''],
  ['push p50 ms', (r) => median(r.load.pushLatencies), 'goal p99 ≤ 25'],
  ['push p99 ms', (r) => percentile(r.load.pushLatencies, 99), '≤ 25'],
  ['notify p50 ms', (r) => median(r.load.notifyLatencies), ''],
  ['notify p99 ms', (r) => percentile(r.load.notifyLatencies, 99), '≤ 25'],
  ['push errors', (r) => r.load.pushErrors, '0'],
  ['notifications missed', (r) => r.load.expectedNotifications - r.load.notifications, '0'],
  ['foreign rows streamed', (r) => r.load.foreignNotified, '0'],
  ['acked rows missing', (r) => r.check.missing, '0'],
  ['acked rows duplicated', (r) => r.check.duplicates, '0'],
  ['foreign rows pulled', (r) => r.check.foreign, '0'],
  ['endpoint CPU (cores)', (r) => r.cpuShare, ''],
  ['endpoint CPU ms per push', (r) => r.cpuMsPerPush, ''],
  [`empty pull ms (${EMPTY_ROWS} rows)`, (r) => r.emptyPullMs, '≤ 5'],
  ['MB per 100,000 movements', (r) => r.bytesPer100k / 1e6, '≤ 25'],
];
log(`\n${'figure'.padEnd(30)}${runs.map(([n]) => n.padStart(16)).join('')}${runs.length > 1 ? '  ratio'.padStart(10) : ''}  goal`);
for (const [label, get, goal] of rows) {
  const vs = runs.map(([, r]) => get(r));
  const ratio = vs.length > 1 && vs[1] ? ((vs[0] ?? 0) / vs[1]).toFixed(2) : '';
  log(
    `${label.padEnd(30)}${vs.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(2)).padStart(16)).join('')}${ratio.padStart(10)}  ${goal}`,
  );
}
const broken = runs.some(([, r]) => r.check.missing + r.check.duplicates + r.check.foreign + r.load.foreignNotified > 0);
process.exit(broken ? 1 : 0);
