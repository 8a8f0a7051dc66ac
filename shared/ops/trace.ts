/**
 * Recall trace (追溯, issue 6): from a supplier lot or any batch, backward to the suppliers and
 * ingredient batches it came from, and forward through production, dispatch and store receipt to
 * where it went (sold, wasted, on hand now per site). Batches keep their id across sites, so one
 * batch's movements already cover every site it reached; production runs link batches.
 */
import { affectsOnHand, roundQty } from '../domain';
import type { BatchDoc, DocumentDoc, MovementDoc, MovementKind } from '../schemas';
import { toCsv } from './csv';

/** What a trace reads. `buildTraceIndex` answers from Maps; a naive scan can stand in for comparison. */
export interface TraceSource {
  movementsOfBatch(batchId: string): readonly MovementDoc[];
  movementsOfDocument(docId: string): readonly MovementDoc[];
  document(docId: string): DocumentDoc | undefined;
  batch(batchId: string): BatchDoc | undefined;
  batchesOfSupplierLot(partnerId: string, lotCode: string): readonly string[];
}

const none: readonly MovementDoc[] = [];

/** Builds the Maps once (one pass over movements); every trace after that is lookups only. */
export function buildTraceIndex(data: {
  movements: Iterable<MovementDoc>;
  documents: Iterable<DocumentDoc>;
  batches: Iterable<BatchDoc>;
}): TraceSource {
  const byBatch = new Map<string, MovementDoc[]>();
  const byDoc = new Map<string, MovementDoc[]>();
  // Movements are keyed by id in the store, so each arrives once; no dedupe pass is paid here.
  for (const movement of data.movements) {
    const ofBatch = byBatch.get(movement.batchId);
    if (ofBatch) ofBatch.push(movement);
    else byBatch.set(movement.batchId, [movement]);
    const ofDoc = byDoc.get(movement.docId);
    if (ofDoc) ofDoc.push(movement);
    else byDoc.set(movement.docId, [movement]);
  }
  const documents = new Map<string, DocumentDoc>();
  for (const document of data.documents) documents.set(document.id, document);
  const batches = new Map<string, BatchDoc>();
  const bySupplierLot = new Map<string, string[]>();
  for (const batch of data.batches) {
    batches.set(batch.id, batch);
    if (batch.supplierId === undefined) continue;
    const key = `${batch.supplierId}\u0000${batch.lotCode}`;
    const list = bySupplierLot.get(key);
    if (list) list.push(batch.id);
    else bySupplierLot.set(key, [batch.id]);
  }
  return {
    movementsOfBatch: (batchId) => byBatch.get(batchId) ?? none,
    movementsOfDocument: (docId) => byDoc.get(docId) ?? none,
    document: (docId) => documents.get(docId),
    batch: (batchId) => batches.get(batchId),
    batchesOfSupplierLot: (partnerId, lotCode) => bySupplierLot.get(`${partnerId}\u0000${lotCode}`) ?? [],
  };
}

/** How a terminal reads movement history by index (renderer/db/local-ledger.ts). */
export interface TraceHistoryReader {
  movementsOfBatches(batchIds: readonly string[]): Promise<readonly MovementDoc[]>;
  movementsOfDocuments(docIds: readonly string[]): Promise<readonly MovementDoc[]>;
}

/**
 * The movements a trace from `rootBatchIds` can reach, read by index rather than all history: a
 * trace moves between batches only through production runs, so from each batch's movements it
 * follows the runs it entered or left, and from each run's movements the batches it consumed or
 * produced, until nothing new is reached. A trace over these equals a trace over everything.
 */
