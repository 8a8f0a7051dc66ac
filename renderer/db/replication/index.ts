// One replication per collection (`replicateRxCollection` with thin handlers to
// SYNC-PROTOCOL.md) plus one live stream for all collections. Sync runs beside the screens,
// never in front of them: every screen reads and writes the local store only.
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { collectionNames, collectionSchemas, type CollectionName } from '../../../shared/schemas';
import type { LarderDatabase } from '../database';
import { PendingTracker, type PendingPersistence } from './pending-tracker';
import { ResyncGate } from './resync-gate';
import { readSse } from './sse';
import { backoffDelay, defaultBackoff, SyncHttpError, SyncTransport, type BackoffPolicy } from './transport';

/** RxDB keeps checkpoints as objects (a bare string is stored spread into {"0": …}). */
export interface WireCheckpoint {
  token: string;
}

export interface SyncStatusPatch {
  connectivity?: 'connecting' | 'online' | 'offline';
  pendingUploads?: number;
  lastSyncAt?: string;
  error?: string | null;
  /** Records received so far while the first full pull runs; null once it finished. */
  initialSyncReceived?: number | null;
}

export interface StartSyncOptions {
  db: LarderDatabase;
  endpointUrl: string;
  token: string;
  onStatus(patch: SyncStatusPatch): void;
  pendingPersistence: PendingPersistence;
  backoff?: BackoffPolicy;
  /** RxDB's own retry after a handler error (non-retryable 4xx), ms. */
  retryTimeMs?: number;
  resyncRetryMs?: number;
  fetchImpl?: typeof fetch;
}

export interface LarderSync {
  readonly states: Record<CollectionName, RxReplicationState<unknown, WireCheckpoint>>;
  readonly gates: Record<CollectionName, ResyncGate<unknown>>;
  awaitInSync(): Promise<void>;
  /** Drops the live stream as a network failure would; it reconnects by itself. */
  dropStream(): void;
  /** The network is said to be back: reconnect now instead of after the backoff. */
  reconnectNow(): void;
  stop(): Promise<void>;
}

interface ChangePayload {
  collection: CollectionName;
  documents: WithDeleted<unknown>[];
  checkpoint: string;
}

export function describeSyncError(error: unknown): string {
  // RxDB hands errors from handlers on as plain JSON ({name, message, stack}) inside its RxError.
  const cause = (error as { parameters?: { errors?: unknown[] } })?.parameters?.errors?.[0] ?? error;
  if (cause instanceof SyncHttpError) {
    if (cause.reason === 'schema-mismatch') {
      const { terminal, server } = (cause.details ?? {}) as { terminal?: number; server?: number };
      const side = (terminal ?? 0) > (server ?? 0) ? 'the endpoint needs updating' : 'this terminal needs updating';
      return `data format differs (terminal v${terminal}, endpoint v${server}): ${side}`;
    }
    if (cause.status === 401) return 'the endpoint no longer accepts this terminal (token revoked or unknown): pair again in Settings';
    return `${cause.message} (${cause.reason})`;
  }
  const message = (cause as { message?: unknown })?.message;
  return typeof message === 'string' ? message.trim() : String(cause);
}

/** Handler errors are reported from here, while their type and details are still at hand. */
function reporting<A extends unknown[], R>(onStatus: (patch: SyncStatusPatch) => void, handler: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await handler(...args);
    } catch (error) {
      onStatus({ error: describeSyncError(error) });
      throw error;
    }
  };
}

