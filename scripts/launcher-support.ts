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

/**
 * The address the launcher opens or prints in browser mode: a one-time code in the fragment
 * (never sent in a request), which the page exchanges once for its pairing
 * (shared/launcher-handoff.ts). No token ever appears in a URL, an argv or the console.
 */
export function launcherLink(endpointUrl: string, code: string): string {
  return `${endpointUrl}/#code=${code}`;
}

/** Chromium's command line for the --app window: visible to every user in `ps`, so nothing secret. */
export function chromiumFlags(appUrl: string, profileDir: string, runningAsRoot: boolean): string[] {
  const flags = [
    `--app=${appUrl}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (runningAsRoot) flags.push('--no-sandbox'); // Chromium refuses to run as root otherwise
  return flags;
}
