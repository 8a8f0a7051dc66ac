// Backup and restore mid-session (SYNC-PROTOCOL.md, Epochs, backup and restore): `admin backup`
// is taken while terminals post, a few runs later the endpoint is stopped part-way through a run,
// that older backup restored (`admin restore`, a new epoch) and the endpoint started again. What
// the terminals pushed in between is gone from the endpoint; they must notice the epoch, pull again
// and push it back, and the run's check still finds nothing lost, doubled or diverged.
import type { Rng } from './rng';
import { sleep } from './rng';
import type { World } from './world';

export type RestoreStep = { kind: 'backup' } | { kind: 'restore'; takenInRun: number };

/** Runs this many apart: the restored backup misses everything of the runs between. */
const BACKUP_AGE_RUNS = 3;

/** Which runs take a backup and which restore it: up to five restores, evenly spread. */
export function restorePlan(runs: number): Map<number, RestoreStep> {
  const plan = new Map<number, RestoreStep>();
  const restores = Math.min(5, Math.max(1, Math.floor(runs / 10)));
  for (let k = 0; k < restores; k++) {
    // One run after the rolling upgrades' runs (upgrade.ts), so the two do not share one.
    const restoreRun = Math.floor(((k + 1) * runs) / (restores + 1)) + 1;
    const backupRun = Math.max(0, restoreRun - BACKUP_AGE_RUNS);
    if (restoreRun >= runs || backupRun === restoreRun || plan.has(backupRun)) continue;
    plan.set(backupRun, { kind: 'backup' });
    plan.set(restoreRun, { kind: 'restore', takenInRun: backupRun });
  }
  return plan;
}

/** Scenarios that stop the endpoint themselves: the step then waits for them to finish. */
export const TOUCHES_ENDPOINT = new Set(['endpoint-crash', 'offline-backlog-cut']);

/** Takes the backup or restores it after a random part of the run; returns what it did, for the run's line. */
export async function restoreStepDuringRun(world: World, step: RestoreStep, rng: Rng, run: number): Promise<string> {
  const after = rng.int(50, 600);
  await sleep(after);
  const started = Date.now();
  if (step.kind === 'backup') {
    const { epoch } = await world.backupEndpoint(run);
    return `backup taken at +${after}ms while serving in ${Date.now() - started}ms (epoch ${epoch.slice(0, 8)})`;
  }
  const { epoch } = await world.restoreEndpoint(step.takenInRun);
  return `restored the backup of run ${step.takenInRun} at +${after}ms in ${Date.now() - started}ms (new epoch ${epoch.slice(0, 8)})`;
}
