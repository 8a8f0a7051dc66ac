// The endpoint was restored from a backup (SYNC-PROTOCOL.md, Epochs, backup and restore): its
// sequence numbers start again below this terminal's checkpoints, and whatever the backup missed is
// gone from it. A pull with a checkpoint of the old epoch is answered 409 epoch-changed; the
// terminal then forgets every collection's replication state (checkpoints and its record of what
// the endpoint holds) and starts afresh: RxDB pulls every collection from the start and pushes
// every document this terminal holds of its own site. The endpoint's rules keep that harmless — a
// document it already holds unchanged is a no-op, an append-only record is never doubled — and
// whatever the backup missed comes back from the terminals that still hold it.
import { SyncHttpError } from './transport';

/** How long after an epoch change a 403 is taken for a document not re-sent yet, and retried. */
export const RESTORE_CATCH_UP_MS = 120_000;

/**
 * Just after an epoch change the restored endpoint lacks what other terminals are still sending
 * back: a store's receipt is refused (403) because the kitchen has not re-sent the dispatch it
 * answers yet (found by the fault harness: a restore in run 5). Such a refusal is retried with the
 * batch rather than set aside for good, for a while; one still refused after that is set aside.
 */
export function isCatchUpRefusal(error: unknown, epochChangedAt: number | null, now = Date.now()): boolean {
  return error instanceof SyncHttpError && error.status === 403 && epochChangedAt !== null && now - epochChangedAt < RESTORE_CATCH_UP_MS;
}

export function isEpochChange(error: unknown): boolean {
  const cause = (error as { parameters?: { errors?: unknown[] } })?.parameters?.errors?.[0] ?? error;
  return cause instanceof SyncHttpError && cause.status === 409 && cause.reason === 'epoch-changed';
}

/**
 * Runs one reset at a time, and only for the generation of replications that saw the change: a
 * late answer to a replication already replaced must not start another.
 */
export class EpochResets {
  private generationNumber = 0;
  private running: Promise<void> | null = null;

  constructor(private readonly reset: () => Promise<void>) {}

  get generation(): number {
    return this.generationNumber;
  }

  /** The reset under way, if any (awaiting sync waits for it). */
  get pending(): Promise<void> | null {
    return this.running;
  }

  /** Called by a handler of replication generation `seenIn` that was told the epoch changed. */
  changed(seenIn: number): void {
    if (seenIn !== this.generationNumber || this.running) return;
    this.running = this.reset()
      .catch(() => undefined) // stopped while resetting: nothing left to restart
      .finally(() => {
        this.generationNumber += 1;
        this.running = null;
      });
  }
}
