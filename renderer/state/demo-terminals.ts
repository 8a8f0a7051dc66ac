// The local demo organisation's terminals, handed over by `npm start` in the link's `demo`
// parameter (scripts/launcher-support.ts), so Settings can switch this window between roles.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export interface DemoTerminal {
  siteId: string;
  siteKind: 'hq' | 'kitchen' | 'store';
  siteName: string;
  token: string;
}

interface DemoTerminalsState {
  endpointUrl: string | null;
  terminals: DemoTerminal[];
  set(endpointUrl: string, terminals: DemoTerminal[]): void;
}

export const useDemoTerminals = create<DemoTerminalsState>()(
  persist((set) => ({ endpointUrl: null, terminals: [], set: (endpointUrl, terminals) => set({ endpointUrl, terminals }) }), {
    name: 'larder.demo-terminals',
    version: 1,
  }),
);

function isDemoTerminal(value: unknown): value is DemoTerminal {
  const v = value as Partial<DemoTerminal> | null;
  return (
    !!v &&
    typeof v.siteId === 'string' &&
    typeof v.siteName === 'string' &&
    typeof v.token === 'string' &&
    ['hq', 'kitchen', 'store'].includes(String(v.siteKind))
  );
}

/** Takes `demo=` out of the address bar (after the bridge took `pair=`) and keeps it. */
export function adoptDemoTerminalsFromLocation(): void {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const encoded = params.get('demo');
  if (encoded === null) return;
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  try {
    const json = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const value = JSON.parse(json) as { endpointUrl?: unknown; terminals?: unknown };
    if (typeof value.endpointUrl === 'string' && Array.isArray(value.terminals) && value.terminals.every(isDemoTerminal)) {
      useDemoTerminals.getState().set(value.endpointUrl, value.terminals);
    }
  } catch {
    // A mangled link: the demo switcher simply stays hidden.
  }
}
