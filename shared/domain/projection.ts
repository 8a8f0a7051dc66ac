import type { BatchDoc, ConfigDoc, DocumentDoc, JournalDoc, MovementDoc, MovementKind, ProductDoc, SiteDoc } from '../schemas';
import type { LedgerView, StockPosition } from './ledger-view';
import { defaultSitePolicy, sitePolicyFromConfig, type SitePolicy } from './policy';
import { DEFAULT_SITE_TIME_ZONE, siteTimeZone } from './site-time';

/**
 * `transit-loss` closes a dispatch's in-transit balance (out + in + loss = 0 per batch) and so
 * holds no stock at the store that writes it; every other kind changes on-hand at its site.
 */
export function affectsOnHand(kind: MovementKind): boolean {
  return kind !== 'transit-loss';
}

interface MutablePosition {
  siteId: string;
  productId: string;
  batchId: string;
  qty: number;
  value: number;
}

interface ProductTotals {
  qty: number;
  value: number;
  positions: MutablePosition[];
  lastReceiptCost: number | undefined;
}

interface SiteStock {
  byBatch: Map<string, MutablePosition>;
  byProduct: Map<string, ProductTotals>;
}

export interface LedgerReferenceData {
  products?: Iterable<ProductDoc>;
  batches?: Iterable<BatchDoc>;
  documents?: Iterable<DocumentDoc>;
  journal?: Iterable<JournalDoc>;
  config?: Iterable<ConfigDoc>;
  /** Site documents: their time zones date what a posting computes (an output's expiry). */
  sites?: Iterable<Pick<SiteDoc, 'id' | 'timeZone'>>;
}

/** What a posting produced, in the shape `Ledger.commit` applies. */
export interface LedgerWrites {
  document?: DocumentDoc;
  batches: readonly BatchDoc[];
  movements: readonly MovementDoc[];
  journal: readonly JournalDoc[];
}

/**
 * The in-memory stock projection: on-hand and value per (site, product, batch), kept
 * incrementally as movements arrive and equal by construction to `recomputePositions` over the
 * same movements (tests prove it). Each movement id is applied once, whatever order or how
 * often sync delivers it (ARCHITECTURE.md invariant 3).
 */
export class Ledger implements LedgerView {
  private readonly products = new Map<string, ProductDoc>();
  private readonly batches = new Map<string, BatchDoc>();
  private readonly documents = new Map<string, DocumentDoc>();
  private readonly journalByDoc = new Map<string, JournalDoc[]>();
  private readonly policies = new Map<string, SitePolicy>();
  private readonly zones = new Map<string, string>();
  private readonly appliedIds = new Set<string>();
  private readonly log: MovementDoc[] = [];
  /**
   * Secondary indexes (by document, by site and batch for as-of queries) are built on first
   * use and maintained from then on: a full recompute at start-up pays only for on-hand.
   */
  private byDocIndex: Map<string, number[]> | null = null;
  private byBatchIndex: Map<string, number[]> | null = null;
  private readonly sites = new Map<string, SiteStock>();

  /**
   * `history: false` keeps positions only — no movement log, no applied-id set — for the
   * terminal, whose persisted projection decides which movements are new and reads history by
   * index (renderer/db/local-ledger.ts); the history methods then refuse rather than answer from
   * nothing.
   */
  private readonly keepsHistory: boolean;

  constructor(reference: LedgerReferenceData = {}, options: { history?: boolean } = {}) {
    this.keepsHistory = options.history ?? true;
    for (const product of reference.products ?? []) this.products.set(product.id, product);
    for (const batch of reference.batches ?? []) this.batches.set(batch.id, batch);
    for (const document of reference.documents ?? []) this.documents.set(document.id, document);
    for (const entry of reference.journal ?? []) this.addJournal(entry);
    for (const site of reference.sites ?? []) this.upsertSite(site);
    for (const config of reference.config ?? []) {
      if (config.key === 'site-policy' && config.siteId !== undefined) this.policies.set(config.siteId, sitePolicyFromConfig(config));
    }
  }

  /** Full recompute: a fresh ledger from reference data and every movement in server order. */
  static fromMovements(reference: LedgerReferenceData, movements: Iterable<MovementDoc>): Ledger {
    const ledger = new Ledger(reference);
    for (const movement of movements) ledger.apply(movement);
    return ledger;
  }

