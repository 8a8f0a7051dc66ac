// An endpoint process on a data directory prepared with the demo organisation (the one a fresh
// `npm start` gets): sites hq, kitchen, store-renmin, store-riverside, one terminal each, ~200
// products and four weeks of posted history ending today.
import { mkdtempSync } from 'node:fs';
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

export async function startDemoEndpoint({ today, ...options }: DemoEndpointOptions = {}): Promise<DemoEndpoint> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'larder-demo-'));
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
  const endpoint = await startEndpointProcess({ ...options, dataDir });
  return { endpoint, tokens, terminalIds };
}
