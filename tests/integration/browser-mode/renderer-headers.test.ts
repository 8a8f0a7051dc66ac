// Browser mode: the endpoint serves the renderer with the same Content-Security-Policy as the
// Electron window, on every file and on the SPA fallback, and the policy forbids what an
// injected script would need: inline code, eval, foreign script and image origins, framing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { APP_CSP } from '../../../electron/csp';

/** `default-src 'self'; script-src …` → { 'default-src': ["'self'"], … } */
function directives(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) parsed.set(name, values);
  }
  return parsed;
}

describe('the renderer served by the endpoint', () => {
  let dir: string;
  let dataDir: string;
  let endpoint: RunningEndpoint;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'larder-csp-static-'));
    dataDir = mkdtempSync(join(tmpdir(), 'larder-csp-data-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Larder</title><script type="module" src="./assets/app.js"></script>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    endpoint = await startEndpoint({ dataDir, port: 0, staticDir: dir });
  });

  afterAll(async () => {
    await endpoint.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(['/', '/index.html', '/assets/app.js', '/stock/batches/42'])('sends the CSP, nosniff and no-referrer with %s', async (path) => {
    const response = await fetch(`${endpoint.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('forbids inline scripts, eval, foreign origins and framing', async () => {
    const policy = directives((await fetch(`${endpoint.url}/`)).headers.get('content-security-policy') ?? '');
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    // The token travels with every request: plain http is allowed only to loopback (and 'self').
    const connect = policy.get('connect-src') ?? [];
    expect(connect).not.toContain('*');
    expect(connect).not.toContain('http:');
    expect(connect.filter((source) => source.startsWith('http://'))).toEqual(['http://127.0.0.1:*', 'http://localhost:*']);
  });

  it('leaves the API answers alone', async () => {
    const response = await fetch(`${endpoint.url}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});
