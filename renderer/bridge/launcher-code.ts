/**
 * Browser mode: exchanges the launcher's one-time code for this window's pairing, at the page's
 * own origin (the endpoint `npm start` runs). The fetch is injected so the exchange is tested
 * under Node against the real route (tests/integration/browser-mode/pairing-code.test.ts).
 */
import type { LauncherPairing } from '../../shared/bridge';
import { isLauncherHandoff, LAUNCHER_PAIRING_PATH, type PairingCodeRefusal } from '../../shared/launcher-handoff';

/** Why a code brought no pairing; the shell says it in words (renderer/shell/PairingNotices.tsx). */
export type LauncherCodeProblem = PairingCodeRefusal | 'unreachable' | 'unexpected';

export type LauncherCodeOutcome =
  { readonly status: 'paired'; readonly pairing: LauncherPairing } | { readonly status: 'refused'; readonly problem: LauncherCodeProblem };

const REFUSALS: readonly string[] = ['pairing-code-unknown', 'pairing-code-used', 'pairing-code-expired'] satisfies PairingCodeRefusal[];

function isRefusal(value: unknown): value is PairingCodeRefusal {
  return typeof value === 'string' && REFUSALS.includes(value);
}

export async function redeemLauncherCode(code: string, origin: string, fetchImpl: typeof fetch = fetch): Promise<LauncherCodeOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(`${origin}${LAUNCHER_PAIRING_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      // The answer holds tokens: no cache may keep it.
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return { status: 'refused', problem: 'unreachable' };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok && isLauncherHandoff(body)) {
    return {
      status: 'paired',
      pairing: { source: 'launcher', endpointUrl: body.endpointUrl, token: body.token, terminals: body.terminals },
    };
  }
  const reason = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return { status: 'refused', problem: isRefusal(reason) ? reason : 'unexpected' };
}
