// The eight fault scenarios. Each draws its parameters from the run's seeded Rng, applies its
// fault while terminals keep posting, and returns a one-line description of what it did (printed
// per run, so a failure names its parameters). Healing and checking happen in the harness.
import { Rng, sleep } from './rng';
import type { ChaosTerminal } from './terminals';
import { draftDispatch } from './traffic';
import type { World } from './world';

export interface RunContext {
  world: World;
  rng: Rng;
  run: number;
  log(line: string): void;
}

export interface Scenario {
  name: string;
  apply(ctx: RunContext): Promise<string>;
}

const HOUR = 3_600_000;

/** Terminals keep posting for `ms` (two lanes), as shops do whatever the network does. */
export async function traffic(ctx: RunContext, ms: number, among?: ChaosTerminal[]): Promise<number> {
  const { world, rng, run } = ctx;
  const pool = (among ?? world.terminals).filter((t) => t !== world.browser || !world.browser.killed);
  const end = Date.now() + ms;
  let posted = 0;
  const lane = async (laneRng: Rng) => {
    for (let i = 0; i < 200 && Date.now() < end; i++) {
      const t = laneRng.pick(pool);
      if (t === world.browser && world.browser.killed) continue;
      await world.post(t, laneRng, run);
      posted++;
      await sleep(laneRng.int(5, 80));
    }
  };
  if (pool.length > 0) await Promise.all([lane(rng.fork(1)), lane(rng.fork(2))]);
  return posted;
}

const subset = (rng: Rng, items: readonly ChaosTerminal[], min: number, max: number) => {
  const pool = [...items];
  const out: ChaosTerminal[] = [];
  const n = rng.int(min, Math.min(max, pool.length));
  while (out.length < n) out.push(...pool.splice(rng.int(0, pool.length - 1), 1));
  return out;
};
const labels = (ts: readonly ChaosTerminal[]) => ts.map((t) => t.label).join(',');

/** Waits (bounded) until one of these proxies has forwarded a new push: "mid-push" means mid-push. */
async function pushInFlight(ts: readonly ChaosTerminal[], maxMs: number): Promise<boolean> {
  const before = ts.map((t) => t.proxy.stats.pushes);
  const end = Date.now() + maxMs;
  while (Date.now() < end) {
    if (ts.some((t, i) => t.proxy.stats.pushes > (before[i] ?? 0))) return true;
    await sleep(2);
  }
  return false;
}

