/**
 * Pure part of the app:// protocol: which file a request maps to. No `electron` import, so the
 * path-traversal guard is unit-tested under plain Node (tests/unit/electron/app-path.test.ts).
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
/** The renderer's host: `app://larder/…` is its origin. */
export const APP_HOST = 'larder';
/** One-shot print documents are served from `app://print/<id>` (see print-jobs.ts). */
export const PRINT_HOST = 'print';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type AppPathResolution =
  { readonly kind: 'file'; readonly path: string; readonly spaFallback: boolean } | { readonly kind: 'forbidden'; readonly reason: string };

/** The subset of node:path used, so tests can pass `path.win32` and check Windows semantics. */
type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'join'>;

/** True when `target` is `root` itself or lies beneath it. */
export function isInside(root: string, target: string, api: PathApi = path): boolean {
  const rel = api.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !api.isAbsolute(rel));
}

// Backslashes are separators on Windows; `:` is a drive (`C:`) or an NTFS stream (`a.js:x`).
// Neither appears in a Vite build's asset names, so refusing them costs nothing.
const FORBIDDEN_CHARS = /[\\:\0]/;

/**
 * Maps an `app://larder/…` URL to a file under `distDir`, or refuses it.
 *
 * The URL parser already collapses `..` and `%2e%2e` segments, but decoding happens after
 * parsing, so `a%2f..%2f..%2fetc` would become a traversal: segments are therefore checked
 * again after decoding, and the resolved path must still lie inside `distDir` (belt and braces).
 * Extension-less paths are client-side routes and fall back to index.html (SPA).
 */
export function resolveAppPath(distDir: string, requestUrl: string, api: PathApi = path): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'forbidden', reason: 'malformed-url' };
  }
  // Node leaves a non-special scheme's host as written; Chromium lowercases standard schemes.
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) {
    return { kind: 'forbidden', reason: 'wrong-origin' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'forbidden', reason: 'malformed-encoding' };
  }
  if (FORBIDDEN_CHARS.test(decoded)) return { kind: 'forbidden', reason: 'forbidden-character' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return { kind: 'forbidden', reason: 'dot-segment' };

  const last = segments.at(-1);
  const spaFallback = last === undefined || !last.includes('.');
  const relativeParts = spaFallback ? ['index.html'] : segments;

  const root = api.resolve(distDir);
  const resolved = api.resolve(root, ...relativeParts);
  if (resolved === root || !isInside(root, resolved, api)) {
    return { kind: 'forbidden', reason: 'outside-root' };
  }
  return { kind: 'file', path: resolved, spaFallback };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts are refused by Chromium without a JavaScript MIME type, hence an explicit map. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
