// Sync benchmark (`tsx bench/sync.ts [--reps 3] [--docs 100000] [--commits 200] [--push 20000]`):
// initial pull of 100,000 movements into a fresh memory-storage terminal, kitchen-commit →
// store-sees-it latency over SSE, and push throughput — each against the real endpoint process
// (SQLite, rate limit off) and against a bare in-memory endpoint in this process (the baseline),
// with medians of several repetitions and the ratio real/baseline.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { addSite, addTerminal, seedDocuments } from '../server/admin-ops';
import { openStorage } from '../server/storage/index';
import { startEndpointProcess } from '../tests/support/endpoint-process';
import { BaselineEndpoint } from './lib/sync-baseline';
import { openBenchTerminal, type BenchTerminal } from './lib/sync-terminal';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    docs: { type: 'string', default: '100000' },
    commits: { type: 'string', default: '200' },
    push: { type: 'string', default: '20000' },
  },
});
const REPS = Number(values.reps);
const DOCS = Number(values.docs);
const COMMITS = Number(values.commits);
const PUSH = Number(values.push);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function movement(siteId: string, n: number, tag: string): Record<string, unknown> {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return {
    id: `m-${tag}-${n}`,
    siteId,
    productId: `p-${n % 50}`,
    batchId: `b-${n % 200}`,
    qty: 1 + (n % 9),
    kind: 'receipt',
    unitCost: 3.5,
    docType: 'goods-receipt',
    docId: `gr-${tag}-${Math.floor(n / 20)}`,
    lineNo: n % 20,
    at,
    terminalId: 't-bench',
    updatedAt: at,
  };
}
function dispatch(n: number, tag: string): Record<string, unknown> {
  const at = new Date().toISOString();
  const id = `d-${tag}-${n}`;
  return {
    id,
    type: 'dispatch',
    siteId: 'kitchen',
    toSiteId: 'store-a',
    number: `PS-${id}`,
    status: 'shipped',
    businessDate: at.slice(0, 10),
    at,
    terminalId: 't-bench',
    lines: [{ productId: 'p-1', qty: 3 }],
    updatedAt: at,
  };
}

interface Target {
  name: string;
  url: string;
  tokens: { hq: string; kitchen: string; store: string };
}

let terminalNo = 0;
const open = (target: Target, token: string) => openBenchTerminal({ endpointUrl: target.url, token, name: `bench${terminalNo++}` });

async function measurePull(target: Target): Promise<number> {
  const t = await open(target, target.tokens.hq);
  try {
    const t0 = await t.run<number>({ op: 'start' });
    const t1 = await t.run<number>({ op: 'waitCount', collection: 'movements', n: DOCS, timeoutMs: 600_000 });
    return DOCS / ((t1 - t0) / 1000);
  } finally {
    await t.close();
  }
}

async function measureLatency(target: Target, rep: number): Promise<number[]> {
  const [kitchen, store] = await Promise.all([open(target, target.tokens.kitchen), open(target, target.tokens.store)]);
  try {
    await Promise.all([kitchen.run({ op: 'start' }), store.run({ op: 'start' })]);
    await sleep(1500); // both streams connected and initial pulls done
    await store.run({ op: 'arrivals' });
    // The store also pulled earlier repetitions' dispatches: wait for this repetition's on top.
    const already = await store.run<number>({ op: 'count', collection: 'documents' });
    const sent = new Map<string, number>();
    for (let i = 0; i < COMMITS; i++) {
      const doc = dispatch(i, `${target.name}${rep}${randomUUID().slice(0, 6)}`);
      sent.set(String(doc.id), await kitchen.run<number>({ op: 'insert', collection: 'documents', docs: [doc] }));
      await sleep(10 + (i % 7) * 3);
    }
    await store.run({ op: 'waitCount', collection: 'documents', n: already + COMMITS, timeoutMs: 60_000 });
    const arrivals = await store.run<[string, number][]>({ op: 'arrivals' });
    return arrivals.filter(([id]) => sent.has(id)).map(([id, at]) => at - (sent.get(id) ?? at));
  } finally {
    await Promise.all([kitchen.close(), store.close()]);
  }
}

async function measurePush(target: Target, rep: number): Promise<number> {
  const kitchen: BenchTerminal = await open(target, target.tokens.kitchen);
  try {
    await kitchen.run({ op: 'start' });
    await kitchen.run({ op: 'waitPushed', timeoutMs: 10_000 });
    const docs = Array.from({ length: PUSH }, (_, n) => movement('kitchen', n, `push${target.name}${rep}${randomUUID().slice(0, 6)}`));
    const t0 = await kitchen.run<number>({ op: 'insert', collection: 'movements', docs });
    const t1 = await kitchen.run<number>({ op: 'waitPushed', timeoutMs: 600_000 });
    return PUSH / ((t1 - t0) / 1000);
  } finally {
    await kitchen.close();
  }
}

