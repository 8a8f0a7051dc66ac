// How HQ's fleet view judges a terminal: the rule lives here, not in the table, so it is tested.
import type { FleetTerminal } from '../../../shared/protocol/admin';

export type FleetHealth = 'revoked' | 'never' | 'silent' | 'refused' | 'ok';

/** A terminal that has not called for longer than this is shown as silent. */
export const SILENT_AFTER_MS = 24 * 60 * 60 * 1000;

export function fleetHealth(terminal: FleetTerminal, now: number): FleetHealth {
  if (terminal.revokedAt !== null) return 'revoked';
  if (terminal.lastSeenAt === null) return 'never';
  if (now - Date.parse(terminal.lastSeenAt) > SILENT_AFTER_MS) return 'silent';
  if ((terminal.refused ?? 0) > 0) return 'refused';
  return 'ok';
}

/** Whether the row asks for attention (highlighted): silent for over a day, or holding refused records. */
export function needsAttention(terminal: FleetTerminal, now: number): boolean {
  if (terminal.revokedAt !== null) return false;
  const health = fleetHealth(terminal, now);
  return health === 'silent' || health === 'never' || (terminal.refused ?? 0) > 0;
}

export function fleetSummary(terminals: readonly FleetTerminal[], now: number): { total: number; silent: number; refused: number } {
  const active = terminals.filter((terminal) => terminal.revokedAt === null);
  return {
    total: active.length,
    silent: active.filter((terminal) => ['silent', 'never'].includes(fleetHealth(terminal, now))).length,
    refused: active.filter((terminal) => (terminal.refused ?? 0) > 0).length,
  };
}
