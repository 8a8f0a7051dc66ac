/**
 * Recall-trace benchmark (issue 6): 1,000,000 movements of a plausible chain — supplier receipts
 * at a central kitchen, production runs (3 ingredients → 1 output batch), dispatch to stores,
 * store receipts, then till sales — and a trace from a supplier lot both ways. Reports the time to
 * build the index and the median time per trace (goal < 1 s), against a same-run baseline that
 * answers the same trace by scanning the movement array for every lookup.
 */
import type { BatchDoc, DocumentDoc, MovementDoc } from '../shared/schemas';
import { buildTraceIndex, traceSupplierLot, type TraceSource } from '../shared/ops/trace';
import { median, ms, prng } from './lib/stats';

const SUPPLIERS = 50;
const RAW_BATCHES = 2_000;
const RUNS = 5_000;
const STORES = 50;
const STORES_PER_OUTPUT = 10;
const MOVEMENTS = 1_000_000;
const TRACES = 7;
const BASELINE_TRACES = 3;
const KITCHEN = 'site-kitchen';
const AT = '2025-03-01T08:00:00.000Z';

function generate(): { movements: MovementDoc[]; documents: DocumentDoc[]; batches: BatchDoc[] } {
  const random = prng(7);
  const pick = (n: number): number => Math.floor(random() * n);
  const movements: MovementDoc[] = [];
  const documents: DocumentDoc[] = [];
  const batches: BatchDoc[] = [];
  let seq = 0;
  const push = (
    siteId: string,
    productId: string,
    batchId: string,
    qty: number,
    kind: MovementDoc['kind'],
    docType: MovementDoc['docType'],
    docId: string,
  ): void => {
    seq += 1;
    movements.push({
      id: `m-${seq}`,
      siteId,
      productId,
      batchId,
      qty,
      kind,
      unitCost: 1,
      docType,
      docId,
      lineNo: 0,
      at: AT,
      terminalId: 't-1',
      updatedAt: AT,
    });
  };
  const doc = (id: string, type: DocumentDoc['type'], siteId: string, extra: Partial<DocumentDoc> = {}): void => {
    documents.push({
      id,
      type,
      siteId,
      number: id.toUpperCase(),
      status: 'posted',
      businessDate: '2025-03-01',
      at: AT,
      terminalId: 't-1',
      lines: [],
      updatedAt: AT,
      ...extra,
    } as DocumentDoc);
  };
  for (let r = 0; r < RAW_BATCHES; r++) {
    const supplier = `sup-${r % SUPPLIERS}`;
    const batch = { id: `raw-${r}`, productId: `raw-p-${r % 200}`, supplierId: supplier, lotCode: `LOT-${Math.floor(r / SUPPLIERS)}` };
    batches.push({
      ...batch,
      siteId: KITCHEN,
      receivedAt: AT,
      unitCost: 1,
      certificateHashes: [],
      qcStatus: 'released',
      sourceDocId: `gr-${r}`,
      updatedAt: AT,
    });
    doc(`gr-${r}`, 'goods-receipt', KITCHEN, { partnerId: supplier });
    push(KITCHEN, batch.productId, batch.id, 1_000, 'receipt', 'goods-receipt', `gr-${r}`);
  }
  const pairs: [string, string, string][] = [];
  for (let p = 0; p < RUNS; p++) {
    const runId = `pr-${p}`;
    const output = `out-${p}`;
    const productId = `dish-${p % 300}`;
    doc(runId, 'production-run', KITCHEN, { outputBatchId: output, outputProductId: productId });
    batches.push({
      id: output,
      productId,
      siteId: KITCHEN,
      lotCode: `B-${p}`,
      receivedAt: AT,
      unitCost: 3,
      certificateHashes: [],
      qcStatus: 'released',
      sourceDocId: runId,
      updatedAt: AT,
    });
    for (let i = 0; i < 3; i++) push(KITCHEN, `raw-p-x`, `raw-${pick(RAW_BATCHES)}`, -5, 'production-consume', 'production-run', runId);
    push(KITCHEN, productId, output, 500, 'production-output', 'production-run', runId);
    const firstStore = pick(STORES);
    for (let s = 0; s < STORES_PER_OUTPUT; s++) {
      const store = `store-${(firstStore + s) % STORES}`;
      const dispatchId = `d-${p}-${s}`;
      doc(dispatchId, 'dispatch', KITCHEN, { toSiteId: store });
      doc(`sr-${p}-${s}`, 'store-receipt', store, { dispatchId, toSiteId: KITCHEN });
      push(KITCHEN, productId, output, -40, 'dispatch-out', 'dispatch', dispatchId);
      push(store, productId, output, 40, 'dispatch-in', 'store-receipt', `sr-${p}-${s}`);
      pairs.push([store, productId, output]);
    }
  }
  // The rest are till sales of dispatched batches at the stores, one sale document per store-day.
  while (movements.length < MOVEMENTS) {
    const [store, productId, batchId] = pairs[pick(pairs.length)] as [string, string, string];
    push(store, productId, batchId, -1, 'sale', 'sale', `sale-${store}-${pick(90)}`);
  }
  return { movements, documents, batches };
}

