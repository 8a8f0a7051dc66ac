// The demo organisation for a fresh `npm start`: the catalog and a few weeks of history are
// built in memory by shared/demo (posted through the ledger rules) and written here, collection
// by collection, through the same validating path as any seed (seedDocuments).
import { seedDocuments } from '../server/admin-ops';
import type { Storage } from '../server/storage/types';
import { buildDemoCatalog } from '../shared/demo/catalog';
import { generateDemoHistory } from '../shared/demo/history';
import { addDays, businessDateInZone, DEFAULT_SITE_TIME_ZONE } from '../shared/domain';

export interface DemoSeedOptions {
  /** Business date the history ends on (YYYY-MM-DD); defaults to today in China (UTC+8). */
  today?: string;
  /** Terminal id per site id: documents and movements name the terminal that wrote them. */
  terminals: Readonly<Record<string, string>>;
  days?: number;
  seed?: number;
}

export interface DemoSeedResult {
  products: number;
  movements: number;
  documents: number;
  /** Every document written, all collections together. */
  written: number;
  ms: number;
}

/** Rows per call: seedDocuments compiles its validators per call, so few large chunks are cheaper (SQLite takes 10,000 rows in one transaction easily). */
const CHUNK = 10_000;

/** Today at the demo's sites (all in the default zone), whatever the computer's zone. */
export function chinaToday(now = new Date()): string {
  return businessDateInZone(now, DEFAULT_SITE_TIME_ZONE);
}

async function writeAll(storage: Storage, collection: string, docs: readonly object[]): Promise<number> {
  for (let start = 0; start < docs.length; start += CHUNK) {
    await seedDocuments(storage, collection, docs.slice(start, start + CHUNK));
  }
  return docs.length;
}

/**
 * Seeds reference data and history into an endpoint whose sites already exist (their `sites`
 * documents are the endpoint's own mirrors, so none are written here).
 */
export async function seedDemoOrganisation(storage: Storage, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const started = performance.now();
  const today = options.today ?? chinaToday();
  // Reference data dated before the first day of history, as if HQ had set it up then.
  const setUpAt = `${addDays(today, -((options.days ?? 28) + 2))}T01:00:00.000Z`;
  const catalog = buildDemoCatalog({ updatedAt: setUpAt });
  const history = generateDemoHistory(catalog, {
    today,
    terminals: options.terminals,
    ...(options.days === undefined ? {} : { days: options.days }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  let written = 0;
  written += await writeAll(storage, 'config', catalog.config);
  written += await writeAll(storage, 'partners', catalog.partners);
  written += await writeAll(storage, 'products', catalog.products);
  written += await writeAll(storage, 'batches', history.batches);
  written += await writeAll(storage, 'documents', history.documents);
  written += await writeAll(storage, 'movements', history.movements);
  written += await writeAll(storage, 'journal', history.journal);
  written += await writeAll(storage, 'events', history.events);
  return {
    products: catalog.products.length,
    movements: history.movements.length,
    documents: history.documents.length,
    written,
    ms: performance.now() - started,
  };
}
