import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { WhoAmI } from '../sync/endpoint-api';

export interface Pairing extends WhoAmI {
  endpointUrl: string;
  token: string;
  pairedAt: string;
}

interface PairingState {
  pairing: Pairing | null;
  setPairing(pairing: Pairing): void;
  clearPairing(): void;
}

// The token is this terminal's credential; it lives in the terminal's own profile storage,
// as a desktop app's config file would.
export const usePairingStore = create<PairingState>()(
  persist(
    (set) => ({
      pairing: null,
      setPairing: (pairing) => set({ pairing }),
      clearPairing: () => set({ pairing: null }),
    }),
    { name: 'larder.pairing', version: 1 },
  ),
);
