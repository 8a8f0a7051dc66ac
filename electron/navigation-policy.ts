/**
 * Pure decisions behind security.ts (no electron import, unit-tested): what a web contents may
 * navigate to, open, ask permission for, and which frames may call the bridge.
 */
import { parseTrustedExternalUrl } from '../shared/trusted-url';
import { APP_HOST, APP_SCHEME, PRINT_HOST } from './app-path';

function parseOrNull(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isAppOrigin(url: unknown, host: string): boolean {
  const parsed = parseOrNull(url);
  // Compared case-insensitively: Chromium lowercases standard-scheme hosts, Node does not.
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === host;
}

/** The renderer's own origin, app://larder. */
export function isAppUrl(url: unknown): boolean {
  return isAppOrigin(url, APP_HOST);
}

export function isPrintJobUrl(url: unknown): boolean {
  return isAppOrigin(url, PRINT_HOST);
}

export type NavigationDecision =
  { readonly action: 'allow' } | { readonly action: 'open-external'; readonly url: string } | { readonly action: 'deny' };

/**
 * In-app navigation (a reload, a link to another app:// page) stays; a vetted external link
 * goes to the system browser; everything else (http pages, file:, javascript:, data:) is denied.
 */
export function decideNavigation(url: unknown): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' };
  return decideWindowOpen(url);
}

/** New windows are never created in-app: vetted links open externally, the rest is denied. */
export function decideWindowOpen(url: unknown): NavigationDecision {
  const trusted = parseTrustedExternalUrl(url);
  return trusted === null ? { action: 'deny' } : { action: 'open-external', url: trusted };
}

/**
 * Only the renderer served from app://larder may call the bridge: a frame from elsewhere (an
 * injected iframe, a print document) is refused even though it shares the process.
 */
export function isTrustedIpcSender(frameUrl: unknown): boolean {
  return isAppUrl(frameUrl);
}

/** Permissions the renderer uses; everything else (camera, geolocation, midi …) is denied. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: unknown): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
