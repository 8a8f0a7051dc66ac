/**
 * Browser mode's hand-off from `npm start` to its Chromium window, without a token in any
 * process's command line or in the console: the launcher asks the endpoint it runs for a
 * one-time code (server/http/launcher-pairing.ts) and opens `<endpoint>/#code=<code>`; the page
 * exchanges the code once at its own origin for the pairing (renderer/bridge/launcher-code.ts).
 * A code works once and for a minute, so the copy that `ps`, a shell history or the browser's
 * history may keep is worth nothing by the time anyone reads it.
 */
import { isValidInitialPairing } from './trusted-url';

/** POST `{ "code": … }` → 200 LauncherHandoff, or a refusal (below). Only the launcher's endpoint has it. */
export const LAUNCHER_PAIRING_PATH = '/api/v1/launcher/pairing';

/** Chromium asks within a second or two; a person who copies the printed link has a minute. */
export const PAIRING_CODE_TTL_MS = 60_000;

/** 32 random bytes, base64url without padding. */
export const PAIRING_CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The answer's `error` when a code is refused (404 unknown, 410 used or expired). */
export type PairingCodeRefusal = 'pairing-code-unknown' | 'pairing-code-used' | 'pairing-code-expired';

/** One terminal the launcher created on this computer (one per site of the local organisation). */
export interface LauncherTerminal {
  readonly siteId: string;
  readonly siteKind: 'hq' | 'kitchen' | 'store';
  readonly siteName: string;
  readonly token: string;
}

export interface LauncherHandoff {
  readonly endpointUrl: string;
  /** The terminal this window opens as. */
  readonly token: string;
  /** Every local terminal, so Settings can switch this window between the demo roles. */
  readonly terminals: readonly LauncherTerminal[];
}

export function isLauncherTerminal(value: unknown): value is LauncherTerminal {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof LauncherTerminal, unknown>>;
  return (
    typeof v.siteId === 'string' &&
    typeof v.siteName === 'string' &&
    (v.siteKind === 'hq' || v.siteKind === 'kitchen' || v.siteKind === 'store') &&
    typeof v.token === 'string' &&
    v.token.length > 0
  );
}

/** Runtime check of an answer: the renderer trusts its own origin, but not blindly its shape. */
export function isLauncherHandoff(value: unknown): value is LauncherHandoff {
  if (!isValidInitialPairing(value)) return false;
  const { terminals } = value as { terminals?: unknown };
  return Array.isArray(terminals) && terminals.every(isLauncherTerminal);
}
