// The local demo organisation's terminals, handed over by `npm start` with this window's pairing
// (shared/launcher-handoff.ts), so Settings can switch this window between roles.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { LauncherTerminal } from '../../shared/launcher-handoff';

export type DemoTerminal = LauncherTerminal;

interface DemoTerminalsState {
  endpointUrl: string | null;
  terminals: readonly DemoTerminal[];
  set(endpointUrl: string, terminals: readonly DemoTerminal[]): void;
}

export const useDemoTerminals = create<DemoTerminalsState>()(
  persist((set) => ({ endpointUrl: null, terminals: [], set: (endpointUrl, terminals) => set({ endpointUrl, terminals }) }), {
    name: 'larder.demo-terminals',
    version: 1,
  }),
);
