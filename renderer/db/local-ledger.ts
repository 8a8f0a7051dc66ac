// The terminal's stock projection: the domain `Ledger` (shared/domain/projection.ts) resumed from
// its persisted positions (ledger-history.ts), brought up to date by folding only the movements
// the local store received since, and kept current from the change streams, whether a change came
// from a local posting or from sync. Screens read figures from here (through `useLedgerRead`),
// never from a number stored anywhere else; movement history (reports, a document's movements,
// a count's on-hand-at) is read by index from the history, not held in memory.
import { BehaviorSubject, type Subscription } from 'rxjs';
import { getChangedDocumentsSince, type RxCollection } from 'rxdb';
import {
  Ledger,
  sitePolicyFromConfig,
  withLoadedHistory,
  type HistoryReads,
  type LedgerView,
  type LedgerWrites,
  type StockPosition,
} from '../../shared/domain';
import type { BatchDoc, ConfigDoc, DocumentDoc, JournalDoc, MovementDoc, ProductDoc, SiteDoc } from '../../shared/schemas';
import type { LarderDatabase } from './database';
import { LedgerHistory, type StoreCheckpoint } from './ledger-history';

async function all<T>(collection: RxCollection<T>): Promise<T[]> {
  return (await collection.find().exec()).map((doc) => doc.toJSON() as T);
}

/** Movements folded per IndexedDB transaction while catching up or following a burst of sync. */
const foldBatchSize = 2_000;

type StoredMovement = MovementDoc & { _meta?: { lwt: number }; _deleted?: boolean };

export interface LedgerOpenFigures {
  /** Movements the persisted projection already counted when this start began. */
  resumedFrom: number;
  /** Movements folded at this start (newer than the checkpoint, or all of them the first time). */
  foldedAtOpen: number;
}

export class LocalLedger {
  /** Bumped (coalesced) whenever the projection changes; `useLedgerRead` recomputes on it. */
  readonly changes$ = new BehaviorSubject(0);
  private readonly subscriptions: Subscription[] = [];
  private bumpScheduled = false;
  /** Movements the change stream delivered that are not folded yet. */
  private pending: StoredMovement[] = [];
  /**
   * Every fold, commit and catch-up runs here, one after another: whether a movement is new is
   * decided against the history, and two decisions in flight at once could both say yes.
   */
  private chain: Promise<unknown> = Promise.resolve();
  /** Posted here and counted on screen at once, but not yet folded into the history. */
  private readonly postedNotFolded = new Set<string>();
  private closed = false;
  openFigures: LedgerOpenFigures = { resumedFrom: 0, foldedAtOpen: 0 };

  private constructor(
    /** What screens and postings read: the persisted positions plus everything counted since. */
    readonly ledger: Ledger,
    /** Exactly what the history holds: the positions written with each fold. */
    private readonly persisted: Ledger,
    readonly history: LedgerHistory,
    private readonly db: LarderDatabase,
  ) {}

  static async open(db: LarderDatabase): Promise<LocalLedger> {
    const history = await LedgerHistory.open(db.name);
    await forgetIfStoreReplaced(db, history);
    const [products, batches, documents, journal, config, sites, snapshot] = await Promise.all([
      all<ProductDoc>(db.products),
      all<BatchDoc>(db.batches),
      all<DocumentDoc>(db.documents),
      all<JournalDoc>(db.journal),
      all<ConfigDoc>(db.config),
      all<SiteDoc>(db.sites),
      history.load(),
    ]);
    const ledger = Ledger.fromPositions({ products, batches, documents, journal, config, sites }, snapshot.positions, snapshot.costs);
    const persisted = Ledger.fromPositions({}, snapshot.positions, snapshot.costs);
    const local = new LocalLedger(ledger, persisted, history, db);
    // Follow first, then catch up: a movement written in between arrives twice and counts once.
    local.follow(db);
    const folded = await local.serially(() => local.catchUp(db, snapshot.checkpoint));
    local.openFigures = { resumedFrom: snapshot.folded, foldedAtOpen: folded };
    return local;
  }

