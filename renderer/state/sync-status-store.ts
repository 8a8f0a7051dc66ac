import { create } from 'zustand';
import type { RefusedRecord } from '../db/replication/refused';
import type { VersionProblem } from '../db/replication/sync-errors';

export type Connectivity = 'not-paired' | 'connecting' | 'online' | 'offline';

/** What the sync indicator shows. Written only by the sync layer; read by the UI. */
export interface SyncStatus {
  connectivity: Connectivity;
  pendingUploads: number;
  lastSyncAt: string | null;
  error: string | null;
  /** Records received so far during the first full pull, null otherwise. */
  initialSyncReceived: number | null;
  /** Local records the endpoint refused for good: kept here, not uploaded, shown to the user. */
  refused: readonly RefusedRecord[];
  /** The endpoint will not sync some data with this app's version until one side is updated. */
  versionProblem: VersionProblem | null;
  /** HQ revoked this terminal (the endpoint said `revoked`): shown in words until it is paired again. */
  revoked: boolean;
}

interface SyncStatusState extends SyncStatus {
  update(patch: Partial<SyncStatus>): void;
}

export const useSyncStatusStore = create<SyncStatusState>()((set) => ({
  connectivity: 'not-paired',
  pendingUploads: 0,
  lastSyncAt: null,
  error: null,
  initialSyncReceived: null,
  refused: [],
  versionProblem: null,
  revoked: false,
  update: (patch) => set(patch),
}));
