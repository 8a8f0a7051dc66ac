import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DocumentDoc, MovementDoc } from '../../../shared/schemas';
import { buildTraceIndex, loadTraceHistory, traceBatch, traceCsv, traceSupplierLot } from '../../../shared/ops/trace';
import { batch, document, KITCHEN, movement, STORE } from './fixtures';

const STORE_B = 'site-store-b';
const mv = (
  docId: string,
  docType: MovementDoc['docType'],
  siteId: string,
  batchId: string,
  productId: string,
  kind: MovementDoc['kind'],
  qty: number,
) => movement({ docId, docType, siteId, batchId, productId, kind, qty });

const batches = [
  batch('pork-1', 'pork', { lotCode: 'PORK-77', supplierId: 'sup-s', sourceDocId: 'gr-1' }),
  batch('pork-2', 'pork', { lotCode: 'PORK-77', supplierId: 'sup-s', siteId: STORE_B, sourceDocId: 'gr-2' }),
  batch('salt-1', 'salt', { lotCode: 'SALT-1', supplierId: 'sup-t', sourceDocId: 'gr-1' }),
  batch('hsr-1', 'hsr', { lotCode: 'HSR-0301', sourceDocId: 'pr-1' }),
  batch('dump-1', 'dumpling', { lotCode: 'DUMP-0301', sourceDocId: 'pr-2' }),
];
const documents: DocumentDoc[] = [
  document({ id: 'gr-1', type: 'goods-receipt', siteId: KITCHEN, partnerId: 'sup-s', number: 'GR-1' }),
  document({ id: 'gr-2', type: 'goods-receipt', siteId: STORE_B, partnerId: 'sup-s', number: 'GR-2' }),
  document({ id: 'pr-1', type: 'production-run', siteId: KITCHEN, number: 'PR-1' }),
  document({ id: 'pr-2', type: 'production-run', siteId: KITCHEN, number: 'PR-2' }),
  document({ id: 'd-1', type: 'dispatch', siteId: KITCHEN, toSiteId: STORE, number: 'D-1' }),
  document({ id: 'sr-1', type: 'store-receipt', siteId: STORE, dispatchId: 'd-1', toSiteId: KITCHEN, number: 'SR-1' }),
];
const movements = [
  mv('gr-1', 'goods-receipt', KITCHEN, 'pork-1', 'pork', 'receipt', 100),
  mv('gr-1', 'goods-receipt', KITCHEN, 'salt-1', 'salt', 'receipt', 10),
  mv('gr-2', 'goods-receipt', STORE_B, 'pork-2', 'pork', 'receipt', 5),
  mv('pr-1', 'production-run', KITCHEN, 'pork-1', 'pork', 'production-consume', -30),
  mv('pr-1', 'production-run', KITCHEN, 'salt-1', 'salt', 'production-consume', -1),
  mv('pr-1', 'production-run', KITCHEN, 'hsr-1', 'hsr', 'production-output', 60),
  mv('pr-2', 'production-run', KITCHEN, 'pork-1', 'pork', 'production-consume', -10),
  mv('pr-2', 'production-run', KITCHEN, 'dump-1', 'dumpling', 'production-output', 50),
  mv('d-1', 'dispatch', KITCHEN, 'hsr-1', 'hsr', 'dispatch-out', -40),
  mv('sr-1', 'store-receipt', STORE, 'hsr-1', 'hsr', 'dispatch-in', 38),
  mv('sr-1', 'store-receipt', STORE, 'hsr-1', 'hsr', 'transit-loss', 2),
  mv('sale-1', 'sale', STORE, 'hsr-1', 'hsr', 'sale', -25),
  mv('w-1', 'waste', STORE, 'hsr-1', 'hsr', 'waste', -3),
];
const index = buildTraceIndex({ movements, documents, batches });

