/**
 * Content-Security-Policy headers set on app:// responses (pure strings, no electron import).
 */

import { RENDERER_CSP } from '../shared/renderer-csp';

/** The renderer: the same policy the endpoint sends in browser mode (shared/renderer-csp.ts). */
export const APP_CSP = RENDERER_CSP;

/**
 * Print documents (app://print/<id>). They are data to render, not code: no scripts, no network,
 * no frames; images and fonts inline or from the app bundle (a logo) only.
 */
export const PRINT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline' app:",
  'img-src data: blob: app:',
  'font-src data: app:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
