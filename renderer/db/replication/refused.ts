// Rows the endpoint will never take. A push is all-or-nothing (SYNC-PROTOCOL.md): one invalid
// (422), forbidden (403) or oversized (413) row refuses its whole request, and RxDB retries a
// failed batch forever — so one bad document would hold back every later write of its
// collection on this terminal, and stop the collection's downstream too where it waits for the
// upstream. Such rows are set aside instead: kept in the local store, listed for the user with
// the endpoint's reason, and the rest of the batch goes on. Editing the document so that the
// endpoint accepts it clears the entry.
import type { CollectionName } from '../../../shared/schemas';
import type { ListPersistence } from './pending-tracker';
import { SyncHttpError } from './transport';

export interface RefusedRecord {
  collection: CollectionName;
  id: string;
  /**
   * HTTP status of the refusal: 422 invalid, 403 not writable here, 413 too large; 0 for a
   * document pulled from the endpoint that this terminal could not store (set aside, not retried).
   */
  status: number;
  /** The endpoint's own words (the validation message), or its error code. */
  reason: string;
  at: string;
}

export type RefusedPersistence = ListPersistence<RefusedRecord>;

interface RowDetail {
  index?: unknown;
  id?: unknown;
  message?: unknown;
}

/**
 * Which rows of a refused request the refusal names, by index into `ids` (the request's row
 * ids, in order). Empty when the error is not a per-row refusal (then the whole batch is retried).
 */
export function refusedRows(error: unknown, ids: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!(error instanceof SyncHttpError)) return out;
  if (error.status === 413 && ids.length === 1) {
    out.set(0, error.message);
    return out;
  }
  if (error.status !== 422 && error.status !== 403) return out;
  const details = Array.isArray(error.details) ? (error.details as RowDetail[]) : [];
  for (const detail of details) {
    const index = typeof detail.index === 'number' ? detail.index : ids.indexOf(String(detail.id));
    // The index must name the row the endpoint says it names, or nothing is set aside.
    if (index < 0 || index >= ids.length || (detail.id !== undefined && ids[index] !== String(detail.id))) continue;
    out.set(index, typeof detail.message === 'string' ? detail.message : error.reason);
  }
  return out;
}

export class RefusedLog {
  private records: RefusedRecord[];

  constructor(
    private readonly persistence: RefusedPersistence,
    private readonly onChange: (records: readonly RefusedRecord[]) => void,
  ) {
    this.records = persistence.load();
    onChange(this.records);
  }

  get all(): readonly RefusedRecord[] {
    return this.records;
  }

  add(records: readonly RefusedRecord[]): void {
    if (records.length === 0) return;
    const replaced = new Set(records.map((r) => `${r.collection}/${r.id}`));
    this.records = [...this.records.filter((r) => !replaced.has(`${r.collection}/${r.id}`)), ...records];
    this.persist();
  }

  /** These documents were accepted after all (edited since): no longer refused. */
  accepted(collection: CollectionName, ids: readonly string[]): void {
    if (this.records.length === 0) return;
    const taken = new Set(ids);
    const kept = this.records.filter((r) => r.collection !== collection || !taken.has(r.id));
    if (kept.length === this.records.length) return;
    this.records = kept;
    this.persist();
  }

  private persist(): void {
    this.persistence.save(this.records);
    this.onChange(this.records);
  }
}
