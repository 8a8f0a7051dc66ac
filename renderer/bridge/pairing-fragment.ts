/**
 * What a browser-mode address may hand the renderer once, in its fragment (never sent to a
 * server). Pure, so it is unit-tested under Node.
 * - `#code=<one-time code>`: from `npm start` (shared/launcher-handoff.ts); exchanged at the
 *   page's own origin, so the token itself is in no URL.
 * - `#pair=<base64url of JSON {"endpointUrl","token"}>`: a pairing link anyone may have written;
 *   the renderer asks before it replaces a working pairing (renderer/sync/repair-policy.ts).
 * - `#demo=…`: the launcher's old list of every local token. No longer read — a crafted list
 *   would put another organisation's terminals in Settings — but still erased.
 */
import type { LinkPairing } from '../../shared/bridge';
import { PAIRING_CODE_PATTERN } from '../../shared/launcher-handoff';
import { isValidInitialPairing } from '../../shared/trusted-url';

export interface PairingFragment {
  /** Whether any of the parameters above was present (valid or not): either way they are erased. */
  readonly found: boolean;
  readonly pairing: LinkPairing | null;
  /** A well-formed launcher code, or null. */
  readonly code: string | null;
  /** The hash to leave in the address bar: the input without those parameters ('' when nothing remains). */
  readonly remainingHash: string;
}

const ERASED = ['pair', 'code', 'demo'] as const;

/** A generous bound: a fragment of this size is not a pairing link, and it bounds decoding work. */
const MAX_ENCODED_LENGTH = 16 * 1024;

function decodeBase64Url(encoded: string): string | null {
  if (encoded.length === 0 || encoded.length > MAX_ENCODED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4);
  try {
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    // fatal: a token corrupted into invalid UTF-8 is refused rather than silently altered.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodePairing(encoded: string | null): LinkPairing | null {
  if (encoded === null) return null;
  const json = decodeBase64Url(encoded);
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  // A fresh object: extra keys in the link are not passed on.
  return isValidInitialPairing(value) ? { endpointUrl: value.endpointUrl, token: value.token, source: 'link' } : null;
}

export function readPairingFragment(hash: string): PairingFragment {
  const none: PairingFragment = { found: false, pairing: null, code: null, remainingHash: hash };
  if (!hash.startsWith('#')) return none;
  const params = new URLSearchParams(hash.slice(1));
  if (!ERASED.some((name) => params.has(name))) return none;
  const encodedPairing = params.get('pair');
  const code = params.get('code');
  for (const name of ERASED) params.delete(name);
  const rest = params.toString();
  return {
    found: true,
    pairing: decodePairing(encodedPairing),
    code: code !== null && PAIRING_CODE_PATTERN.test(code) ? code : null,
    remainingHash: rest === '' ? '' : `#${rest}`,
  };
}
