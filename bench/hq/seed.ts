// Seeds an endpoint's database for bench/hq.ts and prints the tokens as one JSON line. Run with
// tsx *inside the root being measured* (this tree, or the baseline's copy of main), so each is
// seeded by its own storage code: `tsx bench/hq/seed.ts <plan.json>`. Imports only what main
// had at the baseline commit (admin-ops, storage/index).
import { readFileSync } from 'node:fs';
import { addSite, addTerminal, seedDocuments } from '../../server/admin-ops';
import { openStorage } from '../../server/storage/index';

export interface SeedPlan {
  dataDir: string;
  databaseUrl?: string;
  pgSchema?: string;
  stores: number;
  terminalsPerStore: number;
  /** Kitchen movements seeded before the run (none readable by any store: the empty-pull case). */
  kitchenRows: number;
}

export interface SeedTokens {
  hq: string;
  kitchen: string;
  /** Per store id, its terminals' tokens. */
  stores: Record<string, string[]>;
}

export const storeId = (n: number): string => `store-${String(n).padStart(5, '0')}`;

export function kitchenMovement(n: number): Record<string, unknown> {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return {
    id: `seed-${n}`,
    siteId: 'kitchen',
    productId: `p-${n % 50}`,
    batchId: `b-${n % 200}`,
    qty: 1 + (n % 9),
    kind: 'production-output',
    unitCost: 3.5,
    docType: 'production-run',
    docId: `pr-${Math.floor(n / 20)}`,
    lineNo: n % 20,
    at,
    terminalId: 't-seed',
    updatedAt: at,
  };
}

async function main(): Promise<void> {
  const plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as SeedPlan;
  const storage = await openStorage({ dataDir: plan.dataDir, databaseUrl: plan.databaseUrl, pgSchema: plan.pgSchema, listen: false });
  try {
    await addSite(storage, { id: 'hq', kind: 'hq', name: 'HQ' });
    await addSite(storage, { id: 'kitchen', kind: 'kitchen', name: 'Kitchen' });
    const tokens: SeedTokens = {
      hq: (await addTerminal(storage, { siteId: 'hq', name: 'hq' })).token,
      kitchen: (await addTerminal(storage, { siteId: 'kitchen', name: 'kitchen' })).token,
      stores: {},
    };
    for (let s = 0; s < plan.stores; s++) {
      const id = storeId(s);
      await addSite(storage, { id, kind: 'store', name: id });
      tokens.stores[id] = [];
      for (let t = 0; t < plan.terminalsPerStore; t++)
        tokens.stores[id].push((await addTerminal(storage, { siteId: id, name: `${id}-${t}` })).token);
    }
    const BATCH = 20_000;
    for (let i = 0; i < plan.kitchenRows; i += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, plan.kitchenRows - i) }, (_, k) => kitchenMovement(i + k));
      await seedDocuments(storage, 'movements', docs);
    }
    process.stdout.write(`${JSON.stringify(tokens)}\n`);
  } finally {
    await storage.close();
  }
}

if (process.argv[1]?.endsWith('seed.ts')) await main();
