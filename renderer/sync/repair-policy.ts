/**
 * Whether a pairing that arrives on its own (the launcher, a `#pair=` link) may replace the one
 * this terminal has. A link is only text: anyone can write one naming their own endpoint, and a
 * terminal that silently followed it would send its site's next sales, receipts and counts to
 * another organisation. So only a new token for the same site on the same endpoint goes through;
 * anything else waits for the person at the terminal (renderer/shell/PairingNotices.tsx).
 */
import type { InitialPairing } from '../../shared/bridge';
import type { Pairing } from '../state/pairing-store';

export type RepairDecision =
  /** Store it: the terminal was not paired, or this is its own site with a new token. */
  | 'adopt'
  /** Keep the current pairing without asking (see below). */
  | 'keep'
  /** Show both pairings and keep the current one unless the person confirms. */
  | 'ask';

/**
 * `next` has been checked with the endpoint it names (whoami), so its site and organisation are
 * what that endpoint says — which is trustworthy only when it is the endpoint already in use.
 */
export function decideRepairing(current: Pairing | null, next: Pairing, source: InitialPairing['source']): RepairDecision {
  if (current === null) return 'adopt';
  const sameEndpoint = current.endpointUrl === next.endpointUrl;
  const sameOrganisation = current.orgId === next.orgId;
  if (sameEndpoint && sameOrganisation && current.siteId === next.siteId) return 'adopt';
  // `npm start` opens its window as the kitchen every time; a person who switched this window to
  // another of the launcher's sites (Settings → demo organisation) keeps that choice.
  if (source === 'launcher' && sameEndpoint && sameOrganisation) return 'keep';
  return 'ask';
}