describe('recall trace', () => {
  it('forward from a supplier batch: production outputs, dispatch, store receipt, sales, waste, on hand per site', () => {
    const result = traceBatch(index, 'pork-1');
    expect(result.forward).toEqual([
      {
        batchId: 'pork-1',
        qty: 100,
        children: [
          { batchId: 'hsr-1', qty: 30, viaDocId: 'pr-1', children: [] },
          { batchId: 'dump-1', qty: 10, viaDocId: 'pr-2', children: [] },
        ],
      },
    ]);
    expect(result.totals.byProduct).toEqual([
      { productId: 'dumpling', sold: 0, wasted: 0, onHand: 50 },
      { productId: 'hsr', sold: 25, wasted: 3, onHand: 30 },
      { productId: 'pork', sold: 0, wasted: 0, onHand: 60 },
    ]);
    expect(result.totals.onHandBySite).toEqual([
      { siteId: KITCHEN, productId: 'dumpling', qty: 50 },
      { siteId: KITCHEN, productId: 'hsr', qty: 20 },
      { siteId: KITCHEN, productId: 'pork', qty: 60 },
      { siteId: STORE, productId: 'hsr', qty: 10 },
    ]);
    expect(result.sites).toEqual([KITCHEN, STORE]);
    const hsr = result.nodes.find((node) => node.batchId === 'hsr-1');
    expect(hsr?.sites.find((flow) => flow.siteId === STORE)).toEqual({
      siteId: STORE,
      byKind: { 'dispatch-in': 38, 'transit-loss': 2, sale: -25, waste: -3 },
      onHand: 10,
    });
  });

  it('backward from a product batch: run, ingredient batches, receipts and suppliers', () => {
    const result = traceBatch(index, 'hsr-1');
    expect(result.backward).toEqual([
      {
        batchId: 'hsr-1',
        qty: 60,
        children: [
          { batchId: 'pork-1', qty: 30, viaDocId: 'pr-1', children: [] },
          { batchId: 'salt-1', qty: 1, viaDocId: 'pr-1', children: [] },
        ],
      },
    ]);
    const origins = Object.fromEntries(result.nodes.map((node) => [node.batchId, node.origin]));
    expect(origins['hsr-1']).toEqual({ kind: 'production', docId: 'pr-1', docNumber: 'PR-1' });
    expect(origins['pork-1']).toEqual({ kind: 'receipt', docId: 'gr-1', docNumber: 'GR-1', supplierId: 'sup-s' });
    expect(result.edges).toEqual([
      { fromBatchId: 'pork-1', toBatchId: 'hsr-1', runDocId: 'pr-1', qty: 30 },
      { fromBatchId: 'salt-1', toBatchId: 'hsr-1', runDocId: 'pr-1', qty: 1 },
    ]);
  });

  it('from a supplier lot: every batch received under it, at every site', () => {
    const result = traceSupplierLot(index, 'sup-s', 'PORK-77');
    expect(result.roots).toEqual(['pork-1', 'pork-2']);
    expect(result.sites).toEqual([KITCHEN, STORE, STORE_B]);
    expect(result.totals.byProduct.find((t) => t.productId === 'pork')?.onHand).toBe(65);
    expect(traceSupplierLot(index, 'sup-s', 'NOPE').roots).toEqual([]);
  });

  it('flat CSV: one row per batch, site, document and kind', () => {
    const csv = traceCsv(index, traceBatch(index, 'pork-1'));
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('direction,depth,batchId,productId,lotCode,siteId,movementKind,qty,docType,docNumber,docId');
    expect(lines).toContain('forward,1,hsr-1,hsr,HSR-0301,site-store,sale,-25,sale,,sale-1');
    expect(lines).toContain('root,0,pork-1,pork,PORK-77,site-kitchen,receipt,100,goods-receipt,GR-1,gr-1');
    expect(lines).toHaveLength(1 + 3 + 6 + 1); // header; pork: receipt, 2 runs; hsr: output, out, in, loss, sale, waste; dumpling: output
  });

  it('property: a chain of production runs of any depth is traced to the end both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), (depth) => {
        const chain: MovementDoc[] = [mv('gr-x', 'goods-receipt', KITCHEN, 'c-0', 'p', 'receipt', 10)];
        for (let i = 1; i <= depth; i++) {
          chain.push(mv(`run-${i}`, 'production-run', KITCHEN, `c-${i - 1}`, 'p', 'production-consume', -1));
          chain.push(mv(`run-${i}`, 'production-run', KITCHEN, `c-${i}`, 'p', 'production-output', 1));
        }
        const chainIndex = buildTraceIndex({ movements: chain, documents: [], batches: [] });
        let tree = traceBatch(chainIndex, 'c-0').forward[0];
        let forwardDepth = 0;
        while (tree && tree.children.length > 0) {
          tree = tree.children[0];
          forwardDepth++;
        }
        let back = traceBatch(chainIndex, `c-${depth}`).backward[0];
        let backwardDepth = 0;
        while (back && back.children.length > 0) {
          back = back.children[0];
          backwardDepth++;
        }
        return forwardDepth === depth && backwardDepth === depth && tree?.batchId === `c-${depth}` && back?.batchId === 'c-0';
      }),
      { numRuns: 30 },
    );
  });

  it('a cycle in the data (bad postings) ends as a repeated node instead of looping', () => {
    const cyclic = buildTraceIndex({
      movements: [
        mv('r', 'production-run', KITCHEN, 'a', 'p', 'production-consume', -1),
        mv('r', 'production-run', KITCHEN, 'a', 'p', 'production-output', 1),
      ],
      documents: [],
      batches: [],
    });
    expect(traceBatch(cyclic, 'a').forward[0]?.children[0]).toMatchObject({ batchId: 'a', repeated: true });
  });
});

describe('trace history read by index', () => {
  const reader = (all: readonly MovementDoc[], reads: string[] = []) => ({
    movementsOfBatches: async (ids: readonly string[]) => {
      reads.push(...ids.map((id) => `batch:${id}`));
      return all.filter((m) => ids.includes(m.batchId));
    },
    movementsOfDocuments: async (ids: readonly string[]) => {
      reads.push(...ids.map((id) => `doc:${id}`));
      return all.filter((m) => ids.includes(m.docId));
    },
  });
  const unrelated = [
    mv('gr-9', 'goods-receipt', KITCHEN, 'rice-1', 'rice', 'receipt', 500),
    mv('sale-9', 'sale', KITCHEN, 'rice-1', 'rice', 'sale', -5),
  ];

  it('gives every trace the same result as the whole history, reading only what the trace reaches', async () => {
    const all = [...movements, ...unrelated];
    for (const root of ['pork-1', 'salt-1', 'hsr-1', 'dump-1', 'pork-2']) {
      const reads: string[] = [];
      const reached = await loadTraceHistory(reader(all, reads), [root]);
      const lookup = buildTraceIndex({ movements: reached, documents, batches });
      expect(traceBatch(lookup, root)).toEqual(traceBatch(buildTraceIndex({ movements: all, documents, batches }), root));
      expect(reads).not.toContain('batch:rice-1');
      expect(reached.some((m) => m.batchId === 'rice-1')).toBe(false);
    }
  });
});