export async function loadTraceHistory(reader: TraceHistoryReader, rootBatchIds: readonly string[]): Promise<MovementDoc[]> {
  const movements = new Map<string, MovementDoc>();
  const seenBatches = new Set<string>();
  const seenRuns = new Set<string>();
  let batches = [...new Set(rootBatchIds)];
  while (batches.length > 0) {
    batches.forEach((id) => seenBatches.add(id));
    const runs = new Set<string>();
    for (const m of await reader.movementsOfBatches(batches)) {
      movements.set(m.id, m);
      if ((m.kind === 'production-consume' || m.kind === 'production-output') && !seenRuns.has(m.docId)) runs.add(m.docId);
    }
    runs.forEach((id) => seenRuns.add(id));
    const next = new Set<string>();
    for (const m of await reader.movementsOfDocuments([...runs])) {
      movements.set(m.id, m);
      if (!seenBatches.has(m.batchId)) next.add(m.batchId);
    }
    batches = [...next];
  }
  return [...movements.values()];
}

export type BatchOrigin =
  | { kind: 'receipt'; docId: string; docNumber?: string; supplierId?: string }
  | { kind: 'production'; docId: string; docNumber?: string }
  | { kind: 'unknown' };

export interface SiteFlow {
  siteId: string;
  /** Signed Σ qty per movement kind at this site. */
  byKind: Partial<Record<MovementKind, number>>;
  onHand: number;
}

export interface TraceNode {
  batchId: string;
  productId: string;
  lotCode: string;
  origin: BatchOrigin;
  sites: SiteFlow[];
}

/** A production run turning `qty` of `fromBatchId` into (part of) `toBatchId`. */
export interface TraceEdge {
  fromBatchId: string;
  toBatchId: string;
  runDocId: string;
  qty: number;
}

export interface TraceTree {
  batchId: string;
  /** Quantity along the edge from the parent (consumed into / taken from); root: Σ received or produced. */
  qty: number;
  viaDocId?: string;
  children: TraceTree[];
  /** Already shown elsewhere in this tree (batches can meet again); children omitted. */
  repeated?: true;
}

export interface ProductTotals {
  productId: string;
  sold: number;
  wasted: number;
  onHand: number;
}

export interface TraceResult {
  roots: string[];
  backward: TraceTree[];
  forward: TraceTree[];
  nodes: TraceNode[];
  edges: TraceEdge[];
  sites: string[];
  /** Over the roots and everything made from them. */
  totals: { byProduct: ProductTotals[]; onHandBySite: { siteId: string; productId: string; qty: number }[] };
}

function originOf(source: TraceSource, batch: BatchDoc | undefined, movements: readonly MovementDoc[]): BatchOrigin {
  const produced = movements.find((movement) => movement.kind === 'production-output');
  if (produced) return { kind: 'production', docId: produced.docId, docNumber: source.document(produced.docId)?.number };
  const received = movements.find((movement) => movement.kind === 'receipt' && movement.reversalOf === undefined);
  const docId = received?.docId ?? batch?.sourceDocId;
  if (docId === undefined) return { kind: 'unknown' };
  const document = source.document(docId);
  if (document?.type === 'production-run') return { kind: 'production', docId, docNumber: document.number };
  return { kind: 'receipt', docId, docNumber: document?.number, supplierId: batch?.supplierId ?? document?.partnerId };
}

function flowsOf(movements: readonly MovementDoc[]): SiteFlow[] {
  const bySite = new Map<string, SiteFlow>();
  for (const movement of movements) {
    let flow = bySite.get(movement.siteId);
    if (!flow) bySite.set(movement.siteId, (flow = { siteId: movement.siteId, byKind: {}, onHand: 0 }));
    flow.byKind[movement.kind] = (flow.byKind[movement.kind] ?? 0) + movement.qty;
    if (affectsOnHand(movement.kind)) flow.onHand += movement.qty;
  }
  const flows = [...bySite.values()].sort((a, b) => (a.siteId < b.siteId ? -1 : 1));
  for (const flow of flows) {
    flow.onHand = roundQty(flow.onHand);
    for (const kind of Object.keys(flow.byKind) as MovementKind[]) flow.byKind[kind] = roundQty(flow.byKind[kind] ?? 0);
  }
  return flows;
}

