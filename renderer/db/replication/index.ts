// One replication per collection (`replicateRxCollection` with thin handlers to
// SYNC-PROTOCOL.md) plus one live stream for all collections. Sync runs beside the screens,
// never in front of them: every screen reads and writes the local store only.
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { collectionNames, type CollectionName } from '../../../shared/schemas';
import { currentVersion } from '../../../shared/schemas/versions';
import {
  formatSchemaVersions,
  HEADER_SCHEMA_VERSION,
  HEADER_SCHEMA_VERSIONS,
  MAX_PULL_LIMIT,
  MAX_PUSH_ROWS,
  documentLimitProblem,
  type PullAnswer,
  type PushAnswer,
} from '../../../shared/protocol';
import { describeSyncError, isRevokedError, versionProblemOf, type VersionProblem } from './sync-errors';
import type { Writer } from '../../../shared/schemas/write-scope';
import { collectionsOf, type LarderDatabase } from '../database';
import { memoryPersistence, PendingTracker, type PendingPersistence } from './pending-tracker';
import { withoutOthersDocuments } from './others-documents';
import { RefusedLog, refusedRows, type RefusedPersistence, type RefusedRecord } from './refused';
import { pullStart, pulledCheckpoint, type WireCheckpoint } from './pull-checkpoint';
import { requestsUnderLimit } from './push-requests';
import { adoptPulledOthersDocuments } from './adopt-pulled';
import { EpochResets, isCatchUpRefusal, isEpochChange } from './epoch-change';
import { ResyncGate } from './resync-gate';
import { readSse } from './sse';
import { backoffDelay, defaultBackoff, SyncHttpError, SyncTransport, type BackoffPolicy } from './transport';

export { describeSyncError, versionProblemOf, type VersionProblem } from './sync-errors';

export type { WireCheckpoint } from './pull-checkpoint';
export { requestsUnderLimit } from './push-requests';

export interface SyncStatusPatch {
  connectivity?: 'connecting' | 'online' | 'offline';
  pendingUploads?: number;
  lastSyncAt?: string;
  error?: string | null;
  /** Records received so far while the first full pull runs; null once it finished. */
  initialSyncReceived?: number | null;
  /** Local records the endpoint refused for good (refused.ts), with its reasons. */
  refused?: readonly RefusedRecord[];
  /** The endpoint and this app speak different data versions (SYNC-PROTOCOL.md, Schema evolution); null once they agree. */
  versionProblem?: VersionProblem | null;
  /** HQ revoked this terminal: nothing syncs until it is paired again. */
  revoked?: boolean;
}

export interface StartSyncOptions {
  db: LarderDatabase;
  endpointUrl: string;
  token: string;
  onStatus(patch: SyncStatusPatch): void;
  pendingPersistence: PendingPersistence;
  /** Where refused records are kept across restarts (memory when omitted). */
  refusedPersistence?: RefusedPersistence;
  backoff?: BackoffPolicy;
  /** RxDB's own retry after a handler error (non-retryable 4xx), ms. */
  retryTimeMs?: number;
  resyncRetryMs?: number;
  fetchImpl?: typeof fetch;
  /**
   * The data version this terminal speaks per collection; the current schemas when omitted. Tests
   * set it to run a terminal of an older release beside current ones.
   */
  schemaVersions?: Readonly<Record<CollectionName, number>>;
}

