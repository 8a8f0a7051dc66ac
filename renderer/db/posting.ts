// Posting a document on this terminal: the ledger rules (shared/domain) decide the movements,
// journal entries and events; this module writes them with the document as one unit from the
// user's point of view. RxDB has no cross-collection transaction, so the outcome is first saved
// as an *intent* (a local document); a crash between the writes leaves the intent, and
// `repairPendingPostings` completes it on the next start. Ids are derived from the document, so
// completing twice writes nothing twice.
import type { RxCollection } from 'rxdb';
import { historyReadsOf, postDocument, type DomainError, type LedgerView, type PostingResult } from '../../shared/domain';
import type { BatchDoc, DocumentDoc } from '../../shared/schemas';
import { sameContent } from './conflict-handlers';
import type { LarderDatabase } from './database';
import type { LocalLedger } from './local-ledger';
import { assertWritableHere } from './write-guard';

const intentsKey = 'posting-intents';
type Intents = Record<string, PostingResult>;

export class PostingRefusedError extends Error {
  override readonly name = 'PostingRefusedError';
  constructor(readonly domainError: DomainError) {
    super(domainError.message);
  }
}

export class LedgerWriteConflictError extends Error {
  override readonly name = 'LedgerWriteConflictError';
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`${collection}/${id} already exists with other content; the ledger is never rewritten`);
  }
}

async function readIntents(db: LarderDatabase): Promise<Intents> {
  const doc = await db.documents.getLocal<{ intents: Intents }>(intentsKey);
  return doc?.get('intents') ?? {};
}

async function writeIntents(db: LarderDatabase, intents: Intents): Promise<void> {
  await db.documents.upsertLocal(intentsKey, { intents });
}

/** Inserts append-only records; an existing id is fine only when its content is identical. */
export async function insertOnce<T extends { id: string }>(collection: RxCollection<T>, name: string, docs: readonly T[]): Promise<void> {
  if (docs.length === 0) return;
  const result = await collection.bulkInsert([...docs]);
  for (const error of result.error) {
    const attempted = docs.find((d) => d.id === error.documentId);
    if (error.status !== 409 || !attempted) throw new Error(`${name}/${error.documentId}: write failed (${error.status})`);
    const existing = error.documentInDb;
    const stored = Object.fromEntries(Object.entries(existing as Record<string, unknown>).filter(([key]) => !key.startsWith('_')));
    if (!sameContent(stored, attempted)) throw new LedgerWriteConflictError(name, error.documentId);
  }
}

async function writeOutcome(db: LarderDatabase, result: PostingResult): Promise<void> {
  if (result.batches.length) await db.batches.bulkUpsert(result.batches);
  await insertOnce(db.movements, 'movements', result.movements);
  await insertOnce(db.journal, 'journal', result.journal);
  await insertOnce(db.events, 'events', result.events);
  await db.documents.upsert(result.document); // last: a posted document implies its ledger entries exist
}

export interface PostingOptions {
  /**
   * Batches this terminal may read but has not synced yet — e.g. a store receiving a dispatch
   * offline by its QR code, which carries the kitchen's batches. The posting may read them; they
   * are never written here (a batch is written only by the site that created it).
   */
  batchFallback?: (batchId: string) => BatchDoc | undefined;
}

function withBatchFallback(view: LedgerView, fallback: (batchId: string) => BatchDoc | undefined): LedgerView {
  return new Proxy(view, {
    get(target, property, receiver) {
      if (property === 'batch') return (batchId: string) => target.batch(batchId) ?? fallback(batchId);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** One posting at a time per terminal, so two quick clicks cannot both take the last unit. */
let queue: Promise<unknown> = Promise.resolve();

export function postLocally(
  db: LarderDatabase,
  local: LocalLedger,
  document: DocumentDoc,
  options: PostingOptions = {},
): Promise<PostingResult> {
  const run = async () => {
    const base = await local.postingView(historyReadsOf(document));
    const view = options.batchFallback ? withBatchFallback(base, options.batchFallback) : base;
    const outcome = postDocument(document, view);
    if (!outcome.ok) throw new PostingRefusedError(outcome.error);
    const { result } = outcome;
    assertWritableHere(db, {
      batches: result.batches,
      movements: result.movements,
      journal: result.journal,
      events: result.events,
      documents: [result.document],
    });
    await writeIntents(db, { ...(await readIntents(db)), [document.id]: result });
    await writeOutcome(db, result);
    // Atomic apply: the in-memory projection changes only after every write committed.
    await local.commit(result);
    const intents = await readIntents(db);
    delete intents[document.id];
    await writeIntents(db, intents);
    return result;
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Completes postings interrupted by a crash or a closed window; returns their document ids. */
export async function repairPendingPostings(db: LarderDatabase, local: LocalLedger): Promise<string[]> {
  const intents = await readIntents(db);
  const repaired: string[] = [];
  for (const [documentId, result] of Object.entries(intents)) {
    await writeOutcome(db, result);
    await local.commit(result);
    repaired.push(documentId);
  }
  if (repaired.length) await writeIntents(db, {});
  return repaired;
}
