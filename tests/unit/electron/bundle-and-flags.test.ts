/**
 * Properties of the Electron sources that cannot be exercised without the Electron binary:
 * the sandboxed preload bundle may require nothing but 'electron', and no file switches a
 * security default off.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function electronSources(dir = path.join(root, 'electron')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? electronSources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('electron bundles', () => {
  it('the preload requires only electron (a sandboxed preload cannot load anything else)', async () => {
    const code = await bundle('electron/preload.ts');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld("larder"');
    // Only the six capability channels are reachable; ipcRenderer itself is not exposed.
    expect(code).not.toMatch(/exposeInMainWorld\("ipcRenderer"/);
  });

  it('main bundles to CommonJS with electron external', async () => {
    const code = await bundle('electron/main.ts');
    expect(code).toContain('require("electron")');
    expect(code).toContain('registerSchemesAsPrivileged');
  });
});

describe('security defaults', () => {
  const sources = electronSources().map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8') }));

  it.each([
    /contextIsolation:\s*false/,
    /sandbox:\s*false/,
    /nodeIntegration\w*:\s*true/,
    /webviewTag:\s*true/,
    /webSecurity:\s*false/,
    /allowRunningInsecureContent:\s*true/,
  ])('no electron/ file contains %s', (pattern) => {
    expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('the locked preferences are on', () => {
    const windowTs = sources.find((s) => s.file.endsWith('window.ts'))?.text ?? '';
    for (const flag of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webviewTag: false'])
      expect(windowTs).toContain(flag);
  });

  it('shell.openExternal is only reached through the vetting functions', () => {
    const callers = sources
      .filter((s) => s.text.includes('shell.openExternal('))
      .map((s) => s.file)
      .sort();
    expect(callers).toEqual(['electron/ipc/open-external.ts', 'electron/security.ts']);
    for (const file of callers)
      expect(sources.find((s) => s.file === file)?.text).toMatch(/parseTrustedExternalUrl|decideNavigation|decideWindowOpen/);
  });
});
