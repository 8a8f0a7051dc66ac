/**
 * Headers for the renderer the endpoint serves in browser mode (the static route in app.ts).
 * The CSP is the Electron window's own (shared/renderer-csp.ts): a page that can run no inline
 * script and reach no foreign origin cannot be turned against the token it holds.
 */
import { RENDERER_CSP } from '../../shared/renderer-csp.js';

export const RENDERER_HEADERS = {
  'content-security-policy': RENDERER_CSP,
  // A file served as the wrong type must not be sniffed into a script or a page.
  'x-content-type-options': 'nosniff',
  // Screens' URLs carry nothing secret, but nothing about them needs to leave either.
  'referrer-policy': 'no-referrer',
} as const;

/** For @fastify/static's `setHeaders`, which hands over the raw response (typed by what is used). */
export function setRendererHeaders(res: { setHeader(name: string, value: string): unknown }): void {
  for (const [name, value] of Object.entries(RENDERER_HEADERS)) res.setHeader(name, value);
}
