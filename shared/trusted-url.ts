/**
 * URL vetting shared by the Electron main process and the web bridge.
 *
 * Every decision is made on the *parsed* URL (scheme, hostname, port, credentials), never on
 * the string: substring checks are what `https://larder.app.evil.com` and
 * `https://evil.com/larder.app` defeat.
 */

/** The part of the WHATWG URL class this module reads. */
interface ParsedUrl {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly port: string;
}

/**
 * shared/ is typechecked with lib ES2023 only, which does not declare `URL` (it comes from the
 * DOM and Node typings). Every host Larder runs in (Electron main, preload, Chromium, Node ≥ 20)
 * has the global, so it is read through `globalThis` with a local type instead of declaring a
 * global that would clash with the DOM/Node declarations in the other tsconfigs.
 */
const UrlClass = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

/** Hosts the app may open in the system browser: https only, exact host, default port. */
export const TRUSTED_EXTERNAL_HOSTS: readonly string[] = ['larder.app', 'docs.larder.app', 'github.com'];

/** Longer inputs are refused outright: no legitimate link is that long, and it bounds work. */
export const MAX_URL_LENGTH = 2048;

/**
 * Whitespace and control characters are refused before parsing: the WHATWG parser silently
 * strips tabs and newlines (`https://lar\nder.app` parses as larder.app), so the string a user
 * sees and the URL that gets opened could differ.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/;

function parse(input: unknown): ParsedUrl | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_URL_LENGTH) return null;
  if (UNSAFE_CHARS.test(input)) return null;
  try {
    return new UrlClass(input);
  } catch {
    return null;
  }
}

/**
 * Returns the normalised href of a URL that may be opened externally, or null.
 * Callers open the returned href, not their input, so what was vetted is what is opened.
 */
export function parseTrustedExternalUrl(input: unknown): string | null {
  const url = parse(input);
  if (!url) return null;
  if (url.protocol !== 'https:') return null;
  // Credentials in a link are a phishing tell (`https://larder.app@evil.com` has them too,
  // with evil.com as the host) and never needed for our sites.
  if (url.username !== '' || url.password !== '') return null;
  // The parser drops the default port (443 → ''), so anything left is a non-default port.
  if (url.port !== '') return null;
  // hostname is already lowercased and punycode-encoded by the parser, so a Cyrillic lookalike
  // becomes `xn--…` and fails the exact comparison; a trailing dot is kept and fails too.
  if (!TRUSTED_EXTERNAL_HOSTS.includes(url.hostname)) return null;
  return url.href;
}

export function isTrustedExternalUrl(input: unknown): boolean {
  return parseTrustedExternalUrl(input) !== null;
}

const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost'];

/**
 * Whether a replication endpoint URL is acceptable for pairing. The terminal token is a bearer
 * secret, so plain http is accepted only on loopback (the launcher's local endpoint); anything
 * across a network must be https. This matches the renderer's CSP `connect-src`.
 */
export function isAcceptableEndpointUrl(input: unknown): boolean {
  const url = parse(input);
  if (!url) return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.hostname === '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
}

/** Longest terminal token accepted; the endpoint issues far shorter ones. */
export const MAX_TOKEN_LENGTH = 4096;

/**
 * Runtime check of an InitialPairing from an untrusted source (process env, a `#pair=` link).
 * Tokens are opaque to the client, so only their shape is checked: visible ASCII, bounded.
 */
export function isValidInitialPairing(value: unknown): value is { endpointUrl: string; token: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { endpointUrl, token } = value as { endpointUrl?: unknown; token?: unknown };
  return (
    isAcceptableEndpointUrl(endpointUrl) &&
    typeof token === 'string' &&
    token.length > 0 &&
    token.length <= MAX_TOKEN_LENGTH &&
    /^[\x21-\x7e]+$/.test(token)
  );
}

/** The parser has already turned `127.1`, `0x7f.0.0.1` and `2130706433` into `127.0.0.1`. */
function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Whether an endpoint is reached over plain http on another computer: the terminal token and
 * every record then cross the network unencrypted, so Settings warns (a shop's own LAN may
 * still choose it). Decided on the parsed host, so `http://127.0.0.1.evil.com` is remote.
 */
export function isCleartextRemoteEndpoint(input: unknown): boolean {
  const url = parse(input);
  return url !== null && url.protocol === 'http:' && !isLoopbackHostname(url.hostname);
}
