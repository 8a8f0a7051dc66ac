// The one executor of business writes (ARCHITECTURE.md, "Commands are the one write path"). A
// screen sends a command's name and input; this module stamps ids, document numbers, the instant,
// the site's business date, the terminal and the operator, loads what the command reads, runs its
// pure rules (shared/commands), refuses writes this site may not make before anything is stored,
// and writes: records as they are, postings through the posting intent (posting.ts). Screens never
// touch a collection (an ESLint rule in eslint.config.js says so).
import { useState } from 'react';
import type { RxCollection } from 'rxdb';
import {
  assertPermitted,
  commandNamed,
  commandPermission,
  permissionsNeeded,
  type CommandContext,
  type CommandInput,
  type CommandName,
  type CommandReads,
  type CommandResult,
  type CommandStamp,
  type RecordWrites,
} from '../../shared/commands';
import { businessDateInZone, historyReadsOf, type PostingResult } from '../../shared/domain';
import type { BatchDoc, ConfigDoc, DocumentDoc, EventDoc, PartnerDoc, PersonDoc, ProductDoc } from '../../shared/schemas';
import type { Operator } from '../../shared/domain';
import { usePairingStore, type Pairing } from '../state/pairing-store';
import { siteTimeZoneNow } from '../state/site-clock-store';
import { signInRequired, useSignInStore } from '../state/sign-in-store';
import type { LarderDatabase } from './database';
import { nextDocumentNumber } from './document-numbers';
import type { LocalLedger } from './local-ledger';
import { insertOnce, postLocally } from './posting';
import { useSessionStore } from './session';
import { assertWritableHere } from './write-guard';

export interface CommandSession {
  db: LarderDatabase;
  ledger: LocalLedger;
  siteId: string;
  siteKind: CommandStamp['siteKind'];
  terminalId: string;
  /**
   * The person signed in and whether this site needs one for its writes (it has staff accounts);
   * read when each command runs, so a screen opened before a switch of user writes as the new one.
   */
  operator(): { operator: Operator | null; required: boolean };
}

/** Who the sign-in store says is at this terminal. */
export const signedInOperator: CommandSession['operator'] = () => {
  const state = useSignInStore.getState();
  return { operator: state.operator, required: signInRequired(state) };
};

export interface CommandRun<R> {
  result: R;
  /** What the posting wrote, for commands that post a document. */
  posting: PostingResult | null;
}

export function commandStamp(
  session: Omit<CommandSession, 'db' | 'ledger' | 'operator'> & { operator: string | null },
  now: Date = new Date(),
): CommandStamp {
  // The site's zone, never the computer's: a document made at 00:30 in Shanghai is of that day.
  const businessDate = businessDateInZone(now, siteTimeZoneNow());
  return {
    siteId: session.siteId,
    siteKind: session.siteKind,
    terminalId: session.terminalId,
    operator: session.operator,
    at: now.toISOString(),
    businessDate,
    newId: () => crypto.randomUUID(),
    nextNumber: (prefix) => nextDocumentNumber(prefix, session.terminalId, businessDate),
  };
}

const plain = <T>(doc: { toJSON(): unknown }): T => doc.toJSON() as T;

async function load(
  db: LarderDatabase,
  reads: CommandReads,
): Promise<Pick<CommandContext, 'documents' | 'events' | 'config' | 'products' | 'partners' | 'people'>> {
  const documents = new Map<string, DocumentDoc>();
  if (reads.documentIds?.length) {
    const found = await db.documents.findByIds([...reads.documentIds]).exec();
    for (const doc of found.values()) documents.set(doc.id, plain<DocumentDoc>(doc));
  }
  if (reads.documentTypes?.length) {
    const found = await db.documents.find({ selector: { type: { $in: [...reads.documentTypes] } } }).exec();
    for (const doc of found) documents.set(doc.id, plain<DocumentDoc>(doc));
  }
  const events = reads.eventIds?.length
    ? [...(await db.events.findByIds([...reads.eventIds]).exec()).values()].map((doc) => plain<EventDoc>(doc))
    : [];
  const config = reads.config ? (await db.config.find().exec()).map((doc) => plain<ConfigDoc>(doc)) : [];
  const products = reads.products ? (await db.products.find().exec()).map((doc) => plain<ProductDoc>(doc)) : [];
  const partners = reads.partners ? (await db.partners.find().exec()).map((doc) => plain<PartnerDoc>(doc)) : [];
  const people = reads.people ? (await db.people.find().exec()).map((doc) => plain<PersonDoc>(doc)) : [];
  return { documents: [...documents.values()], events, config, products, partners, people };
}

async function saveWhole<T extends { id: string }>(
  collection: RxCollection<T>,
  name: string,
  docs: readonly T[] | undefined,
): Promise<void> {
  if (!docs?.length) return;
  const result = await collection.bulkUpsert([...docs]);
  const [failed] = result.error;
  if (failed) throw new Error(`${name}/${failed.documentId}: write failed (${failed.status})`);
}

async function write(db: LarderDatabase, writes: RecordWrites): Promise<void> {
  await saveWhole(db.products, 'products', writes.products);
  await saveWhole(db.sites, 'sites', writes.sites);
  await saveWhole(db.config, 'config', writes.config);
  await saveWhole(db.partners, 'partners', writes.partners);
  await saveWhole(db.people, 'people', writes.people);
  await saveWhole<BatchDoc>(db.batches, 'batches', writes.batches);
  await saveWhole(db.documents, 'documents', writes.documents);
  // Append-only: an event already stored with the same content is fine, another is refused.
  await insertOnce(db.events, 'events', writes.events ?? []);
}

