/**
 * The app:// protocol: the renderer's files from dist/ (app://larder/…) and one-shot print
 * documents (app://print/<id>), each with its CSP. The pure path guard lives in app-path.ts.
 */
import { protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME, PRINT_HOST, contentTypeFor, isInside, resolveAppPath } from './app-path';
import { APP_CSP, PRINT_CSP } from './csp';
import type { PrintJobStore } from './print-jobs';

export { resolveAppPath, APP_ENTRY_URL } from './app-path';

/**
 * Must run before `app` is ready. `standard` gives app:// real origins and relative URL
 * resolution, `secure` makes it a secure context (IndexedDB, crypto.subtle), `supportFetchAPI`
 * and `corsEnabled` let the bundle fetch its own assets and modules.
 */
export function registerAppSchemePrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' } as const;

function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function serveAppFile(distDir: string, realDistDir: string, requestUrl: string): Promise<Response> {
  const resolved = resolveAppPath(distDir, requestUrl);
  if (resolved.kind === 'forbidden') return textResponse(403, 'Forbidden');
  try {
    // A symlink inside dist/ could point outside it; the real path is checked again.
    const real = await realpath(resolved.path);
    if (!isInside(realDistDir, real) || !(await stat(real)).isFile()) return textResponse(404, 'Not found');
    const body = await readFile(real);
    return new Response(body, {
      status: 200,
      headers: { ...COMMON_HEADERS, 'Content-Type': contentTypeFor(real), 'Content-Security-Policy': APP_CSP },
    });
  } catch {
    return textResponse(404, 'Not found');
  }
}

/** Must run after `app` is ready, before the first window loads. */
export async function registerAppProtocol(distDir: string, printJobs: PrintJobStore): Promise<void> {
  // Resolved once: dist/ does not move while the app runs, and a missing dist/ fails loudly here.
  const realDistDir = await realpath(distDir);
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    let host: string;
    try {
      host = new URL(request.url).host.toLowerCase();
    } catch {
      return textResponse(400, 'Bad request');
    }
    if (host === APP_HOST) return serveAppFile(distDir, realDistDir, request.url);
    if (host === PRINT_HOST) {
      const html = printJobs.take(request.url);
      if (html === undefined) return textResponse(404, 'Not found');
      return new Response(html, {
        status: 200,
        headers: { ...COMMON_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP },
      });
    }
    return textResponse(403, 'Forbidden');
  });
}