async function realTarget(seed: Record<string, unknown>[]): Promise<{ target: Target; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'larder-bench-sync-'));
  const storage = await openStorage({ dataDir });
  for (const [id, kind] of [
    ['hq', 'hq'],
    ['kitchen', 'kitchen'],
    ['store-a', 'store'],
  ] as const)
    await addSite(storage, { id, kind, name: id });
  const tokens = {
    hq: (await addTerminal(storage, { siteId: 'hq', name: 'bench hq' })).token,
    kitchen: (await addTerminal(storage, { siteId: 'kitchen', name: 'bench kitchen' })).token,
    store: (await addTerminal(storage, { siteId: 'store-a', name: 'bench store' })).token,
  };
  for (let i = 0; i < seed.length; i += 10_000) await seedDocuments(storage, 'movements', seed.slice(i, i + 10_000));
  await storage.close();
  const endpoint = await startEndpointProcess({ dataDir, env: { LARDER_RATE_LIMIT: 'off' } });
  return { target: { name: 'real', url: endpoint.url, tokens }, stop: () => endpoint.stop() };
}

async function baselineTarget(seed: Record<string, unknown>[]): Promise<{ target: Target; stop(): Promise<void> }> {
  const base = new BaselineEndpoint();
  const url = await base.listen();
  base.addTerminal('hq', { siteId: 'hq', hq: true });
  base.addTerminal('kitchen', { siteId: 'kitchen', hq: false });
  base.addTerminal('store', { siteId: 'store-a', hq: false });
  base.seed(
    'sites',
    ['hq', 'kitchen', 'store-a'].map((id) => ({
      id,
      code: id,
      name: id,
      kind: id === 'store-a' ? 'store' : id,
      active: true,
      updatedAt: new Date().toISOString(),
      _deleted: false,
    })),
  );
  base.seed(
    'movements',
    seed.map((d) => ({ ...d, _deleted: false })),
  );
  return { target: { name: 'baseline', url, tokens: { hq: 'hq', kitchen: 'kitchen', store: 'store' } }, stop: () => base.close() };
}

const seed = Array.from({ length: DOCS }, (_, n) => movement('kitchen', n, 'seed'));
const results: Record<string, { pull: number[]; p50: number[]; p99: number[]; push: number[] }> = {};
for (const make of [realTarget, baselineTarget]) {
  const { target, stop } = await make(seed);
  const r: { pull: number[]; p50: number[]; p99: number[]; push: number[] } = { pull: [], p50: [], p99: [], push: [] };
  results[target.name] = r;
  try {
    for (let rep = 0; rep < REPS; rep++) {
      r.pull.push(await measurePull(target));
      const lat = await measureLatency(target, rep);
      r.p50.push(quantile(lat, 0.5));
      r.p99.push(quantile(lat, 0.99));
      r.push.push(await measurePush(target, rep));
      process.stdout.write(
        `${target.name} rep ${rep + 1}: pull ${Math.round(r.pull.at(-1) ?? 0)} docs/s, latency p50 ${(r.p50.at(-1) ?? 0).toFixed(1)} ms p99 ${(r.p99.at(-1) ?? 0).toFixed(1)} ms (${lat.length} commits), push ${Math.round(r.push.at(-1) ?? 0)} movements/s\n`,
      );
    }
  } finally {
    await stop();
  }
}

const real = results.real;
const base = results.baseline;
if (real && base) {
  const row = (label: string, a: number[], b: number[], unit: string, goal: string, ok: (v: number) => boolean) => {
    const m = median(a);
    const mb = median(b);
    process.stdout.write(
      `${label.padEnd(22)} real ${m.toFixed(1).padStart(9)} ${unit.padEnd(12)} baseline ${mb.toFixed(1).padStart(9)}  ratio ${(m / mb).toFixed(2)}  goal ${goal} ${ok(m) ? 'MET' : 'MISSED'}\n`,
    );
  };
  process.stdout.write(`\nmedians of ${REPS} (${DOCS} docs pulled, ${COMMITS} commits, ${PUSH} movements pushed):\n`);
  row('initial pull', real.pull, base.pull, 'docs/s', '≥ 50000', (v) => v >= 50_000);
  row('latency p50', real.p50, base.p50, 'ms', '≤ 25', (v) => v <= 25);
  row('latency p99', real.p99, base.p99, 'ms', '≤ 150', (v) => v <= 150);
  row('push', real.push, base.push, 'movements/s', '≥ 20000', (v) => v >= 20_000);
}
process.exit(0);