export const scenarios: Scenario[] = [
  {
    name: 'random-disconnects',
    async apply(ctx) {
      const { world, rng } = ctx;
      const targets = subset(rng, world.terminals, 2, 5);
      const dropRate = rng.int(10, 60) / 100;
      const ms = rng.int(600, 1500);
      const resets = rng.int(1, 6);
      for (const t of targets) t.proxy.setMode({ kind: 'flaky', dropRate });
      const bursts = (async () => {
        const r = rng.fork(7);
        for (let i = 0; i < resets; i++) {
          await sleep(r.int(50, Math.max(60, ms / resets)));
          r.pick(targets).proxy.resetAll();
        }
      })();
      await Promise.all([traffic(ctx, ms), bursts]);
      return `targets=${labels(targets)} dropRate=${dropRate} resets=${resets} ms=${ms}`;
    },
  },
  {
    name: 'one-way-partition',
    async apply(ctx) {
      const { world, rng } = ctx;
      const targets = subset(rng, world.terminals, 1, 3);
      const direction = rng.chance(0.5) ? 'drop-answers' : 'drop-requests';
      const ms = rng.int(400, 1500);
      for (const t of targets) t.proxy.setMode({ kind: direction });
      await traffic(ctx, ms);
      return `targets=${labels(targets)} ${direction} ms=${ms}`;
    },
  },
  {
    name: 'kill9-terminal',
    async apply(ctx) {
      const { world, rng, run } = ctx;
      const browser = world.browser;
      const postings = rng.int(20, 120);
      const duringInsert = rng.chance(0.3);
      const delay = rng.int(0, 40);
      const downMs = rng.int(100, 600);
      // CHAOS_RESTART_SKEW=0 keeps the restarted clock right (to tell a skew loss from another one).
      const skewMs = rng.chance(0.3) && process.env.CHAOS_RESTART_SKEW !== '0' ? rng.pick([-1, 1]) * rng.int(1, 6) * HOUR : 0;
      // The restarted terminal is used before its sync starts (e.g. while it is being re-paired).
      const writeBeforeSync = rng.chance(0.25);
      if (!browser) {
        // Without Chromium there is no storage that outlives the process: stop sync mid-push instead.
        const t = rng.pick(world.terminals);
        const backlog = world.postBacklog(t, rng, run, postings);
        await pushInFlight([t], 3000);
        await t.run({ op: 'stopSync' });
        await backlog;
        await sleep(downMs);
        await t.run({ op: 'startSync' });
        return `NO BROWSER: stopSync mid-push on ${t.label} postings=${postings}`;
      }
      const others = world.terminals.filter((t) => t !== browser);
      const background = traffic(ctx, rng.int(300, 900), others);
      const backlog = world.postBacklog(browser, rng.fork(3), run, postings);
      if (duringInsert) await sleep(rng.int(5, 60));
      else {
        await backlog;
        await pushInFlight([browser], 3000);
        await sleep(delay);
      }
      const pids = await browser.kill9();
      await backlog;
      await sleep(downMs);
      world.skew.set(browser.label, skewMs);
      await browser.restart({ skewMs, syncAtStart: !writeBeforeSync });
      if (writeBeforeSync) {
        for (let i = 0; i < 3; i++) await world.post(browser, rng.fork(40 + i), run);
        await browser.run({ op: 'startSync' });
      }
      await world.retryInterrupted();
      await background;
      return `postings=${postings} ${duringInsert ? 'during-insert' : `mid-push+${delay}ms`} killed=${pids}pids down=${downMs}ms restartSkew=${skewMs / HOUR}h writeBeforeSync=${writeBeforeSync}`;
    },
  },
  {
    name: 'endpoint-crash',
    async apply(ctx) {
      const { world, rng, run } = ctx;
      const pushers = subset(rng, world.terminals, 2, 4).filter((t) => t !== world.browser);
      const postings = rng.int(20, 100);
      const delay = rng.int(0, 100);
      const downMs = rng.int(100, 1200);
      const backlogs = Promise.all(pushers.map((t, i) => world.postBacklog(t, rng.fork(10 + i), run, postings)));
      await pushInFlight(pushers, 3000);
      await sleep(delay);
      world.crashEndpoint();
      await Promise.all([backlogs, traffic(ctx, downMs)]);
      await world.restartEndpoint();
      return `pushers=${labels(pushers)} postings=${postings} crash=+${delay}ms down=${downMs}ms`;
    },
  },
  {
    name: 'lost-answers-replayed',
    async apply(ctx) {
      const { world, rng } = ctx;
      const targets = subset(rng, world.terminals, 2, 5);
      const rate = rng.int(30, 100) / 100;
      const replay = rng.chance(0.6);
      const ms = rng.int(500, 1500);
      for (const t of targets) t.proxy.setMode({ kind: 'lose-push-answers', rate, replay });
      await traffic(ctx, ms);
      return `targets=${labels(targets)} rate=${rate} replay=${replay} ms=${ms}`;
    },
  },
  {
    name: 'concurrent-edits',
    async apply(ctx) {
      const { world, rng, run } = ctx;
      const kitchens = world.terminals.filter((t) => t.siteId === 'kitchen');
      const [a, b] = rng.chance(0.5) ? kitchens : [...kitchens].reverse();
      if (!a || !b) return 'skipped: fewer than two kitchen terminals';
      const draft = draftDispatch(rng, a, world.clockOf(a), world.requestsBefore(run));
      await a.run({ op: 'insert', collection: 'documents', docs: [draft] });
      world.documentIds.add(draft.id);
      for (let i = 0; i < 100 && !(await b.run<string | null>({ op: 'get', collection: 'documents', id: draft.id })); i++) await sleep(50);
      const offline = rng.chance(0.5) ? rng.pick([a, b]) : null;
      offline?.proxy.setMode({ kind: 'offline' });
      const rounds = rng.int(1, 3);
      const statuses = ['draft', 'submitted', 'picked', 'shipped', 'cancelled'] as const;
      const edits: string[] = [];
      await Promise.all(
        [a, b].map(async (t, k) => {
          const r = rng.fork(20 + k);
          for (let i = 0; i < rounds; i++) {
            const status = r.pick(statuses);
            const patch = {
              status,
              lines: [{ productId: 'p-flour', qty: r.int(1, 99) }],
              updatedAt: new Date(world.clockOf(t)).toISOString(),
            };
            await t.run({ op: 'patch', collection: 'documents', id: draft.id, patch });
            edits.push(`${t.label}:${status}`);
            await sleep(r.int(0, 150));
          }
        }),
      );
      await traffic(ctx, rng.int(200, 600));
      return `doc=${draft.id} offline=${offline?.label ?? 'none'} edits=${edits.join(' ')}`;
    },
  },
  {
    name: 'clock-skew',
    async apply(ctx) {
      const { world, rng } = ctx;
      const skews: string[] = [];
      for (const t of world.terminals) {
        const ms = rng.chance(0.8) ? rng.pick([-1, 1]) * rng.int(1, 12) * HOUR + rng.int(-59, 59) * 60_000 : 0;
        world.skew.set(t.label, ms);
        await t.run({ op: 'skewClock', ms });
        skews.push(`${t.label}:${(ms / HOUR).toFixed(1)}h`);
      }
      const flaky = rng.chance(0.5);
      if (flaky) for (const t of world.terminals) t.proxy.setMode({ kind: 'flaky', dropRate: 0.2 });
      await traffic(ctx, rng.int(600, 1500));
      return `${skews.join(' ')} flaky=${flaky}`;
    },
  },
  {
    name: 'offline-backlog-cut',
    async apply(ctx) {
      const { world, rng, run } = ctx;
      const t = rng.pick(world.terminals);
      const postings = rng.int(100, 500);
      const pushesBeforeCut = rng.int(1, 3);
      const cut = rng.pick(['offline', 'drop-answers', 'endpoint-crash'] as const);
      const cutMs = rng.int(200, 900);
      t.proxy.setMode({ kind: 'offline' });
      await world.postBacklog(t, rng, run, postings);
      const before = t.proxy.stats.pushes;
      t.proxy.heal(false);
      for (let i = 0; i < 1500 && t.proxy.stats.pushes - before < pushesBeforeCut; i++) await sleep(2);
      if (cut === 'endpoint-crash') world.crashEndpoint();
      else t.proxy.setMode({ kind: cut });
      await traffic(
        ctx,
        cutMs,
        world.terminals.filter((x) => x !== t),
      );
      if (cut === 'endpoint-crash') await world.restartEndpoint();
      return `terminal=${t.label} postings=${postings} cut=${cut} after ${pushesBeforeCut} pushes for ${cutMs}ms`;
    },
  },
];
