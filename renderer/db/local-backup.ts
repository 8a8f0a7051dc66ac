// The terminal's own backup of its unsent records (shared/protocol/unsent-file.ts): exported from
// the pending set the sync client keeps, imported on a fresh install of the same site as local
// writes, which sync then pushes like any other. Records already in the store are left as they are.
import type { RxCollection } from 'rxdb';
import { UNSENT_FILE_FORMAT, UNSENT_FILE_VERSION, type UnsentFile } from '../../shared/protocol/unsent-file';
import { collectionNames, type CollectionName } from '../../shared/schemas';
import type { LarderDatabase } from './database';

const collectionOf = (db: LarderDatabase, name: CollectionName) => db[name] as unknown as RxCollection<Record<string, unknown>>;

/** The unsent records named by `pendingKeys` (`collection/id`), as a file's content. */
export async function exportUnsent(
  db: LarderDatabase,
  pendingKeys: readonly string[],
  who: { orgId: string; siteId: string; terminalId: string },
  exportedAt: string,
): Promise<UnsentFile> {
  const idsBy = new Map<CollectionName, string[]>();
  for (const key of pendingKeys) {
    const slash = key.indexOf('/');
    const collection = key.slice(0, slash) as CollectionName;
    if (slash < 0 || !collectionNames.includes(collection)) continue;
    idsBy.set(collection, [...(idsBy.get(collection) ?? []), key.slice(slash + 1)]);
  }
  const records: UnsentFile['records'] = {};
  for (const [collection, ids] of idsBy) {
    const found = await collectionOf(db, collection).findByIds(ids).exec();
    const docs = [...found.values()].map((doc) => doc.toJSON(false) as Record<string, unknown>);
    if (docs.length > 0) records[collection] = docs;
  }
  return { format: UNSENT_FILE_FORMAT, version: UNSENT_FILE_VERSION, ...who, exportedAt, records };
}

export interface ImportOutcome {
  /** Written to the store: sync pushes them. */
  imported: number;
  /** Already in the store (the same id): left as they are. */
  present: number;
  /** Refused by the local store (its schema), with the first reason. */
  refused: number;
  firstRefusal: string | null;
}

/** Writes a parsed file's records into a store (see parseUnsentFile for the checks made before). */
export async function importUnsent(db: LarderDatabase, file: UnsentFile): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: 0, present: 0, refused: 0, firstRefusal: null };
  for (const collection of collectionNames) {
    const docs = file.records[collection];
    if (!docs || docs.length === 0) continue;
    const result = await collectionOf(db, collection).bulkInsert(docs);
    outcome.imported += result.success.length;
    for (const error of result.error) {
      if (error.status === 409) outcome.present++;
      else {
        outcome.refused++;
        outcome.firstRefusal ??= `${collection} ${error.documentId}: ${error.status}`;
      }
    }
  }
  return outcome;
}
