/**
 * The renderer's Content-Security-Policy, one string for both hosts: electron/protocol.ts sends
 * it with app:// files, and the endpoint sends it with the HTML it serves in browser mode
 * (server/http/renderer-headers.ts). `'self'` is app://larder in one and the endpoint in the
 * other; everything else is the same, so the two cannot drift apart.
 *
 * - Scripts come from the bundle alone: no inline script, no eval (the build needs neither).
 * - Ant Design injects <style> elements at run time, hence 'unsafe-inline' for styles only.
 * - connect-src: the page's own origin (browser mode's endpoint, even across a LAN), the
 *   launcher's local endpoint on any port, and https endpoints across the network — never plain
 *   http to another host, because the terminal token travels with every request.
 * - Images: the bundle, QR codes and photos as data:/blob: URLs; nothing from foreign origins.
 */
export const RENDERER_CSP = [
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
