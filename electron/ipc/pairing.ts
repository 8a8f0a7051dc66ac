import type { InitialPairing } from '../../shared/bridge';
import { CHANNELS } from './channels';
import { handle } from './handle';
import { noArgs } from './validate';

/** `pairing` was read from the environment at start-up (main.ts) and the variables removed. */
export function registerInitialPairing(pairing: InitialPairing | null): void {
  handle(CHANNELS.getInitialPairing, noArgs, async (): Promise<InitialPairing | null> => pairing);
}