/** Traces one or more batches both ways. Unknown ids give an empty node rather than an error. */
export function traceBatches(source: TraceSource, rootBatchIds: readonly string[]): TraceResult {
  const nodes = new Map<string, TraceNode>();
  const edges = new Map<string, TraceEdge>();
  const forwardSet = new Set<string>();
  const nodeOf = (batchId: string): TraceNode => {
    let node = nodes.get(batchId);
    if (!node) {
      const movements = source.movementsOfBatch(batchId);
      const batch = source.batch(batchId);
      node = {
        batchId,
        productId: batch?.productId ?? movements[0]?.productId ?? '',
        lotCode: batch?.lotCode ?? '',
        origin: originOf(source, batch, movements),
        sites: flowsOf(movements),
      };
      nodes.set(batchId, node);
    }
    return node;
  };
  const addEdge = (edge: TraceEdge): void => void edges.set(`${edge.fromBatchId}\u0000${edge.toBatchId}\u0000${edge.runDocId}`, edge);

  const backward = (batchId: string, qty: number, viaDocId: string | undefined, path: Set<string>): TraceTree => {
    const node = nodeOf(batchId);
    const tree: TraceTree = { batchId, qty, ...(viaDocId === undefined ? {} : { viaDocId }), children: [] };
    if (path.has(batchId)) return { ...tree, repeated: true };
    if (node.origin.kind !== 'production') return tree;
    const runId = node.origin.docId;
    const consumed = new Map<string, number>();
    for (const m of source.movementsOfDocument(runId))
      if (m.kind === 'production-consume') consumed.set(m.batchId, (consumed.get(m.batchId) ?? 0) - m.qty);
    const nextPath = new Set(path).add(batchId);
    for (const [ingredientId, ingredientQty] of consumed) {
      addEdge({ fromBatchId: ingredientId, toBatchId: batchId, runDocId: runId, qty: roundQty(ingredientQty) });
      tree.children.push(backward(ingredientId, roundQty(ingredientQty), runId, nextPath));
    }
    return tree;
  };

  const forward = (batchId: string, qty: number, viaDocId: string | undefined, path: Set<string>): TraceTree => {
    nodeOf(batchId);
    forwardSet.add(batchId);
    const tree: TraceTree = { batchId, qty, ...(viaDocId === undefined ? {} : { viaDocId }), children: [] };
    if (path.has(batchId)) return { ...tree, repeated: true };
    const movements = source.movementsOfBatch(batchId);
    const consumedByRun = new Map<string, number>();
    for (const m of movements) if (m.kind === 'production-consume') consumedByRun.set(m.docId, (consumedByRun.get(m.docId) ?? 0) - m.qty);
    const nextPath = new Set(path).add(batchId);
    for (const [runId, consumed] of consumedByRun) {
      const consumedQty = roundQty(consumed);
      const outputs = new Set<string>();
      for (const m of source.movementsOfDocument(runId)) if (m.kind === 'production-output') outputs.add(m.batchId);
      for (const outputId of outputs) {
        addEdge({ fromBatchId: batchId, toBatchId: outputId, runDocId: runId, qty: consumedQty });
        tree.children.push(forward(outputId, consumedQty, runId, nextPath));
      }
    }
    return tree;
  };

  const rootQty = (batchId: string): number =>
    roundQty(
      source.movementsOfBatch(batchId).reduce((sum, m) => sum + (m.kind === 'receipt' || m.kind === 'production-output' ? m.qty : 0), 0),
    );
  const backwardTrees = rootBatchIds.map((id) => backward(id, rootQty(id), undefined, new Set()));
  const forwardTrees = rootBatchIds.map((id) => forward(id, rootQty(id), undefined, new Set()));

  const byProduct = new Map<string, ProductTotals>();
  const onHandBySite = new Map<string, { siteId: string; productId: string; qty: number }>();
  for (const batchId of forwardSet) {
    const node = nodes.get(batchId) as TraceNode;
    let totals = byProduct.get(node.productId);
    if (!totals) byProduct.set(node.productId, (totals = { productId: node.productId, sold: 0, wasted: 0, onHand: 0 }));
    for (const flow of node.sites) {
      totals.sold = roundQty(totals.sold - (flow.byKind.sale ?? 0) - (flow.byKind.consumption ?? 0));
      totals.wasted = roundQty(totals.wasted - (flow.byKind.waste ?? 0));
      totals.onHand = roundQty(totals.onHand + flow.onHand);
      const key = `${flow.siteId}\u0000${node.productId}`;
      const existing = onHandBySite.get(key);
      if (existing) existing.qty = roundQty(existing.qty + flow.onHand);
      else onHandBySite.set(key, { siteId: flow.siteId, productId: node.productId, qty: flow.onHand });
    }
  }
  const nodeList = [...nodes.values()];
  return {
    roots: [...rootBatchIds],
    backward: backwardTrees,
    forward: forwardTrees,
    nodes: nodeList,
    edges: [...edges.values()],
    sites: [...new Set(nodeList.flatMap((node) => node.sites.map((flow) => flow.siteId)))].sort(),
    totals: {
      byProduct: [...byProduct.values()].sort((a, b) => (a.productId < b.productId ? -1 : 1)),
      onHandBySite: [...onHandBySite.values()].sort((a, b) => (a.siteId + a.productId < b.siteId + b.productId ? -1 : 1)),
    },
  };
}

