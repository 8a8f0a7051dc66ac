// `npm start` keeps every local terminal's token in launcher.json, readable by this user only, in
// a data directory others cannot list; and what it puts on Chromium's command line (which `ps`
// shows every user) holds a one-time code, never a token.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../../server/storage/index';
import { PairingCodeBook } from '../../../server/http/launcher-pairing';
import { chromiumFlags, launcherLink } from '../../../scripts/launcher-support';
import { ensureLocalTerminals, launcherFilePath, restrictToOwner } from '../../../scripts/local-terminal';

const modeOf = (target: string) => statSync(target).mode & 0o777;
const posix = process.platform !== 'win32';

describe('the launcher’s files', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'larder-launcher-files-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it.runIf(posix)('makes a data directory others can read private, and leaves a private one alone', () => {
    const dir = join(fresh(), 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    expect(restrictToOwner(dir)).toBe(true);
    expect(modeOf(dir)).toBe(0o700);
    expect(restrictToOwner(dir)).toBe(false);
  });

  it.runIf(posix)('writes launcher.json as 0600 and tightens one that came back readable by others', async () => {
    vi.stubEnv('LARDER_NO_DEMO', '1');
    const dir = fresh();
    const storage = await openStorage({ dataDir: join(dir, 'endpoint') });
    try {
      const launcher = await ensureLocalTerminals(storage, dir);
      // An empty organisation's first run: HQ alone, which then sets up its own sites.
      expect(launcher.terminals.map((t) => t.siteId)).toEqual(['hq']);
      expect(launcher.defaultSiteId).toBe('hq');
      expect(modeOf(launcherFilePath(dir))).toBe(0o600);
      chmodSync(launcherFilePath(dir), 0o644);
      expect(await ensureLocalTerminals(storage, dir)).toEqual(launcher);
      expect(modeOf(launcherFilePath(dir))).toBe(0o600);
    } finally {
      await storage.close();
    }
  });

  it('puts a one-time code on Chromium’s command line, not a token', () => {
    const token = 'tok_kitchen-secret';
    const codes = new PairingCodeBook();
    const url = launcherLink('http://127.0.0.1:4455', codes.issue({ endpointUrl: 'http://127.0.0.1:4455', token, terminals: [] }));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4455\/#code=[A-Za-z0-9_-]{43}$/);
    const argv = chromiumFlags(url, '/home/x/.local/share/larder/browser-profile', false);
    expect(argv).toContain(`--app=${url}`);
    expect(argv.join(' ')).not.toContain(token);
    expect(argv).not.toContain('--no-sandbox');
    expect(chromiumFlags(url, '/root/p', true)).toContain('--no-sandbox');
  });
});

// A copy brought back from a backup or another system may be 0666: only the owner's bits stay.
it.runIf(posix)('a file written with a loose mode is tightened to owner-only bits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'larder-launcher-mode-'));
  try {
    const file = join(dir, 'launcher.json');
    writeFileSync(file, '{}', { mode: 0o666 });
    chmodSync(file, 0o666);
    expect(restrictToOwner(file)).toBe(true);
    expect(modeOf(file)).toBe(0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
