// Serves a renderer build the way the endpoint does in browser mode (server/app.ts: the same
// headers, index.html as the SPA fallback), from one fixed origin whose directory the bench
// switches between builds. IndexedDB belongs to an origin, so both builds served from this one
// origin open the very same on-disk store; the endpoint runs beside it (connect-src allows
// http://127.0.0.1:*, and the endpoint answers CORS).
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { RENDERER_HEADERS } from '../../server/http/renderer-headers';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface RendererServer {
  url: string;
  /** The build served from now on. */
  serve(dir: string): void;
  close(): Promise<void>;
}

export async function startRendererServer(port: number): Promise<RendererServer> {
  let root = '';
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/').replace(/^\/+/, '');
    let file = path.join(root, path.normalize(rel || 'index.html'));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
    for (const [name, value] of Object.entries(RENDERER_HEADERS)) res.setHeader(name, value);
    res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
    // Never cached: the next build served from this origin has other bundles.
    res.setHeader('cache-control', 'no-store');
    createReadStream(file)
      .on('error', () => res.writeHead(404).end())
      .pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    serve(dir) {
      root = path.resolve(dir);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
