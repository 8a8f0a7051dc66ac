/**
 * Content-Security-Policy headers set on app:// responses (pure strings, no electron import).
 */

/**
 * The renderer. Ant Design injects <style> elements at run time, hence 'unsafe-inline' for
 * styles only; scripts come from the bundle alone. connect-src allows the launcher's local
 * endpoint (any port) and https endpoints across the network — never plain http off loopback,
 * because the terminal token travels with every request.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http://127.0.0.1:* http://localhost:* https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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