export interface LarderSync {
  readonly states: Record<CollectionName, RxReplicationState<unknown, WireCheckpoint>>;
  readonly gates: Record<CollectionName, ResyncGate<unknown>>;
  awaitInSync(): Promise<void>;
  /** `collection/id` of the local writes the endpoint has not acknowledged yet. */
  pendingKeys(): string[];
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

/** Handler errors are reported from here, while their type and details are still at hand. */
function reporting<A extends unknown[], R>(
  onStatus: (patch: SyncStatusPatch) => void,
  collection: CollectionName,
  handler: (...args: A) => Promise<R>,
  onVersionProblem?: (collection: CollectionName, problem: VersionProblem | null) => void,
) {
  return async (...args: A): Promise<R> => {
    try {
      return await handler(...args);
    } catch (error) {
      const versionProblem = versionProblemOf(collection, error);
      onVersionProblem?.(collection, versionProblem);
      onStatus({
        error: describeSyncError(error),
        ...(versionProblem ? { versionProblem } : {}),
        ...(isRevokedError(error) ? { revoked: true } : {}),
      });
      throw error;
    }
  };
}

/** The protocol's largest pull page. */
const PULL_PAGE_LIMIT = MAX_PULL_LIMIT;
/** Documents handed to RxDB per pull batch (several pages). */
const PULL_BATCH_DOCUMENTS = 10_000;
/** The protocol's row limit per push. */
const PUSH_ROWS_PER_REQUEST = MAX_PUSH_ROWS;
export function startSync(options: StartSyncOptions): LarderSync {
  const { db, onStatus } = options;
  const backoff = options.backoff ?? defaultBackoff;
  let streamConnected = false;
  // Whether a request's failure made the indicator say offline: the next answer says online again
  // while the stream holds. A 429 is an answer (the endpoint asks this terminal to slow down, and
  // the request waits and retries): it never makes the indicator say offline.
  let shownOffline = false;
  // An answer to a request, or bytes on the live stream (its keep-alive comes every ≤ 25 s), say
  // the endpoint is there: a failure shown while the stream holds does not outlive the next one,
  // even when no request follows it (an idle terminal whose failed request was cancelled).
  const reachable = () => {
    if (!shownOffline || !streamConnected) return;
    shownOffline = false;
    onStatus({ connectivity: 'online', error: null });
  };
  const transport = new SyncTransport(
    options.endpointUrl,
    options.token,
    {
      onReachable: () => reachable(),
      onUnreachable: (reason) => {
        if (reason.startsWith('HTTP 429')) return;
        shownOffline = true;
        onStatus({ connectivity: 'offline', error: streamConnected ? reason : null });
      },
    },
    backoff,
    options.fetchImpl,
  );
  const tracker = new PendingTracker(db, options.pendingPersistence, (count) => onStatus({ pendingUploads: count }));
  const refused = new RefusedLog(options.refusedPersistence ?? memoryPersistence<RefusedRecord>(), (records) =>
    onStatus({ refused: records }),
  );
  const synced = () => onStatus({ lastSyncAt: new Date().toISOString(), error: null });
  const versions: Readonly<Record<CollectionName, number>> =
    options.schemaVersions ??
    (Object.fromEntries(collectionNames.map((name) => [name, currentVersion(name)])) as Record<CollectionName, number>);
  /** Requests the endpoint refused for their data version; the banner stays until each succeeds again. */
  const versionRefused = new Set<string>();
  const clearVersionProblem = (name: CollectionName, operation: 'pull' | 'push') => {
    if (versionRefused.delete(`${operation}:${name}`) && versionRefused.size === 0) onStatus({ versionProblem: null });
  };
  const report = <A extends unknown[], R>(name: CollectionName, operation: 'pull' | 'push', handler: (...args: A) => Promise<R>) =>
    reporting(onStatus, name, handler, (collection, problem) => {
      if (problem) versionRefused.add(`${operation}:${collection}`);
    });
  const idOf = (row: RxReplicationWriteToMasterRow<unknown>) => (row.newDocumentState as unknown as { id: string }).id;
  /** This terminal's site as the endpoint knows it (asked once per session, when first pushing). */
  let writer: Promise<Writer> | undefined;
  const whoami = (): Promise<Writer> =>
    (writer ??= transport.json<Writer>('/api/v1/whoami').catch((error: unknown) => {
      writer = undefined;
      throw error;
    }));

  /**
   * One push request. Rows the endpoint refuses for good are set aside (refused.ts) and the
   * request is sent again without them; any other failure is thrown, and RxDB retries the batch.
   */
  const pushRequest = async (
    name: CollectionName,
    rows: RxReplicationWriteToMasterRow<unknown>[],
    body: string,
  ): Promise<WithDeleted<unknown>[]> => {
    let sending = rows;
    let payload = body;
    for (;;) {
      const ids = sending.map(idOf);
      try {
        const answer = await transport.json<PushAnswer<WithDeleted<unknown>>>(`/api/v1/sync/${name}/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HEADER_SCHEMA_VERSION]: String(versions[name]) },
          body: payload,
        });
        tracker.acknowledged(name, ids);
        refused.accepted(name, ids);
        clearVersionProblem(name, 'push');
        return answer.conflicts;
      } catch (error) {
        const named = refusedRows(error, ids);
        if (named.size === 0 || catchingUpAfterRestore(error)) throw error;
        const at = new Date().toISOString();
        const status = (error as SyncHttpError).status;
        refused.add([...named].map(([index, reason]) => ({ collection: name, id: ids[index] ?? '', status, reason, at })));
        tracker.acknowledged(
          name,
          [...named.keys()].map((index) => ids[index] ?? ''),
        );
        sending = sending.filter((_, index) => !named.has(index));
        if (sending.length === 0) return [];
        payload = JSON.stringify(sending);
      }
    }
  };
  /** When this terminal last saw the endpoint's epoch change (refusals just after it are retried). */
  let epochChangedAt: number | null = null;
  const catchingUpAfterRestore = (error: unknown) => isCatchUpRefusal(error, epochChangedAt);
  const setAsidePulled = (name: CollectionName, doc: unknown, problem: string) => {
    const id = String((doc as { id?: unknown } | null)?.id ?? '?').slice(0, 64);
    refused.add([{ collection: name, id, status: 0, reason: `received but not stored: ${problem}`, at: new Date().toISOString() }]);
  };
  // The endpoint does not say how much there is to pull, so the first sync shows what has
  // arrived so far rather than a percentage it would have to invent.
  let initialReceived: number | null = 0;

  const gates = {} as Record<CollectionName, ResyncGate<unknown>>;
  const states = {} as Record<CollectionName, RxReplicationState<unknown, WireCheckpoint>>;
  const replicated = collectionsOf(db);
  for (const name of replicated) gates[name] = new ResyncGate<unknown>(options.resyncRetryMs);
  // A restored endpoint (epoch-change.ts): every replication is removed with its state and started afresh.
  const epochs = new EpochResets(async () => {
    epochChangedAt = Date.now();
    await Promise.all(Object.values(states).map((state) => state.remove()));
    if (stopped) return;
    initialReceived = 0;
    for (const name of replicated) states[name] = replicate(name, epochs.generation + 1);
    watchInitialSync();
  });
  function replicate(name: CollectionName, generation: number): RxReplicationState<unknown, WireCheckpoint> {
    const gate = gates[name];
    const state = replicateRxCollection<unknown, WireCheckpoint>({
      replicationIdentifier: `larder-v1-${name}-${options.endpointUrl}`,
      collection: db[name] as never,
      live: true,
      autoStart: true,
      waitForLeadership: false,
      retryTime: options.retryTimeMs ?? 5_000,
      pull: {
        // One RxDB batch spans several protocol pages (≤ 1,000 each): every batch is one write
        // into local storage, and each write re-merges the collection's sorted indexes, so
        // fewer, larger writes keep a 100,000-document first sync from turning quadratic.
        batchSize: PULL_BATCH_DOCUMENTS,
        stream$: gate.stream$.asObservable(),
        handler: report(name, 'pull', async (checkpoint: WireCheckpoint | undefined, batchSize: number) => {
          gate.pullStarted();
          const documents: WithDeleted<unknown>[] = [];
          // Copies pulled at an older version than this app speaks are pulled again (pull-checkpoint.ts).
          let token = pullStart(name, checkpoint, versions[name]);
          for (;;) {
            const limit = Math.min(PULL_PAGE_LIMIT, batchSize - documents.length);
            const query = new URLSearchParams({ limit: String(limit) });
            if (token !== undefined) query.set('checkpoint', token);
            // Documents come as this app's version knows them (the endpoint projects newer ones).
            const page = await transport
              .json<PullAnswer<WithDeleted<unknown>>>(`/api/v1/sync/${name}/pull?${query}`, {
                headers: { [HEADER_SCHEMA_VERSION]: String(versions[name]) },
              })
              .catch((error: unknown) => {
                // The reset replaces this replication; it must not wait for this handler, so it is not awaited.
                if (isEpochChange(error)) epochs.changed(generation);
                throw error;
              });
            synced();
            clearVersionProblem(name, 'pull');
            for (const doc of page.documents) {
              // One document this store cannot hold (nested past the wire's limits, say) is set
              // aside and named; the rest of the page goes on (SYNC-PROTOCOL.md, Limits on values).
              const problem = documentLimitProblem(doc);
              if (problem === null) documents.push(doc);
              else setAsidePulled(name, doc, problem);
            }
            token = page.checkpoint;
            if (initialReceived !== null) {
              initialReceived += page.documents.length;
              onStatus({ initialSyncReceived: initialReceived });
            }
            // A short page means nothing newer is there (SYNC-PROTOCOL.md, pull).
            if (page.documents.length < limit || documents.length >= batchSize) break;
          }
          // After an epoch change, other sites' documents are taken as pulled (adopt-pulled.ts).
          if (generation > 0 && documents.length > 0) await adoptPulledOthersDocuments(db, name, documents, await whoami());
          return { documents, checkpoint: pulledCheckpoint(token, versions[name]) };
        }),
      },
      push: {
        batchSize: PUSH_ROWS_PER_REQUEST,
        handler: report(name, 'push', async (rows: RxReplicationWriteToMasterRow<unknown>[]) => {
          const conflicts: WithDeleted<unknown>[] = [];
          // Rows go in requests under the endpoint's 5 MiB limit; a failure part-way makes RxDB
          // retry the whole batch, and the endpoint takes the replayed rows without a conflict.
          // A pulled document whose "in sync" record a crash lost is not pushed back (others-documents.ts).
          const { send, others } = withoutOthersDocuments(name, rows, await whoami());
          if (others.length > 0) tracker.acknowledged(name, others.map(idOf)); // nothing to upload: settled
          for (const request of requestsUnderLimit(send)) {
            for (const conflict of await pushRequest(name, request.rows, request.body)) conflicts.push(conflict);
          }
          synced();
          return conflicts;
        }),
      },
    });
    // Errors the handlers did not see (RxDB's own) still reach the indicator.
    state.error$.subscribe((error) => {
      if (!(error.parameters as { errors?: unknown[] } | undefined)?.errors) onStatus({ error: describeSyncError(error) });
    });
    return state;
  }
  let stopped = false;
  for (const name of replicated) states[name] = replicate(name, 0);

  let streamAbort: AbortController | undefined;
  let wake: (() => void) | undefined;
  const runStream = async () => {
    for (let attempt = 1; !stopped; attempt++) {
      streamAbort = new AbortController();
      try {
        const response = await transport.open('/api/v1/sync/stream', {
          headers: { accept: 'text/event-stream', [HEADER_SCHEMA_VERSIONS]: formatSchemaVersions(versions) },
          signal: streamAbort.signal,
        });
        if (!response.ok) {
          // A revoked terminal is told so by name (its body's `error`), whichever request hears it first.
          const answer = (await response.json().catch(() => ({}))) as { error?: unknown };
          const reason = answer.error === 'revoked' ? 'revoked' : 'stream-refused';
          throw new SyncHttpError(response.status, reason, `live stream refused: HTTP ${response.status}`);
        }
        attempt = 0;
        streamConnected = true;
        shownOffline = false;
        onStatus({ connectivity: 'online', error: null });
        for (const gate of Object.values(gates)) gate.connected();
        await readSse(
          response,
          (message) => {
            if (message.event !== 'change') return;
            const payload = JSON.parse(message.data) as ChangePayload;
            const storable = payload.documents.filter((doc) => {
              const problem = documentLimitProblem(doc);
              if (problem !== null) setAsidePulled(payload.collection, doc, problem);
              return problem === null;
            });
            // Stream documents come projected to this app's versions, as pulled ones do.
            const checkpoint = pulledCheckpoint(payload.checkpoint, versions[payload.collection]);
            gates[payload.collection]?.change({ documents: storable, checkpoint });
          },
          streamAbort.signal,
          undefined,
          reachable,
        );
      } catch (error) {
        if (!stopped && error instanceof SyncHttpError && error.status === 401)
          onStatus({ error: describeSyncError(error), ...(isRevokedError(error) ? { revoked: true } : {}) });
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
  function watchInitialSync(): void {
    onStatus({ initialSyncReceived: 0 });
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
  }
  onStatus({ connectivity: 'connecting' });
  watchInitialSync();
  void runStream();

  return {
    states,
    gates,
    awaitInSync: async () => {
      // An epoch reset replaces the replications under way: wait for the ones that replaced them.
      for (;;) {
        const generation = epochs.generation;
        await epochs.pending;
        try {
          await Promise.all(Object.values(states).map((state) => state.awaitInSync()));
        } catch (error) {
          if (generation === epochs.generation && !epochs.pending) throw error;
        }
        if (generation === epochs.generation && !epochs.pending) return;
      }
    },
    pendingKeys: () => tracker.keys(),
    dropStream: () => streamAbort?.abort(),
    reconnectNow: () => wake?.(),
    stop: async () => {
      stopped = true;
      streamAbort?.abort();
      wake?.();
      tracker.stop();
      await epochs.pending;
      await Promise.all(Object.values(states).map((state) => state.cancel()));
      Object.values(gates).forEach((gate) => gate.stop());
    },
  };
}