/** The same questions answered by scanning everything each time: what a trace costs without an index. */
function scanningSource(data: { movements: MovementDoc[]; documents: DocumentDoc[]; batches: BatchDoc[] }): TraceSource {
  return {
    movementsOfBatch: (batchId) => data.movements.filter((m) => m.batchId === batchId),
    movementsOfDocument: (docId) => data.movements.filter((m) => m.docId === docId),
    document: (docId) => data.documents.find((d) => d.id === docId),
    batch: (batchId) => data.batches.find((b) => b.id === batchId),
    batchesOfSupplierLot: (partnerId, lotCode) =>
      data.batches.filter((b) => b.supplierId === partnerId && b.lotCode === lotCode).map((b) => b.id),
  };
}

function main(): void {
  const startGenerate = performance.now();
  const data = generate();
  console.log(
    `generated ${data.movements.length.toLocaleString('en')} movements, ${data.documents.length.toLocaleString('en')} documents, ${data.batches.length.toLocaleString('en')} batches in ${ms(performance.now() - startGenerate)}`,
  );

  const startIndex = performance.now();
  const index = buildTraceIndex(data);
  const indexMs = performance.now() - startIndex;
  // A second build shows the steady cost once the generator's garbage is collected.
  const startRebuild = performance.now();
  buildTraceIndex(data);
  console.log(`build index: ${ms(indexMs)} (first), ${ms(performance.now() - startRebuild)} (again)`);

  const lots = Array.from({ length: TRACES }, (_, i) => ({ partnerId: `sup-${(i * 7) % SUPPLIERS}`, lotCode: `LOT-${i * 3}` }));
  const indexed: number[] = [];
  let touched = 0;
  for (const lot of lots) {
    const start = performance.now();
    const result = traceSupplierLot(index, lot.partnerId, lot.lotCode);
    indexed.push(performance.now() - start);
    touched += result.nodes.length;
  }
  const baseline: number[] = [];
  const scanning = scanningSource(data);
  for (const lot of lots.slice(0, BASELINE_TRACES)) {
    const start = performance.now();
    traceSupplierLot(scanning, lot.partnerId, lot.lotCode);
    baseline.push(performance.now() - start);
  }
  const indexedMedian = median(indexed);
  const baselineMedian = median(baseline);
  console.log(
    `trace (indexed), median of ${TRACES}: ${ms(indexedMedian)} (avg ${(touched / TRACES).toFixed(1)} batches per trace) — goal < 1000 ms: ${indexedMedian < 1000 ? 'met' : 'NOT met'}`,
  );
  console.log(`trace (baseline: scan per lookup), median of ${BASELINE_TRACES}: ${ms(baselineMedian)}`);
  console.log(
    `ratio baseline / indexed: ${(baselineMedian / indexedMedian).toFixed(0)}×; index pays for itself after ${Math.ceil(indexMs / Math.max(baselineMedian - indexedMedian, 1e-9))} trace(s)`,
  );
}

main();
