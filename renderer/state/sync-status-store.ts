import { create } from 'zustand';

export type Connectivity = 'not-paired' | 'connecting' | 'online' | 'offline';

/** What the sync indicator shows. Written only by the sync layer; read by the UI. */
export interface SyncStatus {
  connectivity: Connectivity;
  pendingUploads: number;
  lastSyncAt: string | null;
  error: string | null;
  /** Records received so far during the first full pull, null otherwise. */
  initialSyncReceived: number | null;
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
  update: (patch) => set(patch),
}));
