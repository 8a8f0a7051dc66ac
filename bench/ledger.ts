/**
 * Ledger benchmark (issue 3): full recompute of the stock projection from 1,000,000 movements
 * over 2,000 products × 5 sites (goal ≤ 2 s), and incremental posting of a 20-line document at
 * that size (goal p95 ≤ 5 ms). Baseline, measured in the same run: a naive recompute into one
 * Map of objects keyed by a `site|product|batch` string.
 */
import type { BatchDoc, MovementDoc, ProductDoc, SaleDoc } from '../shared/schemas';
import { Ledger, postSale } from '../shared/domain';
import { median, ms, percentile, prng } from './lib/stats';

const PRODUCTS = 2_000;
const SITES = 5;
const BATCHES_PER_PRODUCT_SITE = 3;
const MOVEMENTS = 1_000_000;
const RECOMPUTE_RUNS = 3;
const POSTING_ROUNDS = 3;
const POSTINGS_PER_ROUND = 200;
const LINES_PER_DOCUMENT = 20;

function buildData() {
  const random = prng(42);
  const at = '2025-03-01T08:00:00.000Z';
  const sites = Array.from({ length: SITES }, (_, s) => `site-${s}`);
  const products: ProductDoc[] = Array.from({ length: PRODUCTS }, (_, p) => ({
    id: `prod-${p}`,
    sku: `SKU-${p}`,
    name: `product ${p}`,
    baseUnit: 'g',
    packs: [],
    barcodes: [],
    category: `cat-${p % 40}`,
    perishable: p % 2 === 0,
    ...(p % 2 === 0 ? { shelfLifeDays: 10 } : {}),
    nearExpiryDays: 2,
    storageClass: 'ambient',
    active: true,
    updatedAt: at,
  }));
  const batches: BatchDoc[] = [];
  for (let p = 0; p < PRODUCTS; p++) {
    for (let s = 0; s < SITES; s++) {
      for (let b = 0; b < BATCHES_PER_PRODUCT_SITE; b++) {
        batches.push({
          id: `batch-${p}-${s}-${b}`,
          productId: `prod-${p}`,
          siteId: `site-${s}`,
          lotCode: `L${b}`,
          expiryDate: `2030-01-${String(10 + b).padStart(2, '0')}`,
          receivedAt: `2025-01-0${1 + b}T00:00:00.000Z`,
          unitCost: 1 + b + (p % 7) / 10,
          certificateHashes: [],
          qcStatus: 'released',
          updatedAt: at,
        });
      }
    }
  }
  const movements: MovementDoc[] = new Array<MovementDoc>(MOVEMENTS);
  for (let i = 0; i < MOVEMENTS; i++) {
    const batch = batches[Math.floor(random() * batches.length)] as BatchDoc;
    // Receipts outweigh issues so stock stays positive, as in a real ledger.
    const isReceipt = i < batches.length || random() < 0.4;
    const qty = isReceipt ? 50 + Math.floor(random() * 100) : -(1 + Math.floor(random() * 20));
    movements[i] = {
      id: `mov-${i}`,
      siteId: batch.siteId,
      productId: batch.productId,
      batchId: batch.id,
      qty,
      kind: isReceipt ? 'receipt' : 'sale',
      unitCost: batch.unitCost,
      docType: isReceipt ? 'goods-receipt' : 'sale',
      docId: `doc-${Math.floor(i / 20)}`,
      lineNo: i % 20,
      at,
      terminalId: 'term-1',
      updatedAt: at,
    };
  }
  // Ensure the first receipt of every batch lands so every position exists.
  batches.forEach((batch, i) => {
    const m = movements[i] as MovementDoc;
    movements[i] = { ...m, siteId: batch.siteId, productId: batch.productId, batchId: batch.id, unitCost: batch.unitCost };
  });
  return { sites, products, batches, movements };
}

