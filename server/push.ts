import { documentLimitProblem, valueLimitProblem } from '../shared/protocol/limits.js';
import { referenceProblem } from '../shared/protocol/references.js';
import { MAX_PUSH_ROWS } from '../shared/protocol/wire.js';
import type { CollectionName } from '../shared/schemas/index.js';
import {
  currentVersion,
  keepNewerFields,
  needsLinkResolver,
  noLinkResolver,
  onlyAddsOlderOmittedFields,
  projectToVersion,
  sameJson,
  upgradeFromVersion,
  type LegacyLinkResolver,
} from '../shared/schemas/versions.js';
import { isAppendOnly, normalizeDoc, type Validators } from './collections.js';
import { ForbiddenError, InvalidDocumentError, type RowProblem } from './errors.js';
import { isJsonObject, type JsonObject } from './json.js';
import { PrefetchedLinks } from './links.js';
import { writeRefusal } from './scope.js';
import type { AuthTerminal, DocWrite, PushPlanner, Storage, StoredDoc } from './storage/types.js';

export { MAX_PUSH_ROWS };

export interface PushRow {
  index: number;
  id: string;
  /** `assumedMasterState` as the terminal sent it, in its version. */
  assumed: JsonObject | null;
  /** `newDocumentState` as the terminal sent it, in its version. */
  pushed: JsonObject;
  /** `pushed` brought to the current version: what is stored. */
  next: JsonObject;
  siteId: string | null;
  toSiteId: string | null;
}

/** The schema version a push speaks and what moving its documents between versions needs. */
export interface PushVersion {
  version: number;
  links: LegacyLinkResolver;
}

function stringField(doc: JsonObject, key: string): string | null {
  const v = doc[key];
  return typeof v === 'string' ? v : null;
}

/**
 * The limits of the wire (SYNC-PROTOCOL.md v1.1, "Limits on values") for one row, checked before
 * the schema so a hostile value is named for what it is: an event whose \`data\` nested 4,000 levels
 * was once accepted and then stopped every HQ terminal's event sync, and \`1e309\` (Infinity once
 * parsed) was stored as null. The assumed state is held to them too: the terminal sets aside any
 * pulled document outside them, so it never legitimately sends one, and the planner compares it
 * recursively. Ids and references are held to the id pattern, so both stores see one id for one
 * text (PostgreSQL maps lone surrogates to U+FFFD and refuses NUL).
 */
function wireLimitProblem(collection: CollectionName, next: JsonObject, assumed: JsonObject | null): string | null {
  const problem = documentLimitProblem(next) ?? referenceProblem(collection, next);
  if (problem) return `outside the wire's limits: ${problem}`;
  const assumedProblem = assumed === null ? null : valueLimitProblem(assumed, 0);
  return assumedProblem ? `assumedMasterState outside the wire's limits: ${assumedProblem}` : null;
}

/**
 * Checks every row against the schema of the terminal's `version` (422 step of the protocol) and
 * returns them normalised. All problems are collected so the terminal sees every bad row at once.
 */
export function validateRows(collection: CollectionName, body: readonly unknown[], validators: Validators, version: number): PushRow[] {
  const problems: RowProblem[] = [];
  const rows: PushRow[] = [];
  const seen = new Set<string>();
  body.forEach((raw, index) => {
    if (!isJsonObject(raw)) return void problems.push({ index, id: null, message: 'row must be an object' });
    const next = raw.newDocumentState;
    const assumed = raw.assumedMasterState ?? null;
    const id = isJsonObject(next) && typeof next.id === 'string' ? next.id : null;
    if (!isJsonObject(next)) return void problems.push({ index, id, message: 'newDocumentState must be an object' });
    if (assumed !== null && !isJsonObject(assumed))
      return void problems.push({ index, id, message: 'assumedMasterState must be an object or null' });
    if (id === null) return void problems.push({ index, id, message: 'newDocumentState.id must be a string' });
    const outside = wireLimitProblem(collection, next, assumed);
    if (outside) return void problems.push({ index, id, message: outside });
    if (seen.has(id)) return void problems.push({ index, id, message: 'the same id appears twice in one push' });
    seen.add(id);
    if ('_deleted' in next && typeof next._deleted !== 'boolean')
      return void problems.push({ index, id, message: '_deleted must be a boolean' });
    if (next._deleted === true && isAppendOnly(collection)) {
      return void problems.push({ index, id, message: `${collection} is append-only: correct it with a reversing entry, not a deletion` });
    }
    const invalid = validators.validate(collection, next, version);
    if (invalid) return void problems.push({ index, id, message: invalid });
    const pushed = normalizeDoc(next);
    rows.push({
      index,
      id,
      assumed: assumed === null ? null : normalizeDoc(assumed),
      pushed,
      next: pushed,
      siteId: stringField(next, 'siteId'),
      toSiteId: stringField(next, 'toSiteId'),
    });
  });
  if (problems.length > 0) throw new InvalidDocumentError(problems);
  return rows;
}

/** The 403 step for what the rows say about themselves; stored owners are checked in `planPush`. */
export function checkWritable(terminal: AuthTerminal, collection: CollectionName, rows: readonly PushRow[]): void {
  const problems: RowProblem[] = [];
  for (const r of rows) {
    const why = writeRefusal(terminal, collection, r.siteId);
    if (why) problems.push({ index: r.index, id: r.id, message: why });
  }
  if (problems.length > 0) throw new ForbiddenError(problems);
}

