// Another client of the endpoint, busy while the terminal posts: a kitchen terminal receiving a
// 20-line delivery every few hundred milliseconds, pushed through the protocol like the app's own
// uploads (batches, movements, journal, then the document), so the HQ terminal under test keeps
// streaming and pulling them while its own postings are timed.
import { randomUUID } from 'node:crypto';
import { buildDemoCatalog } from '../../shared/demo/catalog';
import { addDays, Ledger, postDocument } from '../../shared/domain';
import { HEADER_SCHEMA_VERSION } from '../../shared/protocol/wire';
import type { CollectionName, GoodsReceiptDoc } from '../../shared/schemas';
import { currentVersion } from '../../shared/schemas/versions';

export interface LoadClient {
  /** Stops after the push in flight; resolves with how many receipts (and records) it pushed. */
  stop(): Promise<{ receipts: number; records: number; errors: string[] }>;
}

export function startLoad(options: { endpointUrl: string; token: string; siteId: string; everyMs: number; today: string }): LoadClient {
  const catalog = buildDemoCatalog({ updatedAt: `${options.today}T00:00:00.000Z` });
  const ledger = new Ledger({ products: catalog.products, config: catalog.config });
  const raw = catalog.plans.filter((plan) => plan.supplierId !== null && plan.unitCost > 0);
  const errors: string[] = [];
  let receipts = 0;
  let records = 0;
  let running = true;

  const push = async (collection: CollectionName, docs: readonly object[]) => {
    if (docs.length === 0) return;
    const response = await fetch(`${options.endpointUrl}/api/v1/sync/${collection}/push`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/json',
        [HEADER_SCHEMA_VERSION]: String(currentVersion(collection)),
      },
      body: JSON.stringify(docs.map((doc) => ({ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }))),
    });
    if (!response.ok) throw new Error(`load push of ${collection}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    records += docs.length;
  };

  const once = async () => {
    const at = new Date().toISOString();
    const id = randomUUID();
    const lines: GoodsReceiptDoc['lines'] = Array.from({ length: 20 }, (_, lineNo) => {
      const plan = raw[(receipts * 20 + lineNo) % raw.length] ?? raw[0];
      if (!plan) throw new Error('the demo catalog has no purchased products');
      return {
        productId: plan.product.id,
        qty: 10,
        batchId: `${id}-${lineNo}`,
        lotCode: `LOAD${receipts}L${lineNo}`,
        unitCost: plan.unitCost,
        qcStatus: 'released',
        productionDate: options.today,
        expiryDate: addDays(options.today, 30),
      };
    });
    const document: GoodsReceiptDoc = {
      id,
      type: 'goods-receipt',
      siteId: options.siteId,
      number: `RK-LOAD-${receipts}-${id.slice(0, 6)}`,
      status: 'draft',
      businessDate: options.today,
      at,
      terminalId: 'bench-load',
      partnerId: raw[0]?.supplierId ?? '',
      lines,
      updatedAt: at,
    };
    const outcome = postDocument(document, ledger);
    if (!outcome.ok) throw outcome.error;
    ledger.commit(outcome.result);
    const { result } = outcome;
    await push('batches', result.batches);
    await push('movements', result.movements);
    await push('journal', result.journal);
    await push('events', result.events);
    await push('documents', [result.document]);
    receipts++;
  };

  const loop = (async () => {
    while (running) {
      const started = Date.now();
      await once().catch((error: unknown) => {
        if (errors.length < 5) errors.push(String(error));
      });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, options.everyMs - (Date.now() - started))));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      return { receipts, records, errors };
    },
  };
}
