// HQ's organisation set-up over the wire (SYNC-PROTOCOL.md v1.2, "Sites and terminals from HQ"):
// the shapes the endpoint's admin routes take and answer. HQ tokens only; the admin command line
// does the same on the server's own computer.

export type AdminSiteKind = 'hq' | 'kitchen' | 'store';

/** `POST /api/v1/sites`. */
export interface SiteCreateRequest {
  id: string;
  name: string;
  kind: AdminSiteKind;
  /** IANA zone (`Asia/Shanghai`); the site's business dates and printed times follow it. */
  timeZone: string;
}

/** `PUT /api/v1/sites/<id>`: the admin-managed fields, both given (the kind never changes). */
export interface SiteUpdateRequest {
  name: string;
  timeZone: string;
}

export interface SiteAnswer {
  id: string;
  name: string;
  kind: AdminSiteKind;
  timeZone: string;
}

/** `POST /api/v1/terminals`. */
export interface TerminalCreateRequest {
  siteId: string;
  name: string;
}

/** The one answer that carries a token: it is stored only as a hash, so it is never shown again. */
export interface TerminalCreated {
  terminalId: string;
  siteId: string;
  name: string;
  token: string;
}

/** `PUT /api/v1/terminal-status` (at most once a minute). */
export interface TerminalStatusReport {
  pending: number;
  refused: number;
}

/** One row of `GET /api/v1/terminals`: never a token or its hash. */
export interface FleetTerminal {
  terminalId: string;
  siteId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  /** Last authenticated request (to the minute), or null when it never called. */
  lastSeenAt: string | null;
  appVersion: string | null;
  /** Per collection, as its last stream or status request said (`{"documents":2,…}`). */
  schemaVersions: Record<string, number> | null;
  /** From its last status report; null before the first. */
  pending: number | null;
  refused: number | null;
  statusAt: string | null;
}

export interface FleetAnswer {
  terminals: FleetTerminal[];
}

/**
 * The pairing link a new terminal opens (browser mode reads it in renderer/bridge/pairing-fragment.ts):
 * `<endpoint>/#pair=<base64url of {"endpointUrl","token"}>`. Built by HQ from the endpoint URL it
 * uses itself, which the endpoint cannot know behind a proxy. The fragment never reaches a server.
 */
export function pairingLink(endpointUrl: string, token: string): string {
  return `${endpointUrl}/#pair=${base64Url(utf8(JSON.stringify({ endpointUrl, token })))}`;
}

// shared/ is typechecked with lib ES2023 only (no TextEncoder or btoa; see shared/trusted-url.ts),
// so the few bytes of a link are encoded here.
function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const c = char.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64Url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    const chars = [n >> 18, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((k) => BASE64URL[k]);
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('');
  }
  return out;
}
