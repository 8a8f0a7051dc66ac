// PostgreSQL scale-out benchmark (`npm run bench:pg-scale -- [--reps 3] [--seconds 8] [--workers 24]
// [--procs 1,2,4] [--rows 1000000] [--baseline 9f65ae7]`): closed-loop pushes/s with 1, 2 and 4 real
// endpoint processes on one database, the HQ stream's notify latency (acknowledged push → event on
// the stream of another process), and a store's pull with nothing readable among `--rows`
// movements. Each figure is measured on this checkout and on the baseline commit in the same run
// (interleaved, a fresh schema each time) and printed side by side with the ratio; medians of reps.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { withDefaultUser } from '../server/storage/postgres-schema';
import { projectRoot } from '../tests/support/endpoint-process';
import { median, ms, percentile } from './lib/stats';
import { extractTree, saleMovement, startCluster, treeModules, watchStream, type Cluster, type Tree } from './lib/pg-cluster';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    workers: { type: 'string', default: '24' },
    procs: { type: 'string', default: '1,2,4' },
    rows: { type: 'string', default: '1000000' },
    baseline: { type: 'string', default: '9f65ae7' },
    stores: { type: 'string', default: '4' },
  },
});
const REPS = Number(values.reps);
const SECONDS = Number(values.seconds);
const WORKERS = Number(values.workers);
const PROCS = values.procs.split(',').map(Number);
const ROWS = Number(values.rows);
const STORES = Number(values.stores);
const DATABASE_URL = withDefaultUser(process.env.LARDER_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test');
const sleep = (t: number) => new Promise((resolve) => setTimeout(resolve, t));

interface LoadFigures {
  pushesPerSecond: number;
  pushP99: number;
  notifyP50: number;
  notifyP99: number;
  missing: number;
}

async function push(url: string, token: string, doc: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${url}/api/v1/sync/movements/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ assumedMasterState: null, newDocumentState: doc }]),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`push answered ${res.status}: ${text}`);
}

/** `WORKERS` loops, each pushing one sale and waiting for the answer before the next, spread over the processes. */
async function closedLoop(cluster: Cluster): Promise<LoadFigures> {
  const seen = new Map<string, number>();
  const stream = watchStream(cluster.urls.at(-1)!, cluster.tokens.hq, seen);
  await stream.ready;
  const acked = new Map<string, number>();
  const pushMs: number[] = [];
  let measuring = false;
  let stop = false;
  const loops = Array.from({ length: WORKERS }, async (_, w) => {
    const url = cluster.urls[w % cluster.urls.length]!;
    const store = w % STORES;
    while (!stop) {
      const doc = saleMovement(`s${store}`);
      const started = performance.now();
      await push(url, cluster.tokens.stores[store]!, doc);
      const done = performance.now();
      if (measuring) {
        acked.set(doc.id as string, done);
        pushMs.push(done - started);
      }
    }
  });
  await sleep(1000); // warm-up: connections, JIT, pools
  measuring = true;
  const t0 = performance.now();
  await sleep(SECONDS * 1000);
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(loops);
  await sleep(2000); // the last events
  stream.close();
  const notify: number[] = [];
  let missing = 0;
  for (const [id, at] of acked) {
    const arrived = seen.get(id);
    if (arrived === undefined) missing++;
    else notify.push(Math.max(0, arrived - at));
  }
  return {
    pushesPerSecond: acked.size / elapsed,
    pushP99: percentile(pushMs, 99),
    notifyP50: percentile(notify, 50),
    notifyP99: percentile(notify, 99),
    missing,
  };
}

/**
 * Writes `ROWS` movements of store s0 straight into the schema, then times store s1's pull (nothing
 * readable): over HTTP, and the storage's own pull (the tree's adapter, in this process).
 */
