// The commands a chaos terminal answers, whether it runs in a worker thread (memory storage) or
// in a Chromium page (Dexie on a persistent profile, for kill -9). Both speak this shape.
import type { CollectionName } from '../../shared/schemas';

export type ChaosCommand =
  | { op: 'insert'; collection: CollectionName; docs: unknown[] }
  | { op: 'patch'; collection: CollectionName; id: string; patch: Record<string, unknown> }
  | { op: 'get'; collection: CollectionName; id: string }
  | { op: 'dumpChanges'; collections: CollectionName[] }
  | { op: 'counts'; collections: CollectionName[] }
  | { op: 'positions' }
  | { op: 'status' }
  | { op: 'skewClock'; ms: number }
  | { op: 'stopSync' }
  | { op: 'startSync' }
  /**
   * The rolling upgrade of a first-release terminal: the store closed and reopened by the current
   * app (its local migration runs), sync resumed speaking the current versions. Only a worker
   * terminal started on the first release answers it (terminal-worker.ts).
   */
  | { op: 'upgrade' }
  | { op: 'close' };

export interface ChaosStatus {
  pendingUploads: number;
  connectivity: string;
  error: string | null;
  syncing: boolean;
  /** Records the endpoint refused for good (renderer/db/replication/refused.ts). */
  refused: number;
  /** The first refused record, with the endpoint's words, so a stuck terminal says why. */
  firstRefused?: string;
}

/**
 * What changed since the previous `dumpChanges` (id → canonical JSON, null when deleted), or
 * everything (`full`) on a terminal's first answer after it (re)started: the harness keeps a
 * mirror per terminal instead of reading every document after every run.
 */
export interface DumpChanges {
  full: boolean;
  changes: Partial<Record<CollectionName, [string, string | null][]>>;
}

/** Canonical JSON: the same content gives the same text whatever the key order or meta fields. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => !key.startsWith('_') && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