/** The baseline: what one would write first — one Map of objects keyed by a joined string. */
function naiveRecompute(movements: readonly MovementDoc[]): Map<string, { qty: number; value: number }> {
  const positions = new Map<string, { qty: number; value: number }>();
  for (const m of movements) {
    const key = `${m.siteId}|${m.productId}|${m.batchId}`;
    const position = positions.get(key) ?? { qty: 0, value: 0 };
    positions.set(key, { qty: position.qty + m.qty, value: position.value + m.qty * m.unitCost });
  }
  return positions;
}

function timeIt<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

function main(): void {
  const generated = timeIt(buildData);
  const { products, batches, movements } = generated.result;
  console.log(
    `ledger bench: ${movements.length.toLocaleString('en')} movements, ${PRODUCTS} products × ${SITES} sites, ${batches.length.toLocaleString('en')} batches (generated in ${ms(generated.ms)})`,
  );

  const reference = { products, batches };
  const projectionTimes: number[] = [];
  const baselineTimes: number[] = [];
  let ledger: Ledger | undefined;
  for (let run = 0; run < RECOMPUTE_RUNS; run++) {
    const baseline = timeIt(() => naiveRecompute(movements));
    baselineTimes.push(baseline.ms);
    ledger = undefined; // let the previous projection go before building the next
    const full = timeIt(() => Ledger.fromMovements(reference, movements));
    projectionTimes.push(full.ms);
    ledger = full.result;
    if (run === 0 && baseline.result.size !== ledger.positions().length) throw new Error('projection and baseline disagree on positions');
  }
  if (!ledger) throw new Error('no ledger built');
  const projectionMedian = median(projectionTimes);
  const baselineMedian = median(baselineTimes);
  console.log(
    `full recompute (Ledger.fromMovements: on-hand and value per site/product/batch, ids applied once): median ${ms(projectionMedian)} of ${RECOMPUTE_RUNS} runs [${projectionTimes.map(ms).join(', ')}]  goal ≤ 2000 ms: ${projectionMedian <= 2000 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `baseline naive Map-of-objects recompute:                                 median ${ms(baselineMedian)} of ${RECOMPUTE_RUNS} runs [${baselineTimes.map(ms).join(', ')}]`,
  );
  console.log(`ratio projection ÷ baseline: ${(projectionMedian / baselineMedian).toFixed(2)}×`);

  const random = prng(7);
  const p95s: number[] = [];
  const medians: number[] = [];
  let posted = 0;
  // Round 0 warms the JIT and builds nothing lazily that later rounds rely on; it is not reported.
  for (let round = 0; round <= POSTING_ROUNDS; round++) {
    const times: number[] = [];
    for (let n = 0; n < POSTINGS_PER_ROUND; n++) {
      const siteId = `site-${Math.floor(random() * SITES)}`;
      const document: SaleDoc = {
        id: `bench-sale-${round}-${n}`,
        type: 'sale',
        siteId,
        number: `XS-${round}-${n}`,
        status: 'draft',
        businessDate: '2025-03-01',
        at: '2025-03-01T12:00:00.000Z',
        terminalId: 'term-bench',
        updatedAt: '2025-03-01T12:00:00.000Z',
        lines: Array.from({ length: LINES_PER_DOCUMENT }, () => ({
          productId: `prod-${Math.floor(random() * PRODUCTS)}`,
          qty: 1 + Math.floor(random() * 5),
          unitPrice: 9.9,
        })),
      };
      const start = performance.now();
      const outcome = postSale(document, ledger);
      if (outcome.ok) ledger.commit(outcome.result);
      times.push(performance.now() - start);
      if (outcome.ok && round > 0) posted += 1;
    }
    if (round === 0) continue;
    p95s.push(percentile(times, 95));
    medians.push(median(times));
  }
  const p95 = median(p95s);
  console.log(
    `incremental posting of a ${LINES_PER_DOCUMENT}-line sale (post + apply) at full size: median ${ms(median(medians))}, p95 ${ms(p95)} (median of ${POSTING_ROUNDS} rounds × ${POSTINGS_PER_ROUND}; ${posted} posted)  goal p95 ≤ 5 ms: ${p95 <= 5 ? 'met' : 'MISSED'}`,
  );
}

main();
