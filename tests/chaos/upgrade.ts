// The rolling upgrade (SYNC-PROTOCOL.md, Schema evolution): the terminals that started on the
// first release are upgraded one by one, spread over the session, each part-way through a run —
// the app quit, the same store reopened by the current app (its local migration runs), sync
// resumed at the current versions — while the run's scenario keeps the others posting and its
// network faults going.
import type { Auditor } from './check';
import type { Rng } from './rng';
import { sleep } from './rng';
import type { ChaosTerminal } from './terminals';
import type { World } from './world';

/** Which run upgrades which first-release terminal: evenly spread, in fleet order reversed (stores first). */
export function upgradePlan(world: World, runs: number): Map<number, ChaosTerminal[]> {
  const plan = new Map<number, ChaosTerminal[]>();
  const firstRelease = world.terminals.filter((t) => t.release === 'v0' && t.upgrade).reverse();
  firstRelease.forEach((t, k) => {
    const run = Math.floor(((k + 1) * runs) / (firstRelease.length + 1));
    plan.set(run, [...(plan.get(run) ?? []), t]);
  });
  return plan;
}

/**
 * Upgrades `t` after a random part of the run has gone by; returns what it did, for the run's
 * line. What it held as v0 projections is taken from the last check (which it passed at v0).
 */
export async function upgradeDuringRun(world: World, auditor: Auditor, t: ChaosTerminal, rng: Rng, run: number): Promise<string> {
  const shortAtV0 = auditor.shortAtV0(t);
  const after = rng.int(50, 700);
  await sleep(after);
  const started = Date.now();
  await t.upgrade?.();
  world.upgrades.set(t.label, { run, shortAtV0 });
  return `upgraded ${t.label} to the current release at +${after}ms in ${Date.now() - started}ms (${shortAtV0.size} documents held as v0 projections)`;
}