export function startSync(options: StartSyncOptions): LarderSync {
  const { db, onStatus } = options;
  const backoff = options.backoff ?? defaultBackoff;
  let streamConnected = false;
  const transport = new SyncTransport(
    options.endpointUrl,
    options.token,
    {
      onReachable: () => undefined,
      onUnreachable: (reason) => onStatus({ connectivity: 'offline', error: streamConnected ? reason : null }),
    },
    backoff,
    options.fetchImpl,
  );
  const tracker = new PendingTracker(db, options.pendingPersistence, (count) => onStatus({ pendingUploads: count }));
  const synced = () => onStatus({ lastSyncAt: new Date().toISOString(), error: null });
  // The endpoint does not say how much there is to pull, so the first sync shows what has
  // arrived so far rather than a percentage it would have to invent.
  let initialReceived: number | null = 0;

  const gates = {} as Record<CollectionName, ResyncGate<unknown>>;
  const states = {} as Record<CollectionName, RxReplicationState<unknown, WireCheckpoint>>;
  for (const name of collectionNames) {
    const gate = new ResyncGate<unknown>(options.resyncRetryMs);
    gates[name] = gate;
    states[name] = replicateRxCollection<unknown, WireCheckpoint>({
      replicationIdentifier: `larder-v1-${name}-${options.endpointUrl}`,
      collection: db[name] as never,
      live: true,
      autoStart: true,
      waitForLeadership: false,
      retryTime: options.retryTimeMs ?? 5_000,
      pull: {
        batchSize: 500,
        stream$: gate.stream$.asObservable(),
        handler: reporting(onStatus, async (checkpoint: WireCheckpoint | undefined, batchSize: number) => {
          gate.pullStarted();
          const query = new URLSearchParams({ limit: String(batchSize) });
          if (checkpoint) query.set('checkpoint', checkpoint.token);
          const page = await transport.json<{ documents: WithDeleted<unknown>[]; checkpoint: string }>(`/api/v1/sync/${name}/pull?${query}`);
          synced();
          if (initialReceived !== null) {
            initialReceived += page.documents.length;
            onStatus({ initialSyncReceived: initialReceived });
          }
          return { documents: page.documents, checkpoint: { token: page.checkpoint } };
        }),
      },
      push: {
        batchSize: 200, // the endpoint takes at most 500 rows / 5 MiB per request
        handler: reporting(onStatus, async (rows: RxReplicationWriteToMasterRow<unknown>[]) => {
          const answer = await transport.json<{ conflicts: WithDeleted<unknown>[] }>(`/api/v1/sync/${name}/push`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-schema-version': String(collectionSchemas[name].version) },
            body: JSON.stringify(rows),
          });
          tracker.acknowledged(name, rows.map((row) => (row.newDocumentState as unknown as { id: string }).id));
          synced();
          return answer.conflicts;
        }),
      },
    });
    // Errors the handlers did not see (RxDB's own) still reach the indicator.
    states[name].error$.subscribe((error) => {
      if (!(error.parameters as { errors?: unknown[] } | undefined)?.errors) onStatus({ error: describeSyncError(error) });
    });
  }

  let stopped = false;
  let streamAbort: AbortController | undefined;
  let wake: (() => void) | undefined;
  const runStream = async () => {
    for (let attempt = 1; !stopped; attempt++) {
      streamAbort = new AbortController();
      try {
        const response = await transport.open('/api/v1/sync/stream', { headers: { accept: 'text/event-stream' }, signal: streamAbort.signal });
        if (!response.ok) throw new SyncHttpError(response.status, 'stream-refused', `live stream refused: HTTP ${response.status}`);
        attempt = 0;
        streamConnected = true;
        onStatus({ connectivity: 'online', error: null });
        for (const gate of Object.values(gates)) gate.connected();
        await readSse(
          response,
          (message) => {
            if (message.event !== 'change') return;
            const payload = JSON.parse(message.data) as ChangePayload;
            gates[payload.collection]?.change({ documents: payload.documents, checkpoint: { token: payload.checkpoint } });
          },
          streamAbort.signal,
        );
      } catch (error) {
        if (!stopped && error instanceof SyncHttpError && error.status === 401) onStatus({ error: describeSyncError(error) });
      }
      streamConnected = false;
      if (stopped) return;
      onStatus({ connectivity: 'offline' });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoffDelay(Math.max(1, attempt), backoff));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };
  onStatus({ connectivity: 'connecting', initialSyncReceived: 0 });
  void Promise.all(Object.values(states).map((state) => state.awaitInitialReplication()))
    .then(() => {
      initialReceived = null;
      onStatus({ initialSyncReceived: null });
      return Promise.all(Object.values(states).map((state) => state.awaitInSync()));
    })
    .then(
      () => tracker.settleCarriedOver(),
      () => undefined, // cancelled before it finished
    );
  void runStream();

  return {
    states,
    gates,
    awaitInSync: async () => {
      await Promise.all(Object.values(states).map((state) => state.awaitInSync()));
    },
    dropStream: () => streamAbort?.abort(),
    reconnectNow: () => wake?.(),
    stop: async () => {
      stopped = true;
      streamAbort?.abort();
      wake?.();
      tracker.stop();
      await Promise.all(Object.values(states).map((state) => state.cancel()));
      Object.values(gates).forEach((gate) => gate.stop());
    },
  };
}
