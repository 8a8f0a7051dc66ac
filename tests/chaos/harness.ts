// Runs the chaos session: one world, `runs` runs cycling through the eight scenarios, each with
// parameters from (seed, run), then heal → quiet → check after every run, so a finding is tied
// to the run (and scenario) that caused it.
import { Auditor, Mirrors, settleAndCheck, stuckIndicators, type Findings } from './check';
import { Rng, sleep } from './rng';
import { scenarios, type RunContext } from './scenarios';
import { restorePlan, restoreStepDuringRun, TOUCHES_ENDPOINT } from './restore';
import { upgradeDuringRun, upgradePlan } from './upgrade';
import { World } from './world';

export interface ChaosOptions {
  seed: number;
  runs: number;
  /** Run the kill -9 terminal in Chromium (otherwise that scenario degrades and says so). */
  browser: boolean;
  /** Stop starting new runs after this long (the summary reports the runs actually done). */
  budgetMs?: number;
  /** Only these scenario names (for reproducing one). */
  only?: string[];
  settleTimeoutMs?: number;
  log(line: string): void;
}

export interface ChaosSummary {
  runs: number;
  lost: number;
  doubled: number;
  diverged: number;
  errors: number;
  notes: string[];
  perScenarioMs: Record<string, number[]>;
}

async function heal(world: World, rng: Rng): Promise<void> {
  for (const t of world.terminals) t.proxy.heal(rng.chance(0.5));
  await world.restartEndpoint();
  if (world.browser?.killed) await world.browser.restart();
  await world.retryInterrupted();
  for (const t of world.terminals) {
    await t.run({ op: 'startSync' });
    if (world.skew.get(t.label)) await t.run({ op: 'skewClock', ms: 0 });
  }
  world.skew.clear();
}

export async function runChaos(options: ChaosOptions): Promise<ChaosSummary> {
  const { log } = options;
  const findings: Findings = { lost: new Set(), doubled: new Set(), diverged: new Set(), notes: [] };
  const summary: ChaosSummary = { runs: 0, lost: 0, doubled: 0, diverged: 0, errors: 0, notes: findings.notes, perScenarioMs: {} };
  const started = Date.now();
  const world = await World.create({ seed: options.seed, browser: options.browser, log });
  log(
    `world up in ${Date.now() - started} ms: ${world.terminals.map((t) => `${t.label}${t.release === 'v0' ? ' (v0)' : ''}`).join(', ')} → ${world.url}`,
  );
  const auditor = new Auditor(world);
  const mirrors = new Mirrors();
  const active = scenarios.filter((s) => !options.only || options.only.includes(s.name));
  const upgrades = upgradePlan(world, options.runs);
  const restores = restorePlan(options.runs);
  try {
    for (let run = 0; run < options.runs; run++) {
      if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) {
        log(`time budget reached after ${run} runs`);
        break;
      }
      const scenario = active[run % active.length];
      if (!scenario) break;
      const rng = new Rng(options.seed).fork(run + 1);
      world.terminals.forEach((t, i) => t.proxy.reseed(rng.fork(100 + i)));
      const ctx: RunContext = { world, rng: rng.fork(1), run, log };
      const runStarted = Date.now();
      let description = '';
      try {
        // A planned upgrade happens part-way through the scenario, faults and traffic going on.
        const upgrading = (upgrades.get(run) ?? []).map((t, i) => upgradeDuringRun(world, auditor, t, rng.fork(50 + i), run));
        // A planned backup or restore too; after the scenario when the scenario stops the endpoint itself.
        const step = restores.get(run);
        const stepping = step ? () => restoreStepDuringRun(world, step, rng.fork(60), run) : null;
        const alone = stepping !== null && TOUCHES_ENDPOINT.has(scenario.name);
        const [applied, ...others] = await Promise.all([scenario.apply(ctx), ...upgrading, ...(stepping && !alone ? [stepping()] : [])]);
        if (stepping && alone) others.push(await stepping());
        description = [applied, ...others].join('; ');
      } catch (error) {
        summary.errors++;
        description = `HARNESS ERROR ${error instanceof Error ? error.message : String(error)}`;
      }
      const noteCount = findings.notes.length;
      let settledMs = -1;
      try {
        await heal(world, rng.fork(2));
        ({ settledMs } = await settleAndCheck(world, auditor, mirrors, findings, run, options.settleTimeoutMs ?? 45_000));
      } catch (error) {
        summary.errors++;
        findings.notes.push(`run ${run}: harness error while healing/checking: ${error instanceof Error ? error.message : String(error)}`);
      }
      const ms = Date.now() - runStarted;
      (summary.perScenarioMs[scenario.name] ??= []).push(ms);
      summary.runs = run + 1;
      const verdict = findings.notes.length > noteCount ? ' FAILED' : '';
      const stuck = await stuckIndicators(world).catch(() => []);
      if (stuck.length > 0) description += ` [pending indicator stuck after convergence: ${stuck.join(',')}]`;
      log(`run ${run} ${scenario.name} (${ms} ms, settled ${settledMs} ms)${verdict}: ${description}`);
      for (const note of findings.notes.slice(noteCount, noteCount + 10)) log(`  ${note}`);
      await sleep(0);
    }
  } finally {
    const proxyStats = world.terminals.map(
      (t) => `${t.label}: ${JSON.stringify({ ...t.proxy.stats, replayConflicts: t.proxy.stats.replayConflicts.length })}`,
    );
    log(`proxies: ${proxyStats.join(' | ')}`);
    for (const t of world.terminals)
      for (const c of t.proxy.stats.replayConflicts.slice(0, 3)) findings.notes.push(`replay anomaly on ${t.label}: ${c}`);
    const upgraded = [...world.upgrades].map(([label, u]) => `${label} in run ${u.run} (${u.shortAtV0.size} v0 projections)`);
    log(`rolling upgrades: ${upgraded.join(', ') || 'none'}`);
    log(
      `movements stored by terminals: ${world.stored.size}, on server: ${auditor.docs.movements.size}, documents: ${auditor.docs.documents.size}`,
    );
    await world.close().catch((error: unknown) => log(`close failed: ${String(error)}`));
  }
  summary.lost = findings.lost.size;
  summary.doubled = findings.doubled.size;
  summary.diverged = findings.diverged.size;
  return summary;
}
