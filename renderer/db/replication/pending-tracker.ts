// Counts local writes the endpoint has not acknowledged yet, for the sync indicator. A write is
// local when RxDB's bulkWrite context is not one of the replication's own ('replication-…').
// The set is persisted, so a restart with unsent writes still shows them as pending.
import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import { collectionsOf, type LarderDatabase } from '../database';
import type { CollectionName } from '../../../shared/schemas';

/** Where a list survives a restart (localStorage in the app; memory in tests and benchmarks). */
export interface ListPersistence<T> {
  load(): T[];
  save(items: T[]): void;
}

export type PendingPersistence = ListPersistence<string>;

export const memoryPersistence = <T = string>(): ListPersistence<T> => {
  let saved: T[] = [];
  return { load: () => saved, save: (items) => void (saved = items) };
};

const SAVE_COALESCE_MS = 250;

const keyOf = (collection: CollectionName, id: string) => `${collection}/${id}`;

export class PendingTracker {
  private readonly pending: Set<string>;
  /** Keys persisted by an earlier session: possibly stale (see settleCarriedOver). */
  private readonly carriedOver: Set<string>;
  private readonly subscriptions: Subscription[] = [];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    db: LarderDatabase,
    private readonly persistence: PendingPersistence,
    private readonly onChange: (count: number) => void,
  ) {
    this.pending = new Set(persistence.load());
    this.carriedOver = new Set(this.pending);
    for (const name of collectionsOf(db)) {
      const subscription = (db[name] as RxCollection<unknown>).storageInstance.changeStream().subscribe((bulk) => {
        if (bulk.context.startsWith('replication-')) return;
        for (const event of bulk.events) {
          const key = keyOf(name, event.documentId);
          this.pending.add(key);
          this.carriedOver.delete(key); // written again this session: tracked afresh
        }
        this.changed('added');
      });
      this.subscriptions.push(subscription);
    }
    onChange(this.pending.size);
  }

  get count(): number {
    return this.pending.size;
  }

  /** `collection/id` of every write the endpoint has not acknowledged (local-backup.ts exports them). */
  keys(): string[] {
    return [...this.pending];
  }

  /** The endpoint answered a push containing these documents (stored, or a conflict resolved). */
  acknowledged(collection: CollectionName, ids: readonly string[]): void {
    for (const id of ids) this.pending.delete(keyOf(collection, id));
    this.changed('removed');
  }

  /**
   * Once replication has caught up after start-up, whatever the last session left pending has
   * been pushed: RxDB pushes everything since its own checkpoint. The persisted set can still
   * hold keys whose acknowledgement never reached disk (a kill -9 before the browser flushed
   * it); without this they would show as pending forever (found by the fault harness).
   */
  settleCarriedOver(): void {
    if (this.carriedOver.size === 0) return;
    for (const key of this.carriedOver) this.pending.delete(key);
    this.carriedOver.clear();
    this.changed('removed');
  }

  stop(): void {
    this.subscriptions.forEach((s) => s.unsubscribe());
    if (this.saveTimer !== undefined) this.save();
  }

  /**
   * A new pending write is saved at once: after a crash the indicator must never show fewer
   * pending writes than there are. Acknowledgements are saved at most every SAVE_COALESCE_MS —
   * a 20,000-row upload acknowledges 40 times, and each save writes the whole set — and a key
   * whose removal was lost is cleared by settleCarriedOver after the next catch-up.
   */
  private changed(kind: 'added' | 'removed'): void {
    if (kind === 'added') this.save();
    else this.saveTimer ??= setTimeout(() => this.save(), SAVE_COALESCE_MS);
    this.onChange(this.pending.size);
  }

  private save(): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.persistence.save([...this.pending]);
  }
}
