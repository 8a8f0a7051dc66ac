/**
 * Start-up: the pairing the launcher or a link handed over is checked with its endpoint, then
 * stored, kept aside, or offered to the person (renderer/sync/repair-policy.ts decides which).
 */
import type { InitialPairing } from '../../shared/bridge';
import { usePairingNotices } from '../state/pairing-notices';
import { usePairingStore, type Pairing } from '../state/pairing-store';
import { useDemoTerminals } from '../state/demo-terminals';
import { pairTerminal } from './pairing';
import { decideRepairing } from './repair-policy';

export async function adoptInitialPairing(
  initial: InitialPairing | null,
  check: (endpointUrl: string, token: string) => Promise<Pairing> = pairTerminal,
): Promise<void> {
  if (!initial) return;
  const terminals = initial.source === 'launcher' ? (initial.terminals ?? null) : null;
  const current = usePairingStore.getState().pairing;
  if (current && current.token === initial.token && current.endpointUrl === initial.endpointUrl) {
    if (terminals) useDemoTerminals.getState().set(initial.endpointUrl, terminals);
    return;
  }
  let next: Pairing;
  try {
    next = await check(initial.endpointUrl, initial.token);
  } catch (error) {
    console.error('larder: the handed-over pairing was refused by its endpoint', error);
    return;
  }
  const decision = decideRepairing(current, next, initial.source);
  if (decision === 'ask') {
    usePairingNotices.getState().offer({ pairing: next, terminals });
    return;
  }
  if (decision === 'adopt') usePairingStore.getState().setPairing(next);
  if (terminals) useDemoTerminals.getState().set(next.endpointUrl, terminals);
}
