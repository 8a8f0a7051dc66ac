// A terminal's own backup of what it has not sent yet: the records the endpoint has not
// acknowledged, exported to a file (a terminal about to be reinstalled, an endpoint out of reach
// for days) and imported on a fresh install of the same site, which then pushes them as its own.
// Ids are kept, so a record the endpoint got after all is a no-op, never a double.
import { ValidationError } from '../domain/errors';
import { collectionNames, type CollectionName } from '../schemas';

export const UNSENT_FILE_FORMAT = 'larder-unsent';
export const UNSENT_FILE_VERSION = 1;

export interface UnsentFile {
  format: typeof UNSENT_FILE_FORMAT;
  version: typeof UNSENT_FILE_VERSION;
  orgId: string;
  siteId: string;
  terminalId: string;
  exportedAt: string;
  /** Each collection's unsent documents, as stored (without RxDB's own fields). */
  records: Partial<Record<CollectionName, Record<string, unknown>[]>>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a file written by `exportUnsent`, for the site `expected` (a file of another site would be refused by the endpoint). */
export function parseUnsentFile(text: string, expected: { orgId: string; siteId: string }): UnsentFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError('file', 'is not a Larder unsent-records file (not JSON)');
  }
  if (!isObject(value) || value.format !== UNSENT_FILE_FORMAT) throw new ValidationError('file', 'is not a Larder unsent-records file');
  if (value.version !== UNSENT_FILE_VERSION)
    throw new ValidationError('version', `${String(value.version)} is not a version this app reads`);
  if (value.orgId !== expected.orgId) throw new ValidationError('orgId', 'the file is of another organisation');
  if (value.siteId !== expected.siteId)
    throw new ValidationError('siteId', `the file is of site ${String(value.siteId)}, this terminal is of ${expected.siteId}`);
  if (!isObject(value.records)) throw new ValidationError('records', 'missing');
  for (const [collection, docs] of Object.entries(value.records)) {
    if (!(collectionNames as readonly string[]).includes(collection)) throw new ValidationError('records', `no collection ${collection}`);
    if (!Array.isArray(docs) || !docs.every((doc) => isObject(doc) && typeof doc.id === 'string'))
      throw new ValidationError(`records.${collection}`, 'must be a list of documents with ids');
  }
  return value as unknown as UnsentFile;
}

export function unsentFileName(siteId: string, exportedAt: string): string {
  return `larder-unsent-${siteId.replace(/[^A-Za-z0-9_-]/g, '_')}-${exportedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`;
}