  /**
   * Applies a posting's writes right after its local writes committed, before the next posting
   * runs (postLocally awaits it). Movements already folded — a posting completed again after a
   * crash — are not counted twice.
   */
  commit(writes: LedgerWrites): Promise<void> {
    return this.serially(async () => {
      for (const batch of writes.batches) this.ledger.upsertBatch(batch);
      if (writes.document) this.ledger.upsertDocument(writes.document);
      for (const entry of writes.journal) this.ledger.addJournal(entry);
      const folded = await this.history.foldedIds(writes.movements.map((m) => m.id));
      for (const movement of writes.movements) {
        if (folded.has(movement.id) || this.postedNotFolded.has(movement.id)) continue;
        this.ledger.apply(movement);
        this.postedNotFolded.add(movement.id);
      }
      this.bump();
    });
  }

  /** A view for posting `reads`' rules: positions from memory, the history they declare loaded by index. */
  async postingView(reads: HistoryReads): Promise<LedgerView> {
    if (reads.documentIds.length === 0 && reads.batches.length === 0) return this.ledger;
    await this.settled();
    const byDocument = await this.history.movementsOfDocuments(reads.documentIds);
    const byBatch = await this.history.movementsOfBatches(reads.batches.map((b) => b.batchId));
    const byId = new Map([...byDocument, ...byBatch].map((m) => [m.id, m]));
    return withLoadedHistory(this.ledger, reads, [...byId.values()]);
  }

  /** Resolves once every movement seen so far is in the history (so index reads include it). */
  async settled(): Promise<void> {
    for (;;) {
      const current = this.chain;
      await current.catch(() => undefined);
      if (current === this.chain && this.pending.length === 0) return;
    }
  }

  /** Movements at or after `from` (and before `to`), oldest first; instants as ISO strings. */
  async movementsBetween(from: string, to?: string): Promise<MovementDoc[]> {
    await this.settled();
    return this.history.movementsBetween(Date.parse(from), to === undefined ? undefined : Date.parse(to));
  }

  async movementsOfDocuments(docIds: readonly string[]): Promise<MovementDoc[]> {
    await this.settled();
    return this.history.movementsOfDocuments(docIds);
  }

  async movementsOfBatches(batchIds: readonly string[]): Promise<MovementDoc[]> {
    await this.settled();
    return this.history.movementsOfBatches(batchIds);
  }

  async allMovements(): Promise<MovementDoc[]> {
    await this.settled();
    return this.history.allMovements();
  }

  close(): void {
    this.closed = true;
    this.subscriptions.forEach((s) => s.unsubscribe());
    this.changes$.complete();
    void this.chain.finally(() => this.history.close());
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch((error: unknown) => console.error('larder: the stock projection could not be updated', error));
    return next;
  }

  /** Folds the movements the store received after the checkpoint; returns how many were new. */
  private async catchUp(db: LarderDatabase, from: StoreCheckpoint | null): Promise<number> {
    let checkpoint: StoreCheckpoint | undefined = from ?? undefined;
    let folded = 0;
    for (;;) {
      const page = await getChangedDocumentsSince(db.movements.storageInstance, foldBatchSize, checkpoint);
      if (page.documents.length === 0) break;
      checkpoint = page.checkpoint as StoreCheckpoint;
      folded += await this.fold(page.documents as StoredMovement[], checkpoint);
      if (page.documents.length < foldBatchSize) break;
    }
    return folded;
  }

  /**
   * Counts the movements not counted before and writes them, with the positions they changed and
   * the checkpoint, to the history in one transaction. Returns how many were new. Runs serially.
   */
  private async fold(movements: readonly StoredMovement[], checkpoint: StoreCheckpoint | null): Promise<number> {
    const live = movements.filter((m) => !m._deleted);
    const counted = await this.history.foldedIds(live.map((m) => m.id));
    const fresh: MovementDoc[] = [];
    const seen = new Set<string>();
    for (const movement of live) {
      if (counted.has(movement.id) || seen.has(movement.id)) continue;
      seen.add(movement.id);
      fresh.push(movement);
    }
    const touched = new Map<string, StockPosition>();
    const costs = new Map<string, { siteId: string; productId: string; cost: number }>();
    for (const movement of fresh) {
      // Counted on screen when it was inserted or committed: count it on screen once.
      if (!this.postedNotFolded.delete(movement.id)) this.ledger.apply(movement);
      this.persisted.apply(movement);
      const position = this.persisted.position(movement.siteId, movement.batchId);
      if (position) touched.set(`${movement.siteId}\u0000${movement.batchId}`, { ...position });
      const cost = this.persisted.lastReceiptCost(movement.siteId, movement.productId);
      if (cost !== undefined)
        costs.set(`${movement.siteId}\u0000${movement.productId}`, { siteId: movement.siteId, productId: movement.productId, cost });
    }
    await this.history.write({ movements: fresh, positions: [...touched.values()], costs: [...costs.values()], checkpoint });
    if (fresh.length) this.bump();
    return fresh.length;
  }

