// First run of `npm start`: the local endpoint gets its sites and one terminal per site, and the
// tokens (shown once by the endpoint) are kept in <data>/launcher.json, readable by this user
// only, so later runs open the same terminal without pairing again. The tokens are never
// printed: a person who needs one reads that file.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addSite, addTerminal } from '../server/admin-ops';
import type { Storage } from '../server/storage/types';
import { seedDemoOrganisation } from './demo-seed';

export interface LocalTerminal {
  siteId: string;
  siteKind: 'hq' | 'kitchen' | 'store';
  siteName: string;
  terminalId: string;
  token: string;
}

export interface LauncherFile {
  version: 1;
  defaultSiteId: string;
  terminals: LocalTerminal[];
}

export const localSites: readonly Omit<LocalTerminal, 'terminalId' | 'token'>[] = [
  { siteId: 'hq', siteKind: 'hq', siteName: '总部 HQ' },
  { siteId: 'kitchen', siteKind: 'kitchen', siteName: '中央厨房 Central kitchen' },
  { siteId: 'store-renmin', siteKind: 'store', siteName: '人民路店 Renmin Rd store' },
  { siteId: 'store-riverside', siteKind: 'store', siteName: '滨江店 Riverside store' },
];

export function launcherFilePath(dataDir: string): string {
  return path.join(dataDir, 'launcher.json');
}

/**
 * Takes group and other permissions off `target` when it has any: the data directory holds the
 * endpoint's database and every local terminal's token. Returns whether it changed anything, so
 * the launcher can say so. (Windows has no such bits; its per-user profile folder protects it.)
 */
export function restrictToOwner(target: string): boolean {
  if (process.platform === 'win32') return false;
  const current = statSync(target).mode & 0o777;
  if ((current & 0o077) === 0) return false;
  chmodSync(target, current & 0o700);
  return true;
}

export async function ensureLocalTerminals(storage: Storage, dataDir: string): Promise<LauncherFile> {
  const file = launcherFilePath(dataDir);
  if (existsSync(file)) {
    // A copy restored from a backup or an older version may have come back readable by others.
    restrictToOwner(file);
    return JSON.parse(readFileSync(file, 'utf8')) as LauncherFile;
  }
  const terminals: LocalTerminal[] = [];
  // LARDER_NO_DEMO=1: a real organisation's first run. Only HQ exists; it opens on Getting started
  // and adds its own kitchens and stores (each with its zone) and pairs their terminals.
  const empty = process.env.LARDER_NO_DEMO === '1';
  for (const site of empty ? localSites.filter((s) => s.siteKind === 'hq') : localSites) {
    if (!(await storage.getSite(site.siteId))) await addSite(storage, { id: site.siteId, kind: site.siteKind, name: site.siteName });
    const issued = await addTerminal(storage, { siteId: site.siteId, name: `${site.siteName} · this computer` });
    terminals.push({ ...site, ...issued });
  }
  // First run only (no launcher.json yet): a fresh data directory opens on a working organisation.
  if (!empty) {
    const seeded = await seedDemoOrganisation(storage, { terminals: Object.fromEntries(terminals.map((t) => [t.siteId, t.terminalId])) });
    const count = (n: number) => n.toLocaleString('en-US');
    console.log(
      `larder: seeded the demo organisation (${count(seeded.products)} products, ${count(seeded.movements)} movements) in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
  }
  const launcher: LauncherFile = { version: 1, defaultSiteId: empty ? 'hq' : 'kitchen', terminals };
  // `mode` applies on creation (and the umask can only narrow it): the file is never readable by others.
  writeFileSync(file, JSON.stringify(launcher, null, 2), { mode: 0o600 });
  return launcher;
}