/**
 * Every record names the person who wrote it: documents and events as `operatorId` (a movement's
 * is its document's, through docId), reference data as `updatedBy`, which the endpoint checks.
 */
function withOperator(writes: RecordWrites, personId: string | null, keep: ReadonlySet<string>): RecordWrites {
  if (!personId) return writes;
  const by = <T extends object>(docs: T[] | undefined) => docs?.map((doc) => ({ ...doc, updatedBy: personId }));
  const stamped = (doc: DocumentDoc): DocumentDoc => (keep.has(doc.id) ? doc : { ...doc, operatorId: personId });
  return {
    ...writes,
    ...(writes.documents ? { documents: writes.documents.map(stamped) } : {}),
    ...(writes.events ? { events: writes.events.map((doc) => ({ ...doc, operatorId: personId })) } : {}),
    ...(writes.products ? { products: by(writes.products) } : {}),
    ...(writes.partners ? { partners: by(writes.partners) } : {}),
    ...(writes.config ? { config: by(writes.config) } : {}),
    ...(writes.people ? { people: by(writes.people) } : {}),
  };
}

/** One command at a time per window, so two quick clicks see each other's writes. */
let queue: Promise<unknown> = Promise.resolve();

export function runCommand<N extends CommandName>(
  session: CommandSession,
  name: N,
  input: CommandInput<N>,
): Promise<CommandRun<CommandResult<N>>> {
  const run = async (): Promise<CommandRun<CommandResult<N>>> => {
    const started = performance.now();
    try {
      return await execute(session, name, input);
    } finally {
      // Read by bench/terminal.ts (posting time while syncing) and visible in DevTools' timeline.
      performance.measure(`larder:command:${name}`, { start: started, end: performance.now() });
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

async function execute<N extends CommandName>(
  session: CommandSession,
  name: N,
  input: CommandInput<N>,
): Promise<CommandRun<CommandResult<N>>> {
  const command = commandNamed(name);
  const { operator, required } = session.operator();
  assertPermitted(commandPermission(name), operator, required);
  const stamp = commandStamp({ ...session, operator: operator?.personId ?? null });
  const reads = command.reads?.(input, stamp) ?? {};
  const context: CommandContext = {
    stamp,
    ledger: session.ledger.ledger,
    ...(await load(session.db, reads)),
    ...(reads.postingViewOf ? { postingView: await session.ledger.postingView(historyReadsOf(reads.postingViewOf)) } : {}),
  };
  const outcome = command.run(input, context);
  // What the records need beside (a FIFO override, a price edit), before anything is stored.
  assertPermitted(permissionsNeeded(name, context, outcome), operator, required);
  const keep = new Set(outcome.keepOperatorOf ?? []);
  const writes = withOperator(outcome.writes ?? {}, stamp.operator, keep);
  // Before anything is stored: a refusal halfway would leave half a command written.
  assertWritableHere(session.db, writes);
  await write(session.db, writes);
  if (!outcome.post) return { result: outcome.result, posting: null };
  const fallback = new Map((outcome.post.batchFallback ?? []).map((batch) => [batch.id, batch]));
  const posting = await postLocally(
    session.db,
    session.ledger,
    stamp.operator && !keep.has(outcome.post.document.id)
      ? { ...outcome.post.document, operatorId: stamp.operator }
      : outcome.post.document,
    fallback.size ? { batchFallback: (batchId) => fallback.get(batchId) } : {},
  );
  return { result: outcome.result, posting };
}

/** The session of this store and pairing, writing as whoever is signed in when each command runs. */
function sessionOf(db: LarderDatabase, ledger: LocalLedger, pairing: Pairing): CommandSession {
  return { db, ledger, siteId: pairing.siteId, siteKind: pairing.siteKind, terminalId: pairing.terminalId, operator: signedInOperator };
}

/** The session commands run in, from the open store and the pairing; null until both exist. */
export function currentCommandSession(): CommandSession | null {
  const { db, ledger } = useSessionStore.getState();
  const pairing = usePairingStore.getState().pairing;
  return db && ledger && pairing ? sessionOf(db, ledger, pairing) : null;
}

export type RunCommand = <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandRun<CommandResult<N>>>;

/** Runs commands for a screen; null until the local store is open and the terminal paired. */
export function useCommand(): RunCommand | null {
  const db = useSessionStore((s) => s.db);
  const ledger = useSessionStore((s) => s.ledger);
  const pairing = usePairingStore((s) => s.pairing);
  if (!db || !ledger || !pairing) return null;
  const session = sessionOf(db, ledger, pairing);
  return (name, input) => runCommand(session, name, input);
}

/**
 * A dialog's write: runs it, closes the dialog when it worked, keeps the refusal to show in the
 * dialog when not (nothing was stored).
 */
export function useDialogCommand(onDone: () => void): {
  error: unknown;
  run(write: (command: RunCommand) => Promise<unknown>): Promise<void>;
} {
  const command = useCommand();
  const [error, setError] = useState<unknown>(null);
  return {
    error,
    run: async (write) => {
      if (!command) return;
      setError(null);
      try {
        await write(command);
        onDone();
      } catch (caught) {
        setError(caught);
      }
    },
  };
}