  private follow(db: LarderDatabase): void {
    const on = <T>(collection: RxCollection<T>, apply: (doc: T) => void) =>
      this.subscriptions.push(
        collection.$.subscribe((event) => {
          if (event.operation === 'DELETE') return; // the ledger has no deletes; reference tombstones keep their last state
          apply(event.documentData as T);
          this.bump();
        }),
      );
    on(db.products, (doc) => this.ledger.upsertProduct(doc));
    on(db.batches, (doc) => this.ledger.upsertBatch(doc));
    on(db.documents, (doc) => this.ledger.upsertDocument(doc));
    on(db.journal, (doc) => this.ledger.addJournal(doc));
    on(db.sites, (doc) => this.ledger.upsertSite(doc));
    on(db.config, (doc) => {
      if (doc.key === 'site-policy' && doc.siteId) this.ledger.setPolicy(doc.siteId, sitePolicyFromConfig(doc));
    });
    this.subscriptions.push(
      db.movements.$.subscribe((event) => {
        if (event.operation === 'DELETE') return;
        const movement = event.documentData as StoredMovement;
        // A movement new to the store (sync or a posting) counts on screen at once, as it did
        // before the history existed: screens and the next posting must not wait for the fold
        // (a first sync left the kitchen's figures seconds behind the banner). An update of a
        // stored movement (a migration, a re-pull) is decided against the history in the fold.
        if (event.operation === 'INSERT' && !this.postedNotFolded.has(movement.id)) {
          this.ledger.apply(movement);
          this.postedNotFolded.add(movement.id);
          this.bump();
        }
        const first = this.pending.length === 0;
        this.pending.push(movement);
        if (first) void this.serially(() => this.foldPending());
      }),
    );
  }

  /** Folds what the change stream delivered, a batch at a time. */
  private async foldPending(): Promise<void> {
    while (this.pending.length > 0 && !this.closed) {
      const batch = this.pending.splice(0, foldBatchSize);
      try {
        await this.fold(batch, latestCheckpoint(batch));
      } catch (error) {
        // The history's checkpoint did not move past this batch: fold again from it, from the
        // store, rather than let a later batch move the checkpoint over movements never counted.
        console.error('larder: folding synced movements failed; folding again from the store', error);
        this.pending = [];
        await this.catchUp(this.db, (await this.history.load()).checkpoint);
      }
    }
  }

  /** Coalesces bursts (an initial pull of 100,000 movements) into one re-render per frame. */
  private bump(): void {
    if (this.bumpScheduled || this.closed) return;
    this.bumpScheduled = true;
    setTimeout(() => {
      this.bumpScheduled = false;
      if (!this.closed) this.changes$.next(this.changes$.value + 1);
    }, 50);
  }
}

/**
 * A history whose checkpoint names a movement the store does not hold belongs to a store that
 * was replaced (its site data cleared and synced again): its positions would count movements
 * this store never had, so it is rebuilt from this store instead.
 */
async function forgetIfStoreReplaced(db: LarderDatabase, history: LedgerHistory): Promise<void> {
  const { checkpoint } = await history.load();
  if (checkpoint && !(await db.movements.findOne(checkpoint.id).exec())) await history.clear();
}

/** The checkpoint after a batch of change events: the greatest (lwt, id) among them. */
function latestCheckpoint(batch: readonly StoredMovement[]): StoreCheckpoint | null {
  let latest: StoreCheckpoint | null = null;
  for (const m of batch) {
    const lwt = m._meta?.lwt;
    if (lwt === undefined) continue;
    if (!latest || lwt > latest.lwt || (lwt === latest.lwt && m.id > latest.id)) latest = { lwt, id: m.id };
  }
  return latest;
}