export function traceBatch(source: TraceSource, batchId: string): TraceResult {
  return traceBatches(source, [batchId]);
}

/** Every batch received under a supplier's lot code (one lot may arrive at several sites). */
export function traceSupplierLot(source: TraceSource, partnerId: string, lotCode: string): TraceResult {
  return traceBatches(source, source.batchesOfSupplierLot(partnerId, lotCode));
}

/**
 * Flat CSV for a recall report: one row per batch, site and document that moved it, with the
 * direction and depth at which the batch appears in the trace (UTF-8 BOM for Excel).
 */
export function traceCsv(source: TraceSource, result: TraceResult): string {
  const placement = new Map<string, { direction: string; depth: number }>();
  const walk = (tree: TraceTree, direction: string, depth: number): void => {
    const key = tree.batchId;
    const seen = placement.get(key);
    if (!seen || (seen.direction !== 'root' && depth === 0)) placement.set(key, { direction: depth === 0 ? 'root' : direction, depth });
    if (!seen) for (const child of tree.children) walk(child, direction, depth + 1);
    else if (depth === 0) for (const child of tree.children) walk(child, direction, 1);
  };
  result.forward.forEach((tree) => walk(tree, 'forward', 0));
  result.backward.forEach((tree) => walk(tree, 'backward', 0));
  const rows: (string | number)[][] = [
    ['direction', 'depth', 'batchId', 'productId', 'lotCode', 'siteId', 'movementKind', 'qty', 'docType', 'docNumber', 'docId'],
  ];
  for (const node of result.nodes) {
    const place = placement.get(node.batchId) ?? { direction: 'backward', depth: 0 };
    const perDoc = new Map<string, MovementDoc[]>();
    for (const m of source.movementsOfBatch(node.batchId)) {
      const key = `${m.siteId}\u0000${m.docId}\u0000${m.kind}`;
      const list = perDoc.get(key);
      if (list) list.push(m);
      else perDoc.set(key, [m]);
    }
    for (const movements of perDoc.values()) {
      const first = movements[0] as MovementDoc;
      const qty = roundQty(movements.reduce((sum, m) => sum + m.qty, 0));
      rows.push([
        place.direction,
        place.depth,
        node.batchId,
        node.productId,
        node.lotCode,
        first.siteId,
        first.kind,
        qty,
        first.docType,
        source.document(first.docId)?.number ?? '',
        first.docId,
      ]);
    }
  }
  return toCsv(rows);
}