  upsertProduct(product: ProductDoc): void {
    this.products.set(product.id, product);
  }
  upsertBatch(batch: BatchDoc): void {
    this.batches.set(batch.id, batch);
  }
  upsertDocument(document: DocumentDoc): void {
    this.documents.set(document.id, document);
  }
  setPolicy(siteId: string, policy: SitePolicy): void {
    this.policies.set(siteId, policy);
  }
  upsertSite(site: Pick<SiteDoc, 'id' | 'timeZone'>): void {
    this.zones.set(site.id, siteTimeZone(site));
  }
  addJournal(entry: JournalDoc): void {
    const entries = this.journalByDoc.get(entry.docId);
    if (!entries) this.journalByDoc.set(entry.docId, [entry]);
    else if (!entries.some((existing) => existing.id === entry.id)) entries.push(entry);
  }

  /**
   * A ledger resumed from a persisted projection (renderer/db/local-ledger.ts): positions and last
   * receipt costs as they stood after the movements a checkpoint covers. Movements folded before
   * are not held, so the caller keeps them out (it knows which ids the positions already count).
   */
  static fromPositions(
    reference: LedgerReferenceData,
    positions: Iterable<StockPosition>,
    lastReceiptCosts: Iterable<{ siteId: string; productId: string; cost: number }>,
  ): Ledger {
    const ledger = new Ledger(reference, { history: false });
    for (const p of positions) {
      const { position, totals } = ledger.positionFor(p.siteId, p.productId, p.batchId);
      position.qty += p.qty;
      position.value += p.value;
      totals.qty += p.qty;
      totals.value += p.value;
    }
    for (const { siteId, productId, cost } of lastReceiptCosts) ledger.positionTotals(siteId, productId).lastReceiptCost = cost;
    return ledger;
  }

  /** The position of one batch at one site (undefined when it never held it). */
  position(siteId: string, batchId: string): StockPosition | undefined {
    return this.sites.get(siteId)?.byBatch.get(batchId);
  }

  /** Last receipt cost per site and product, for persisting the projection. */
  *lastReceiptCosts(): Generator<{ siteId: string; productId: string; cost: number }> {
    for (const [siteId, site] of this.sites) {
      for (const [productId, totals] of site.byProduct) {
        if (totals.lastReceiptCost !== undefined) yield { siteId, productId, cost: totals.lastReceiptCost };
      }
    }
  }

  /** Applies one movement; returns false when its id was already applied (idempotent). */
  apply(movement: MovementDoc): boolean {
    if (this.keepsHistory) {
      if (this.appliedIds.has(movement.id)) return false;
      this.appliedIds.add(movement.id);
      const index = this.log.length;
      this.log.push(movement);
      if (this.byDocIndex) addToIndex(this.byDocIndex, movement.docId, index);
      if (this.byBatchIndex && affectsOnHand(movement.kind))
        addToIndex(this.byBatchIndex, batchKey(movement.siteId, movement.batchId), index);
    }
    if (!affectsOnHand(movement.kind)) return true;

    const { position, totals } = this.positionFor(movement.siteId, movement.productId, movement.batchId);
    const value = movement.qty * movement.unitCost;
    position.qty += movement.qty;
    position.value += value;
    totals.qty += movement.qty;
    totals.value += value;
    // The opening cost is the last known cost until the first purchase: its price is checked against it.
    if ((movement.kind === 'receipt' || movement.kind === 'opening') && movement.reversalOf === undefined)
      totals.lastReceiptCost = movement.unitCost;
    return true;
  }

  /** Applies everything a posting produced (after the local transaction commits). */
  commit(writes: LedgerWrites): void {
    for (const batch of writes.batches) this.upsertBatch(batch);
    if (writes.document) this.upsertDocument(writes.document);
    for (const movement of writes.movements) this.apply(movement);
    for (const entry of writes.journal) this.addJournal(entry);
  }

  product(productId: string): ProductDoc | undefined {
    return this.products.get(productId);
  }
  batch(batchId: string): BatchDoc | undefined {
    return this.batches.get(batchId);
  }
  document(documentId: string): DocumentDoc | undefined {
    return this.documents.get(documentId);
  }
  policy(siteId: string): SitePolicy {
    return this.policies.get(siteId) ?? defaultSitePolicy;
  }
  siteTimeZone(siteId: string): string {
    return this.zones.get(siteId) ?? DEFAULT_SITE_TIME_ZONE;
  }

  onHand(siteId: string, batchId: string): number {
    return this.sites.get(siteId)?.byBatch.get(batchId)?.qty ?? 0;
  }

