import { MAX_PUSH_ROWS } from '../shared/protocol/wire.js';
import type { CollectionName } from '../shared/schemas/index.js';
import { sameJson } from '../shared/schemas/versions.js';
import { isAppendOnly, normalizeDoc, type Validators } from './collections.js';
import { ForbiddenError, InvalidDocumentError, type RowProblem } from './errors.js';
import { isJsonObject, type JsonObject } from './json.js';
import { writeRefusal } from './scope.js';
import type { AuthTerminal, DocWrite, PushPlanner, StoredDoc } from './storage/types.js';

export { MAX_PUSH_ROWS };

export interface PushRow {
  index: number;
  id: string;
  assumed: JsonObject | null;
  next: JsonObject;
  siteId: string | null;
  toSiteId: string | null;
}

function stringField(doc: JsonObject, key: string): string | null {
  const v = doc[key];
  return typeof v === 'string' ? v : null;
}

/**
 * Checks every row (422 step of the protocol) and returns them normalised. All problems are
 * collected so the terminal sees every bad row at once.
 */
export function validateRows(collection: CollectionName, body: readonly unknown[], validators: Validators): PushRow[] {
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
    if (seen.has(id)) return void problems.push({ index, id, message: 'the same id appears twice in one push' });
    seen.add(id);
    if ('_deleted' in next && typeof next._deleted !== 'boolean')
      return void problems.push({ index, id, message: '_deleted must be a boolean' });
    if (next._deleted === true && isAppendOnly(collection)) {
      return void problems.push({ index, id, message: `${collection} is append-only: correct it with a reversing entry, not a deletion` });
    }
    const invalid = validators.validate(collection, next);
    if (invalid) return void problems.push({ index, id, message: invalid });
    rows.push({
      index,
      id,
      assumed: assumed === null ? null : normalizeDoc(assumed),
      next: normalizeDoc(next),
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
 * The apply rules of SYNC-PROTOCOL.md "Push", run inside the storage transaction. Returns the
 * conflicts (stored documents) for the answer; throwing rolls the whole push back.
 */
export function planPush(terminal: AuthTerminal, collection: CollectionName, rows: readonly PushRow[]): PushPlanner<JsonObject[]> {
  return (stored: ReadonlyMap<string, StoredDoc>) => {
    const forbidden: RowProblem[] = [];
    for (const r of rows) {
      const current = stored.get(r.id);
      const why = current ? writeRefusal(terminal, collection, current.siteId) : null;
      if (why) forbidden.push({ index: r.index, id: r.id, message: `stored document: ${why}` });
    }
    if (forbidden.length > 0) throw new ForbiddenError(forbidden);

    const writes: DocWrite[] = [];
    const conflicts: JsonObject[] = [];
    for (const r of rows) {
      const current = stored.get(r.id);
      const write: DocWrite = { id: r.id, siteId: r.siteId, toSiteId: r.toSiteId, deleted: r.next._deleted === true, doc: r.next };
      if (!current) writes.push(write);
      else if (sameJson(current.doc, r.next)) continue;
      else if (!isAppendOnly(collection) && r.assumed !== null && sameJson(current.doc, r.assumed)) writes.push(write);
      else conflicts.push(current.doc);
    }
    return { writes, result: conflicts };
  };
}
