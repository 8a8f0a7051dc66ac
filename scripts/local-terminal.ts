// First run of `npm start`: the local endpoint gets its sites and one terminal per site, and the
// tokens (shown once by the endpoint) are kept in <data>/launcher.json, readable by this user
// only, so later runs open the same terminal without pairing again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addSite, addTerminal } from '../server/admin-ops';
import type { Storage } from '../server/storage/types';

export interface LocalTerminal {
  siteId: string;
  siteKind: 'hq' | 'kitchen' | 'store';
  siteName: string;
  terminalId: string;
  token: string;
}

interface LauncherFile {
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

export async function ensureLocalTerminals(storage: Storage, dataDir: string): Promise<LauncherFile> {
  const file = path.join(dataDir, 'launcher.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LauncherFile;
  const terminals: LocalTerminal[] = [];
  for (const site of localSites) {
    if (!(await storage.getSite(site.siteId))) await addSite(storage, { id: site.siteId, kind: site.siteKind, name: site.siteName });
    const issued = await addTerminal(storage, { siteId: site.siteId, name: `${site.siteName} · this computer` });
    terminals.push({ ...site, ...issued });
  }
  const launcher: LauncherFile = { version: 1, defaultSiteId: 'kitchen', terminals };
  writeFileSync(file, JSON.stringify(launcher, null, 2), { mode: 0o600 });
  return launcher;
}

export async function ensureLocalTerminal(storage: Storage, dataDir: string): Promise<LocalTerminal> {
  const launcher = await ensureLocalTerminals(storage, dataDir);
  const terminal = launcher.terminals.find((t) => t.siteId === launcher.defaultSiteId) ?? launcher.terminals[0];
  if (!terminal) throw new Error(`${path.join(dataDir, 'launcher.json')} lists no terminal; delete it to pair again`);
  return terminal;
}