/**
 * Looks up, before the storage transaction, what the rows of an older terminal need: the ids of
 * the store requests its dispatch tags name by number, to upgrade them into link fields.
 */
export async function prepareVersion(
  storage: Storage,
  collection: CollectionName,
  version: number,
  rows: readonly PushRow[],
): Promise<PushVersion> {
  if (!needsLinkResolver(collection, version, currentVersion(collection))) return { version, links: noLinkResolver };
  const links = await new PrefetchedLinks().loadRequestIds(
    storage,
    rows.map((r) => r.pushed),
  );
  return { version, links };
}

/**
 * Rows of an older terminal brought to the current version (v0 note tags become link fields).
 * The result is checked against the current schema, so what is stored always has its shape.
 */
export function upgradeRows(collection: CollectionName, rows: readonly PushRow[], at: PushVersion, validators: Validators): PushRow[] {
  const current = currentVersion(collection);
  if (at.version === current) return [...rows];
  const problems: RowProblem[] = [];
  const upgraded = rows.map((r) => {
    const next = upgradeFromVersion(collection, r.pushed, at.version, at.links);
    const invalid = validators.validate(collection, next, current);
    if (invalid) problems.push({ index: r.index, id: r.id, message: `once brought to version ${current}: ${invalid}` });
    return { ...r, next };
  });
  if (problems.length > 0) throw new InvalidDocumentError(problems);
  return upgraded;
}

/**
 * The apply rules of SYNC-PROTOCOL.md "Push", run inside the storage transaction. A terminal of
 * an older version is compared with the stored document as it would read it (projected to its
 * version), is answered with that projection, and its replacement keeps the stored fields it
 * never knew. Returns the conflicts for the answer; throwing rolls the whole push back.
 *
 * An older terminal's row that is stored otherwise than it reads it back (a v0 note tag moved
 * into a link field, so the v0 projection's note no longer carries it) is answered with that
 * projection too, although it was applied: RxDB takes a push without conflict as the endpoint
 * now holding exactly what was sent, and a pull of the row that raced the push is skipped for
 * good, so the terminal kept its own copy while every other reader had the endpoint's (chaos
 * runs 48 and 55 diverged so). Answered, the terminal's merge rule stores the endpoint's copy.
 */
export function planPush(
  terminal: AuthTerminal,
  collection: CollectionName,
  rows: readonly PushRow[],
  at: PushVersion,
): PushPlanner<JsonObject[]> {
  const older = at.version < currentVersion(collection);
  const asTerminalReads = (doc: JsonObject) => (older ? projectToVersion(collection, doc, at.version) : doc);
  return (stored: ReadonlyMap<string, StoredDoc>) => {
    const forbidden: RowProblem[] = [];
    for (const r of rows) {
      const current = stored.get(r.id);
      const why = current ? writeRefusal(terminal, collection, current.siteId) : null;
      if (why) forbidden.push({ index: r.index, id: r.id, message: `stored document: ${why}` });
      // The addressee is fixed once written (SYNC-PROTOCOL.md, Addressing): a dispatch cannot be
      // re-addressed into another store's receiving list by an update.
      else if (current && current.toSiteId !== r.toSiteId)
        forbidden.push({
          index: r.index,
          id: r.id,
          message: `an update never changes toSiteId (stored ${JSON.stringify(current.toSiteId)}, pushed ${JSON.stringify(r.toSiteId)})`,
        });
    }
    if (forbidden.length > 0) throw new ForbiddenError(forbidden);

    const writes: DocWrite[] = [];
    const conflicts: JsonObject[] = [];
    /** Applied (or already held): an older terminal must read back what it sent, or be told. */
    const held = (r: PushRow, doc: JsonObject): void => {
      if (!older) return;
      const readBack = asTerminalReads(doc);
      if (!sameJson(readBack, r.pushed)) conflicts.push(readBack);
    };
    for (const r of rows) {
      const current = stored.get(r.id);
      const write = (doc: JsonObject): void => {
        writes.push({ id: r.id, siteId: r.siteId, toSiteId: r.toSiteId, deleted: doc._deleted === true, doc });
        held(r, doc);
      };
      if (!current) {
        write(r.next);
        continue;
      }
      const seen = asTerminalReads(current.doc);
      // A retried push: the terminal's version of the stored document is what it sends.
      if (sameJson(seen, r.pushed)) continue;
      // The ledger never changes under a terminal: different content is answered, not applied.
      if (isAppendOnly(collection)) {
        conflicts.push(seen);
        continue;
      }
      const replacement = older ? keepNewerFields(collection, r.next, current.doc, at.version) : r.next;
      // Nothing would change (e.g. a v0 note tag written with other spacing than the projection's).
      if (sameJson(replacement, current.doc)) held(r, current.doc);
      else if (r.assumed !== null && sameJson(seen, r.assumed)) write(replacement);
      // The stored copy is an older version's projection of this one (its writer, or a terminal
      // re-sending after a restore, held only that): the fuller copy loses nothing of it.
      else if (!older && onlyAddsOlderOmittedFields(collection, r.next, current.doc)) write(r.next);
      else conflicts.push(seen);
    }
    return { writes, result: conflicts };
  };
}
