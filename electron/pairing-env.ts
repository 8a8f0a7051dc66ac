/**
 * Reading the launcher's pairing from the environment (pure, unit-tested).
 */
import type { LauncherPairing } from '../shared/bridge';
import { isValidInitialPairing } from '../shared/trusted-url';

export const PAIRING_ENV_KEYS = { endpointUrl: 'LARDER_ENDPOINT_URL', token: 'LARDER_TERMINAL_TOKEN' } as const;

export interface PairingFromEnv {
  readonly pairing: LauncherPairing | null;
  /** Why a pairing that was (partly) supplied was refused; null when fine or absent. */
  readonly problem: string | null;
}

export function readPairingFromEnv(env: Readonly<Record<string, string | undefined>>): PairingFromEnv {
  const endpointUrl = env[PAIRING_ENV_KEYS.endpointUrl];
  const token = env[PAIRING_ENV_KEYS.token];
  if (endpointUrl === undefined && token === undefined) return { pairing: null, problem: null };
  if (endpointUrl === undefined || token === undefined) {
    return { pairing: null, problem: `both ${PAIRING_ENV_KEYS.endpointUrl} and ${PAIRING_ENV_KEYS.token} are needed` };
  }
  const candidate = { endpointUrl: endpointUrl.trim(), token: token.trim() };
  if (!isValidInitialPairing(candidate)) {
    return { pairing: null, problem: 'endpoint must be https (or http on 127.0.0.1/localhost) and the token visible ASCII' };
  }
  return { pairing: { source: 'launcher', ...candidate }, problem: null };
}

/**
 * Reads the pairing, then removes both variables from `env` so the token is not inherited by
 * any process the app spawns later (printer drivers, the system browser, crash reporters).
 */
export function takePairingFromEnv(env: Record<string, string | undefined>): PairingFromEnv {
  const result = readPairingFromEnv(env);
  delete env[PAIRING_ENV_KEYS.endpointUrl];
  delete env[PAIRING_ENV_KEYS.token];
  return result;
}
