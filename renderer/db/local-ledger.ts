// The terminal's stock projection: the domain `Ledger` (shared/domain/projection.ts) filled from
// the local store at start-up and kept current from each collection's change stream, whether a
// change came from a local posting or from sync. Screens read figures from here, never from a
// number stored anywhere else (every number on screen comes from the ledger).
import { BehaviorSubject, type Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { Ledger, sitePolicyFromConfig, type LedgerWrites } from '../../shared/domain';
import type { BatchDoc, ConfigDoc, DocumentDoc, JournalDoc, MovementDoc, ProductDoc } from '../../shared/schemas';
import type { LarderDatabase } from './database';

async function all<T>(collection: RxCollection<T>): Promise<T[]> {
  return (await collection.find().exec()).map((doc) => doc.toJSON() as T);
}

export class LocalLedger {
  /** Bumped (coalesced) whenever the projection changes; screens re-render on it. */
  readonly version$ = new BehaviorSubject(0);
  private readonly subscriptions: Subscription[] = [];
  private bumpScheduled = false;

  private constructor(readonly ledger: Ledger) {}

  static async open(db: LarderDatabase): Promise<LocalLedger> {
    const [products, batches, documents, journal, config, movements] = await Promise.all([
      all<ProductDoc>(db.products),
      all<BatchDoc>(db.batches),
      all<DocumentDoc>(db.documents),
      all<JournalDoc>(db.journal),
      all<ConfigDoc>(db.config),
      all<MovementDoc>(db.movements),
    ]);
    const local = new LocalLedger(Ledger.fromMovements({ products, batches, documents, journal, config }, movements));
    local.follow(db);
    return local;
  }

  /** Applies a posting's writes right after its local transaction committed. */
  commit(writes: LedgerWrites): void {
    this.ledger.commit(writes);
    this.bump();
  }

  close(): void {
    this.subscriptions.forEach((s) => s.unsubscribe());
    this.version$.complete();
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
    on(db.movements, (doc) => void this.ledger.apply(doc)); // idempotent by movement id
    on(db.config, (doc) => {
      if (doc.key === 'site-policy' && doc.siteId) this.ledger.setPolicy(doc.siteId, sitePolicyFromConfig(doc));
    });
  }

  /** Coalesces bursts (an initial pull of 100,000 movements) into one re-render per frame. */
  private bump(): void {
    if (this.bumpScheduled) return;
    this.bumpScheduled = true;
    setTimeout(() => {
      this.bumpScheduled = false;
      this.version$.next(this.version$.value + 1);
    }, 50);
  }
}
