import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, isInside, resolveAppPath } from '../../../electron/app-path';

const dist = path.resolve('/opt/larder/dist');
const file = (rel: string): string => path.join(dist, rel);

describe('resolveAppPath', () => {
  it.each([
    ['app://larder/index.html', 'index.html', false],
    ['app://larder/assets/index-abc123.js', 'assets/index-abc123.js', false],
    ['app://larder/assets/logo%20small.png', 'assets/logo small.png', false],
    ['app://LARDER/assets/app.css', 'assets/app.css', false],
    ['app://larder/assets/app.css?v=2#x', 'assets/app.css', false],
    // Extension-less paths are client-side routes: SPA fallback.
    ['app://larder/', 'index.html', true],
    ['app://larder', 'index.html', true],
    ['app://larder/stock/batches', 'index.html', true],
    // The parser collapses these before the guard sees them; the result stays inside dist/.
    ['app://larder/../../etc/passwd.txt', 'etc/passwd.txt', false],
    ['app://larder/%2e%2e/%2e%2e/secret.txt', 'secret.txt', false],
    ['app://larder/assets/../index.html', 'index.html', false],
    // A doubled slash is not an absolute path: it still resolves under dist/.
    ['app://larder//etc/passwd.txt', 'etc/passwd.txt', false],
    ['app://larder/%2Fetc%2Fpasswd.txt', 'etc/passwd.txt', false],
  ])('%s → dist/%s', (url, rel, spaFallback) => {
    expect(resolveAppPath(dist, url)).toEqual({ kind: 'file', path: file(rel), spaFallback });
  });

  it.each([
    ['encoded slash traversal', 'app://larder/a%2f..%2f..%2fetc%2fpasswd'],
    ['encoded dot-dot after a slash', 'app://larder/assets%2f%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['dot-dot with encoded slashes', 'app://larder/..%2f..%2fsecret.txt'],
    ['backslash traversal', 'app://larder/..\\..\\windows\\win.ini'],
    ['encoded backslash', 'app://larder/assets%5c..%5c..%5csecret.txt'],
    ['null byte', 'app://larder/index.html%00.png'],
    ['raw null byte', 'app://larder/index.html\u0000.png'],
    ['windows drive', 'app://larder/C:/Windows/win.ini'],
    ['encoded windows drive', 'app://larder/C%3A%5CWindows%5Cwin.ini'],
    ['NTFS stream', 'app://larder/index.html:$DATA'],
    ['malformed encoding', 'app://larder/%E0%A4%A.js'],
    ['another host', 'app://evil/index.html'],
    ['print host is not served from dist', 'app://print/index.html'],
    ['another scheme', 'file:///opt/larder/dist/index.html'],
    ['https', 'https://larder/index.html'],
    ['not a URL', '../index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(dist, url).kind).toBe('forbidden');
  });

  it('never resolves outside dist/ on Windows path semantics either', () => {
    const winDist = 'C:\\Program Files\\Larder\\resources\\app.asar\\dist';
    const ok = resolveAppPath(winDist, 'app://larder/assets/app.js', path.win32);
    expect(ok).toEqual({ kind: 'file', path: `${winDist}\\assets\\app.js`, spaFallback: false });
    for (const url of [
      'app://larder/..%5C..%5Cwin.ini',
      'app://larder/C:%5Cwin.ini',
      'app://larder/%5C%5Cserver%5Cshare%5Cx.js',
      'app://larder/D:/x.js',
    ]) {
      expect(resolveAppPath(winDist, url, path.win32).kind).toBe('forbidden');
    }
  });

  it('every accepted path lies inside dist/ (fuzz over hostile segments)', () => {
    const parts = ['..', '%2e%2e', '%2E%2e', '.', '%2e', 'a', '%2f', '%5c', '', 'b.js', '....', '.%2e', '%252e%252e'];
    for (const a of parts)
      for (const b of parts)
        for (const c of parts) {
          const result = resolveAppPath(dist, `app://larder/${a}/${b}/${c}`);
          if (result.kind === 'file') expect(isInside(dist, result.path)).toBe(true);
        }
  });
});

describe('isInside', () => {
  it('distinguishes a sibling folder sharing a prefix', () => {
    expect(isInside('/opt/larder/dist', '/opt/larder/dist-evil/x.js')).toBe(false);
    expect(isInside('/opt/larder/dist', '/opt/larder/dist/x.js')).toBe(true);
    expect(isInside('/opt/larder/dist', '/opt/larder')).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('serves module scripts with a JavaScript MIME type', () => {
    expect(contentTypeFor('/d/assets/a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/d/index.HTML')).toMatch(/^text\/html/);
    expect(contentTypeFor('/d/x.unknown')).toBe('application/octet-stream');
  });
});
