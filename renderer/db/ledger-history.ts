// The persisted half of the terminal's stock projection (local-ledger.ts), in its own IndexedDB
// database beside the RxDB store — the way the file outbox keeps its queue. It holds:
// - the positions (on-hand and value per site and batch) and last receipt costs the projection
//   had after folding every movement it holds, and the local store's checkpoint (RxDB's
//   `_meta.lwt` order) up to which it folded: a start loads these and folds only newer movements;
// - a copy of every folded movement, indexed by instant, document and batch: reports over a date
//   range, a document's movements and a count's on-hand-at read them by index instead of holding
//   every movement in memory. The copy is also what makes a fold idempotent across restarts: a
//   movement whose id is here was counted, whatever `_meta.lwt` a later rewrite gives it.
// Movements, positions and checkpoint are written in one IndexedDB transaction, so they always
// agree; a crash loses at most the unflushed tail, which the next start folds again from the
// store. This database is derived data: deleting it costs one full fold, never a figure.
import Dexie, { type Table } from 'dexie';
import type { StockPosition } from '../../shared/domain';
import type { MovementDoc } from '../../shared/schemas';

/** RxDB's storage checkpoint: documents are ordered by last write time, then id. */
export interface StoreCheckpoint {
  lwt: number;
  id: string;
}

/** A folded movement as kept here: the document's fields plus its instant in milliseconds. */
export type HistoryMovement = MovementDoc & { atMs: number };

interface StoredCost {
  siteId: string;
  productId: string;
  cost: number;
}

interface Meta {
  key: 'checkpoint';
  checkpoint: StoreCheckpoint;
  /** How many movements have been folded, for the figures a bench or a support person reads. */
  folded: number;
}

export interface ProjectionSnapshot {
  positions: StockPosition[];
  costs: StoredCost[];
  checkpoint: StoreCheckpoint | null;
  folded: number;
}

export interface FoldWrite {
  movements: readonly MovementDoc[];
  positions: readonly StockPosition[];
  costs: readonly StoredCost[];
  checkpoint: StoreCheckpoint | null;
}

class HistoryDatabase extends Dexie {
  movements!: Table<HistoryMovement, string>;
  positions!: Table<StockPosition, [string, string]>;
  costs!: Table<StoredCost, [string, string]>;
  meta!: Table<Meta, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      movements: 'id, atMs, docId, batchId',
      positions: '[siteId+batchId]',
      costs: '[siteId+productId]',
      meta: 'key',
    });
  }
}

function plainMovement(movement: MovementDoc): HistoryMovement {
  const fields = Object.fromEntries(Object.entries(movement).filter(([key]) => !key.startsWith('_'))) as MovementDoc;
  return { ...fields, atMs: Date.parse(movement.at) };
}

function withoutAtMs({ atMs: _atMs, ...movement }: HistoryMovement): MovementDoc {
  return movement;
}

/** The later of two checkpoints: a replayed change event never moves the checkpoint back. */
function later(a: StoreCheckpoint | undefined, b: StoreCheckpoint | null): StoreCheckpoint | undefined {
  if (!b) return a;
  if (!a) return b;
  return b.lwt > a.lwt || (b.lwt === a.lwt && b.id > a.id) ? b : a;
}

export class LedgerHistory {
  private folded = 0;
  private constructor(private readonly db: HistoryDatabase) {}

  /** Opens (or creates) the history of the local store named `storeName`. */
  static async open(storeName: string): Promise<LedgerHistory> {
    const db = new HistoryDatabase(`${storeName}-ledger`);
    await db.open();
    return new LedgerHistory(db);
  }

  async load(): Promise<ProjectionSnapshot> {
    return this.db.transaction('r', this.db.positions, this.db.costs, this.db.meta, async () => {
      const [positions, costs, meta] = await Promise.all([
        this.db.positions.toArray(),
        this.db.costs.toArray(),
        this.db.meta.get('checkpoint'),
      ]);
      this.folded = meta?.folded ?? 0;
      return { positions, costs, checkpoint: meta?.checkpoint ?? null, folded: this.folded };
    });
  }

  /** Forgets everything: the next fold starts from the first movement of the store. */
  async clear(): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.movements, db.positions, db.costs, db.meta, async () => {
      await Promise.all([db.movements.clear(), db.positions.clear(), db.costs.clear(), db.meta.clear()]);
    });
    this.folded = 0;
  }

  /** Which of these movement ids were folded already (in an earlier session or earlier in this one). */
  async foldedIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const keys = await this.db.movements
      .where('id')
      .anyOf([...ids])
      .primaryKeys();
    return new Set(keys);
  }

  /** Stores newly folded movements with the positions they changed and the checkpoint reached. */
  async write(fold: FoldWrite): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.movements, db.positions, db.costs, db.meta, async () => {
      if (fold.movements.length) await db.movements.bulkPut(fold.movements.map(plainMovement));
      if (fold.positions.length) await db.positions.bulkPut([...fold.positions]);
      if (fold.costs.length) await db.costs.bulkPut([...fold.costs]);
      this.folded += fold.movements.length;
      const previous = await db.meta.get('checkpoint');
      const checkpoint = later(previous?.checkpoint, fold.checkpoint);
      if (checkpoint) await db.meta.put({ key: 'checkpoint', checkpoint, folded: this.folded });
    });
  }

  /** Movements whose instant is at or after `fromMs` (and before `toMs` when given), oldest first. */
  async movementsBetween(fromMs: number, toMs = Number.POSITIVE_INFINITY): Promise<MovementDoc[]> {
    const rows = await this.db.movements.where('atMs').between(fromMs, toMs, true, false).toArray();
    return rows.map(withoutAtMs);
  }

  async movementsOfDocuments(docIds: readonly string[]): Promise<MovementDoc[]> {
    if (docIds.length === 0) return [];
    return (
      await this.db.movements
        .where('docId')
        .anyOf([...docIds])
        .toArray()
    ).map(withoutAtMs);
  }

  async movementsOfBatches(batchIds: readonly string[]): Promise<MovementDoc[]> {
    if (batchIds.length === 0) return [];
    return (
      await this.db.movements
        .where('batchId')
        .anyOf([...batchIds])
        .toArray()
    ).map(withoutAtMs);
  }

  /** Every movement folded; for screens that truly need the whole history (trace, forecast). */
  async allMovements(): Promise<MovementDoc[]> {
    return (await this.db.movements.orderBy('atMs').toArray()).map(withoutAtMs);
  }

  get foldedCount(): number {
    return this.folded;
  }

  close(): void {
    this.db.close();
  }
}
