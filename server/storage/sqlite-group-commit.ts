import type Database from 'better-sqlite3';

interface Queued {
  work: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for SQLite (issue 19): the writes submitted while the event loop was busy (the
 * pushes parsed in one turn, typically the ones that arrived during the previous commit's fsync)
 * run in one `BEGIN IMMEDIATE` transaction, each in its own savepoint, and share one durable
 * commit. Each is answered only after that commit; one that throws is rolled back to its
 * savepoint and fails alone, the others are stored. A failure that takes the whole transaction
 * with it (SQLite rolls back on a full disk or an I/O error) fails every write of the group, so
 * none is answered as stored when it is not.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private scheduled = false;
  private readonly runOne: (work: () => unknown) => unknown;
  private readonly runGroup: Database.Transaction<(group: readonly Queued[]) => Outcome[]>;

  constructor(
    private readonly db: Database.Database,
    /** Runs after each durable commit with what the group's writes returned (the stream's poke). */
    private readonly committed: (values: readonly unknown[]) => void,
  ) {
    // A transaction function called inside another runs as a savepoint (better-sqlite3).
    this.runOne = db.transaction((work: () => unknown) => work());
    this.runGroup = db.transaction((group: readonly Queued[]) => {
      const outcomes: Outcome[] = [];
      for (const q of group) {
        try {
          outcomes.push({ ok: true, value: this.runOne(q.work) });
        } catch (error) {
          if (!this.db.inTransaction) throw error;
          outcomes.push({ ok: false, error });
        }
      }
      return outcomes;
    });
  }

  /** Runs `work` inside the next group's transaction; resolves once that transaction is durable. */
  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.runGroup.immediate(group);
    } catch (error) {
      for (const q of group) q.reject(error);
      return;
    }
    try {
      this.committed(outcomes.flatMap((o) => (o.ok ? [o.value] : [])));
    } finally {
      outcomes.forEach((o, i) => (o.ok ? group[i]!.resolve(o.value) : group[i]!.reject(o.error)));
    }
  }
}
