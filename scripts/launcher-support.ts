import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where a desktop app keeps its data on each OS. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Larder');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Larder');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'larder');
}

export async function findFreePort(preferred: number, host: string, attempts = 20): Promise<number> {
  for (let port = preferred; port < preferred + attempts; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, host, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${preferred}–${preferred + attempts - 1} on ${host}; pass --port`);
}

/** The Electron binary's path, or the reason there is none (the npm package without its download). */
export function locateElectron(): { binary: string | null; reason: string } {
  try {
    // The electron package exports the binary's path; it throws when the download never happened.
    const binary: unknown = createRequire(import.meta.url)('electron');
    if (typeof binary === 'string' && existsSync(binary)) return { binary, reason: '' };
    return { binary: null, reason: 'the Electron binary is not installed' };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { binary: null, reason: `the Electron binary is not installed (${detail})` };
  }
}

export function findChromium(): string | null {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return null;
  const candidates = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

export interface DemoTerminalLink {
  siteId: string;
  siteKind: 'hq' | 'kitchen' | 'store';
  siteName: string;
  token: string;
}

/**
 * The renderer's web bridge reads and then erases `pair` (renderer/bridge/web-bridge.ts); `demo`
 * lists the other local terminals so Settings can switch this window between the demo roles.
 */
export function pairingFragment(endpointUrl: string, token: string, demoTerminals: readonly DemoTerminalLink[] = []): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const demo = demoTerminals.length ? `&demo=${encode({ endpointUrl, terminals: demoTerminals })}` : '';
  return `#pair=${encode({ endpointUrl, token })}${demo}`;
}
