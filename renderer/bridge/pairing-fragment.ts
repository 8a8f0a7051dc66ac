/**
 * Browser mode's launcher pairing: `#pair=<base64url of JSON {"endpointUrl","token"}>`
 * (written by scripts/launcher-support.ts). Pure, so it is unit-tested under Node.
 */
import type { InitialPairing } from '../../shared/bridge';
import { isValidInitialPairing } from '../../shared/trusted-url';

export interface PairingFragment {
  /** Whether a `pair` parameter was present at all (valid or not): either way it is erased. */
  readonly found: boolean;
  readonly pairing: InitialPairing | null;
  /** The hash to leave in the address bar: the input without `pair` ('' when nothing remains). */
  readonly remainingHash: string;
}

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

export function readPairingFragment(hash: string): PairingFragment {
  if (!hash.startsWith('#')) return { found: false, pairing: null, remainingHash: hash };
  const params = new URLSearchParams(hash.slice(1));
  const encoded = params.get('pair');
  if (encoded === null) return { found: false, pairing: null, remainingHash: hash };
  params.delete('pair');
  const rest = params.toString();
  const remainingHash = rest === '' ? '' : `#${rest}`;

  const json = decodeBase64Url(encoded);
  let value: unknown = null;
  if (json !== null) {
    try {
      value = JSON.parse(json);
    } catch {
      value = null;
    }
  }
  if (!isValidInitialPairing(value)) return { found: true, pairing: null, remainingHash };
  // A fresh object: extra keys in the link are not passed on.
  return { found: true, pairing: { endpointUrl: value.endpointUrl, token: value.token }, remainingHash };
}
