// An endpoint process on a data directory prepared with the demo organisation (the one a fresh
// `npm start` gets): sites hq, kitchen, store-renmin, store-riverside, one terminal each, ~200
// products and four weeks of posted history ending today.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addSite, addTerminal } from '../../server/admin-ops';
import { openStorage } from '../../server/storage';
import { seedDemoOrganisation } from '../../scripts/demo-seed';
import { localSites } from '../../scripts/local-terminal';
import { startEndpointProcess, type EndpointProcess, type EndpointProcessOptions } from './endpoint-process';

export interface DemoEndpoint {
  endpoint: EndpointProcess;
  /** Terminal token per demo site id. */
  tokens: Record<string, string>;
  terminalIds: Record<string, string>;
}

export interface DemoEndpointOptions extends Omit<EndpointProcessOptions, 'dataDir'> {
  /** The site day the history ends on (YYYY-MM-DD); default today in China. */
  today?: string;
}

/** A seeded organisation ready to copy: seeding costs seconds of CPU, a copy milliseconds. */
interface SeededTemplate {
  dataDir: string;
  tokens: Record<string, string>;
  terminalIds: Record<string, string>;
}

/**
 * One seeded data directory per history end date and process: every endpoint started from it
 * gets its own copy (its own file, port and tokens' database), so tests stay isolated while the
 * demo's ten thousand movements are generated once per run instead of once per test.
 */
const templates = new Map<string, Promise<SeededTemplate>>();
const templateDirs: string[] = [];
process.once('exit', () => templateDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function seedTemplate(today: string | undefined): Promise<SeededTemplate> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'larder-demo-template-'));
  templateDirs.push(dataDir);
  const storage = await openStorage({ dataDir });
  const tokens: Record<string, string> = {};
  const terminalIds: Record<string, string> = {};
  try {
    for (const site of localSites) {
      await addSite(storage, { id: site.siteId, kind: site.siteKind, name: site.siteName });
      const issued = await addTerminal(storage, { siteId: site.siteId, name: `${site.siteName} · test` });
      tokens[site.siteId] = issued.token;
      terminalIds[site.siteId] = issued.terminalId;
    }
    await seedDemoOrganisation(storage, { terminals: terminalIds, ...(today ? { today } : {}) });
  } finally {
    await storage.close();
  }
  return { dataDir, tokens, terminalIds };
}

export async function startDemoEndpoint({ today, ...options }: DemoEndpointOptions = {}): Promise<DemoEndpoint> {
  const key = today ?? '';
  let template = templates.get(key);
  if (!template) {
    template = seedTemplate(today);
    templates.set(key, template);
    template.catch(() => templates.delete(key));
  }
  const seeded = await template;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'larder-demo-'));
  cpSync(seeded.dataDir, dataDir, { recursive: true });
  const endpoint = await startEndpointProcess({ ...options, dataDir });
  return { endpoint, tokens: { ...seeded.tokens }, terminalIds: { ...seeded.terminalIds } };
}
