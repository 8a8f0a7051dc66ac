// What the shell must tell the person about pairings that arrived on their own: a re-pairing
// that waits for a yes (renderer/sync/repair-policy.ts), or a launcher link that brought none.
// Not persisted: a prompt lost to a reload leaves the current pairing, the safe answer.
import { create } from 'zustand';
import type { LauncherTerminal } from '../../shared/launcher-handoff';
import type { LauncherCodeProblem } from '../bridge/launcher-code';
import type { Pairing } from './pairing-store';

export interface PendingRepairing {
  readonly pairing: Pairing;
  /** The launcher's local terminals, adopted with the pairing if the person confirms. */
  readonly terminals: readonly LauncherTerminal[] | null;
}

interface PairingNoticesState {
  pending: PendingRepairing | null;
  launcherProblem: LauncherCodeProblem | null;
  offer(pending: PendingRepairing): void;
  settle(): void;
  reportLauncherProblem(problem: LauncherCodeProblem | null): void;
}

export const usePairingNotices = create<PairingNoticesState>()((set) => ({
  pending: null,
  launcherProblem: null,
  offer: (pending) => set({ pending }),
  settle: () => set({ pending: null }),
  reportLauncherProblem: (launcherProblem) => set({ launcherProblem }),
}));
