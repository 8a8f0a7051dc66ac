// Merge rules per collection (ARCHITECTURE.md: "each collection has a written merge rule").
// Only two terminals of one site can conflict (single-writer sites); the server's copy is the
// master state RxDB hands us as `realMasterState`.
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import type { CollectionName, DocumentStatus } from '../../shared/schemas';

/**
 * RxDB's bookkeeping on a stored document, not its content. The local migration leaves
 * `_attachments: {}` on the replication's record of the server copy while the local copy has none
 * (RxDB strips it there), so comparing them made every migrated document look edited locally: its
 * re-pulled server copy was not stored and the migrated copy was pushed back instead.
 */
const RXDB_BOOKKEEPING = new Set(['_meta', '_rev', '_attachments']);

/** Key order differs between JSON round trips; compare by content. */
export function sameContent(a: unknown, b: unknown): boolean {
  return sameValue(a, b, true);
}

function sameValue(a: unknown, b: unknown, topLevel: boolean): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysOf = (value: object) =>
    Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined && !(topLevel && RXDB_BOOKKEEPING.has(k)));
  const aKeys = keysOf(a);
  if (aKeys.length !== keysOf(b).length) return false;
  return aKeys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], false));
}

/**
 * Append-only ledgers (movements, journal, events) never merge: ids are derived from the posting
 * document, so a conflict means the same entry already exists; the stored one stands.
 */
function masterWins<T>(): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => sameContent(a, b),
    resolve: async ({ realMasterState }) => realMasterState,
  };
}

/**
 * Documents follow their state machine: the state further along wins (a shipped dispatch beats
 * an edited draft, since stock already moved); at the same stage the server's copy — the first
 * to arrive — wins, and the loser's terminal shows the stored version.
 */
export const statusRank: Record<DocumentStatus, number> = {
  draft: 0,
  submitted: 1,
  approved: 2,
  rejected: 2,
  picked: 3,
  cancelled: 4,
  shipped: 5,
  posted: 5,
};

function byDocumentState<T extends { status?: DocumentStatus }>(): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => sameContent(a, b),
    resolve: async ({ realMasterState, newDocumentState }): Promise<WithDeleted<T>> => {
      const master = statusRank[realMasterState.status ?? 'draft'];
      const mine = statusRank[newDocumentState.status ?? 'draft'];
      return mine > master ? newDocumentState : realMasterState;
    },
  };
}

export function conflictHandlerFor(collection: CollectionName): RxConflictHandler<unknown> {
  // Reference data is written by HQ terminals (batches by their site): last write at the server
  // stands, like an edit made on another HQ screen a moment later.
  const handler = collection === 'documents' ? byDocumentState() : masterWins();
  return handler as unknown as RxConflictHandler<unknown>;
}
