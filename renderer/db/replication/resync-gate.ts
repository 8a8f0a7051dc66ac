// Works around RxDB 17.6.0 dropping a RESYNC that is queued behind a change event
// (SYNC-PROTOCOL.md, Live stream): after each (re)connection the gate raises RESYNC, raises it
// again every `retryMs` until a checkpoint pull has *started* after the connection, and holds
// the new connection's change events until then, so nothing committed while the stream was down
// can be skipped.
import { Subject } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import type { WireCheckpoint } from './pull-checkpoint';

export type StreamItem<T> = RxReplicationPullStreamItem<T, WireCheckpoint>;
export type ChangeItem<T> = Exclude<StreamItem<T>, 'RESYNC'>;

export class ResyncGate<T> {
  readonly stream$ = new Subject<StreamItem<T>>();
  private awaitingPull = false;
  private held: ChangeItem<T>[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  /** How many RESYNCs were raised for the current connection (tests read it). */
  raisedForConnection = 0;

  constructor(private readonly retryMs = 1_000) {}

  /** Call when the live stream (re)connects. */
  connected(): void {
    this.awaitingPull = true;
    this.held = [];
    this.raisedForConnection = 0;
    clearInterval(this.timer);
    this.raise();
    this.timer = setInterval(() => this.raise(), this.retryMs);
  }

  /** Call at the start of every pull handler invocation. */
  pullStarted(): void {
    if (!this.awaitingPull) return;
    this.awaitingPull = false;
    clearInterval(this.timer);
    // Released after the pull has begun: whatever they carry is either in that pull or newer.
    const released = this.held;
    this.held = [];
    queueMicrotask(() => released.forEach((item) => this.stream$.next(item)));
  }

  change(item: ChangeItem<T>): void {
    if (this.awaitingPull) this.held.push(item);
    else this.stream$.next(item);
  }

  stop(): void {
    clearInterval(this.timer);
    this.stream$.complete();
  }

  private raise(): void {
    this.raisedForConnection++;
    this.stream$.next('RESYNC');
  }
}