  onHandAt(siteId: string, batchId: string, at: string): number {
    this.assertHistory('onHandAt');
    if (!this.byBatchIndex) {
      this.byBatchIndex = new Map();
      this.log.forEach((m, index) => {
        if (affectsOnHand(m.kind)) addToIndex(this.byBatchIndex as Map<string, number[]>, batchKey(m.siteId, m.batchId), index);
      });
    }
    const cutoff = Date.parse(at);
    let qty = 0;
    for (const index of this.byBatchIndex.get(batchKey(siteId, batchId)) ?? []) {
      const movement = this.log[index];
      if (movement && Date.parse(movement.at) <= cutoff) qty += movement.qty;
    }
    return qty;
  }

  positionsOf(siteId: string, productId: string): readonly StockPosition[] {
    return this.sites.get(siteId)?.byProduct.get(productId)?.positions ?? [];
  }

  productTotals(siteId: string, productId: string): { qty: number; value: number } {
    const totals = this.sites.get(siteId)?.byProduct.get(productId);
    return totals ? { qty: totals.qty, value: totals.value } : { qty: 0, value: 0 };
  }

  movementsOfDocument(documentId: string): readonly MovementDoc[] {
    this.assertHistory('movementsOfDocument');
    if (!this.byDocIndex) {
      this.byDocIndex = new Map();
      this.log.forEach((m, index) => addToIndex(this.byDocIndex as Map<string, number[]>, m.docId, index));
    }
    return (this.byDocIndex.get(documentId) ?? []).flatMap((index) => this.log[index] ?? []);
  }

  journalOfDocument(documentId: string): readonly JournalDoc[] {
    return this.journalByDoc.get(documentId) ?? [];
  }

  lastReceiptCost(siteId: string, productId: string): number | undefined {
    return this.sites.get(siteId)?.byProduct.get(productId)?.lastReceiptCost;
  }

  /** Every movement applied, in application order. */
  movements(): readonly MovementDoc[] {
    this.assertHistory('movements');
    return this.log;
  }

  /** Every (site, product, batch) position, as plain values. */
  positions(): StockPosition[] {
    const result: StockPosition[] = [];
    for (const site of this.sites.values()) {
      for (const p of site.byBatch.values()) {
        result.push({ siteId: p.siteId, productId: p.productId, batchId: p.batchId, qty: p.qty, value: p.value });
      }
    }
    return result;
  }

  private assertHistory(method: string): void {
    if (!this.keepsHistory) throw new Error(`Ledger.${method}: this ledger keeps positions only; read movement history from its store`);
  }

  private positionTotals(siteId: string, productId: string): ProductTotals {
    const site = this.siteStock(siteId);
    let totals = site.byProduct.get(productId);
    if (!totals) {
      totals = { qty: 0, value: 0, positions: [], lastReceiptCost: undefined };
      site.byProduct.set(productId, totals);
    }
    return totals;
  }

  private positionFor(siteId: string, productId: string, batchId: string): { position: MutablePosition; totals: ProductTotals } {
    const site = this.siteStock(siteId);
    const totals = this.positionTotals(siteId, productId);
    let position = site.byBatch.get(batchId);
    if (!position) {
      position = { siteId, productId, batchId, qty: 0, value: 0 };
      site.byBatch.set(batchId, position);
      totals.positions.push(position);
    }
    return { position, totals };
  }

  private siteStock(siteId: string): SiteStock {
    let site = this.sites.get(siteId);
    if (!site) {
      site = { byBatch: new Map(), byProduct: new Map() };
      this.sites.set(siteId, site);
    }
    return site;
  }
}

function addToIndex(index: Map<string, number[]>, key: string, position: number): void {
  const entries = index.get(key);
  if (entries) entries.push(position);
  else index.set(key, [position]);
}

function batchKey(siteId: string, batchId: string): string {
  return `${siteId}\u0000${batchId}`;
}

/** Position key used by `recomputePositions` and by comparisons in tests. */
export function positionKey(p: { siteId: string; productId: string; batchId: string }): string {
  return `${p.siteId}\u0000${p.productId}\u0000${p.batchId}`;
}

/**
 * The definition the projection must equal: Σ movements per (site, product, batch), each id
 * counted once, written as plainly as possible so it can serve as the oracle.
 */
export function recomputePositions(movements: Iterable<MovementDoc>): Map<string, StockPosition> {
  const seen = new Set<string>();
  const positions = new Map<string, StockPosition>();
  for (const m of movements) {
    if (seen.has(m.id) || !affectsOnHand(m.kind)) continue;
    seen.add(m.id);
    const key = positionKey(m);
    const before = positions.get(key) ?? { siteId: m.siteId, productId: m.productId, batchId: m.batchId, qty: 0, value: 0 };
    positions.set(key, { ...before, qty: before.qty + m.qty, value: before.value + m.qty * m.unitCost });
  }
  return positions;
}