async function emptyPull(tree: Tree): Promise<{ http: number; storage: number }> {
  const cluster = await startCluster(tree, DATABASE_URL, 1, 2);
  try {
    const c = new pg.Client({ connectionString: DATABASE_URL });
    await c.connect();
    await c.query(`SET search_path TO ${cluster.schema}`);
    const body = `'{"id":"m' || g || '","siteId":"s0","productId":"p-flour","batchId":"b-1","qty":-2,"kind":"sale","unitCost":3.5,"docType":"sale","docId":"d-1","lineNo":0,"at":"2026-03-01T08:00:00.000Z","terminalId":"t","updatedAt":"2026-03-01T08:00:00.000Z","_deleted":false}'`;
    const base = Number((await c.query<{ m: string }>('SELECT COALESCE(max(seq), 0) AS m FROM larder_docs')).rows[0]!.m);
    await c.query(
      `INSERT INTO larder_docs (collection, id, seq, site_id, to_site_id, deleted, body)
       SELECT 'movements', 'm' || g, $1::bigint + g, 's0', NULL, false, ${body} FROM generate_series(1, $2::bigint) g`,
      [base, ROWS],
    );
    const top = base + ROWS;
    await c.query('UPDATE larder_counter SET value = $1', [top]).catch(() => undefined);
    const numbered = await c.query<{ r: string | null }>("SELECT to_regclass('larder_seq')::text AS r");
    if (numbered.rows[0]?.r) await c.query("SELECT setval('larder_seq', $1)", [top]);
    await c.query('ANALYZE larder_docs');
    await c.end();
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      const res = await fetch(`${cluster.urls[0]}/api/v1/sync/movements/pull?limit=100`, {
        headers: { authorization: `Bearer ${cluster.tokens.stores[1]}` },
      });
      const answer = (await res.json()) as { documents: unknown[] };
      if (answer.documents.length !== 0) throw new Error('store s1 pulled another store’s movements');
      times.push(performance.now() - started);
    }
    const storage = await (await treeModules(tree)).openStorage({ databaseUrl: DATABASE_URL, pgSchema: cluster.schema, listen: false });
    const direct: number[] = [];
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      await storage.pull('movements', 0, 100, { siteId: 's1' });
      direct.push(performance.now() - started);
    }
    await storage.close();
    return { http: median(times.slice(5)), storage: median(direct.slice(5)) };
  } finally {
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  const trees: Tree[] = [await extractTree(projectRoot, values.baseline), { label: 'this checkout', root: projectRoot }];
  console.log(
    `pg-scale: ${os.cpus().length} cores, ${WORKERS} closed-loop pushers, ${SECONDS} s per run, ${REPS} reps, baseline ${values.baseline}`,
  );
  const figures = new Map<string, LoadFigures[]>();
  for (let rep = 0; rep < REPS; rep++) {
    for (const procs of PROCS) {
      for (const tree of trees) {
        const cluster = await startCluster(tree, DATABASE_URL, procs, STORES);
        try {
          const f = await closedLoop(cluster);
          const key = `${tree.label}|${procs}`;
          figures.set(key, [...(figures.get(key) ?? []), f]);
          console.log(
            `  rep ${rep + 1} ${procs} proc ${tree.label}: ${f.pushesPerSecond.toFixed(0)} pushes/s, push p99 ${ms(f.pushP99)}, notify p99 ${ms(f.notifyP99)}, missing ${f.missing}`,
          );
        } finally {
          await cluster.stop();
        }
      }
    }
  }
  if (REPS > 0) printLoad(trees, figures);
  if (ROWS > 0) {
    const [pb, po] = [await emptyPull(trees[0]!), await emptyPull(trees[1]!)];
    for (const k of ['http', 'storage'] as const)
      console.log(
        `store pull (${k}), nothing readable among ${ROWS} rows, median: baseline ${ms(pb[k])}, this ${ms(po[k])}, ${(po[k] / pb[k]).toFixed(3)}×`,
      );
  }
}

function printLoad(trees: Tree[], figures: Map<string, LoadFigures[]>): void {
  const med = (key: string, pick: (f: LoadFigures) => number) => median((figures.get(key) ?? []).map(pick));
  const [base, ours] = trees.map((t) => t.label) as [string, string];
  console.log('\nmedians                 baseline       this      ratio (this/baseline)');
  for (const procs of PROCS) {
    const b = med(`${base}|${procs}`, (f) => f.pushesPerSecond);
    const o = med(`${ours}|${procs}`, (f) => f.pushesPerSecond);
    console.log(`${procs} proc pushes/s      ${b.toFixed(0).padStart(8)}   ${o.toFixed(0).padStart(8)}   ${(o / b).toFixed(2)}×`);
    const bn = med(`${base}|${procs}`, (f) => f.notifyP99);
    const on = med(`${ours}|${procs}`, (f) => f.notifyP99);
    console.log(`${procs} proc notify p99     ${ms(bn).padStart(10)} ${ms(on).padStart(10)}   ${(on / bn).toFixed(2)}×`);
  }
  const scale = (label: string) =>
    med(`${label}|${Math.max(...PROCS)}`, (f) => f.pushesPerSecond) / med(`${label}|${Math.min(...PROCS)}`, (f) => f.pushesPerSecond);
  console.log(
    `scale-out ${Math.max(...PROCS)}/${Math.min(...PROCS)} procs: baseline ${scale(base).toFixed(2)}×, this ${scale(ours).toFixed(2)}×`,
  );
}

await main();
console.log(path.basename(import.meta.filename), 'done');
process.exit(0);
