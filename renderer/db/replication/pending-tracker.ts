// Counts local writes the endpoint has not acknowledged yet, for the sync indicator. A write is
// local when RxDB's bulkWrite context is not one of the replication's own ('replication-…').
// The set is persisted, so a restart with unsent writes still shows them as pending.
import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { LarderDatabase } from '../database';
import { collectionNames, type CollectionName } from '../../../shared/schemas';

export interface PendingPersistence {
  load(): string[];
  save(keys: string[]): void;
}

export const memoryPersistence = (): PendingPersistence => {
  let saved: string[] = [];
  return { load: () => saved, save: (keys) => void (saved = keys) };
};

const keyOf = (collection: CollectionName, id: string) => `${collection}/${id}`;

export class PendingTracker {
  private readonly pending: Set<string>;
  private readonly subscriptions: Subscription[] = [];

  constructor(
    db: LarderDatabase,
    private readonly persistence: PendingPersistence,
    private readonly onChange: (count: number) => void,
  ) {
    this.pending = new Set(persistence.load());
    for (const name of collectionNames) {
      const subscription = (db[name] as RxCollection<unknown>).storageInstance.changeStream().subscribe((bulk) => {
        if (bulk.context.startsWith('replication-')) return;
        for (const event of bulk.events) this.pending.add(keyOf(name, event.documentId));
        this.changed();
      });
      this.subscriptions.push(subscription);
    }
    onChange(this.pending.size);
  }

  get count(): number {
    return this.pending.size;
  }

  /** The endpoint answered a push containing these documents (stored, or a conflict resolved). */
  acknowledged(collection: CollectionName, ids: readonly string[]): void {
    for (const id of ids) this.pending.delete(keyOf(collection, id));
    this.changed();
  }

  stop(): void {
    this.subscriptions.forEach((s) => s.unsubscribe());
  }

  private changed(): void {
    this.persistence.save([...this.pending]);
    this.onChange(this.pending.size);
  }
}
