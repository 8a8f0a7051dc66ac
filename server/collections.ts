import { Ajv, type ValidateFunction } from 'ajv';
import {
  appendOnlyCollections,
  collectionKinds,
  collectionNames,
  collectionSchemas,
  type CollectionName,
} from '../shared/schemas/index.js';
import { isJsonObject, type JsonObject } from './json.js';

/** Fields RxDB adds around a document; never part of what the schemas describe. */
const RXDB_META_FIELDS = ['_deleted', '_meta', '_rev', '_attachments'] as const;

export function isCollectionName(name: string): name is CollectionName {
  return (collectionNames as readonly string[]).includes(name);
}

export function isTransactional(collection: string): boolean {
  return isCollectionName(collection) && collectionKinds[collection] === 'transactional';
}

export function isAppendOnly(collection: CollectionName): boolean {
  return appendOnlyCollections.has(collection);
}

export const transactionalCollections: readonly CollectionName[] = collectionNames.filter((c) => collectionKinds[c] === 'transactional');

export function schemaVersion(collection: CollectionName): number {
  return collectionSchemas[collection].version;
}

/**
 * The document as stored: RxDB's bookkeeping fields dropped, `_deleted` kept as a boolean so a
 * pull hands tombstones back exactly as RxDB expects them.
 */
export function normalizeDoc(doc: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === '_meta' || k === '_rev' || k === '_attachments' || k === '_deleted') continue;
    out[k] = v;
  }
  out._deleted = doc._deleted === true;
  return out;
}

/** What the schema sees: the document without any RxDB field (sites forbid extra properties). */
export function schemaView(doc: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(doc)) {
    if ((RXDB_META_FIELDS as readonly string[]).includes(k)) continue;
    out[k] = v;
  }
  return out;
}

/** One Ajv and one compiled validator per collection, built on first use and kept. */
export class Validators {
  private readonly ajv = new Ajv({ strict: false, allErrors: false, logger: false, validateFormats: false });
  private readonly compiled = new Map<CollectionName, ValidateFunction>();

  validate(collection: CollectionName, doc: unknown): string | null {
    let fn = this.compiled.get(collection);
    if (!fn) {
      fn = this.ajv.compile(collectionSchemas[collection]);
      this.compiled.set(collection, fn);
    }
    if (!isJsonObject(doc)) return 'document must be an object';
    if (fn(schemaView(doc))) return null;
    const e = fn.errors?.[0];
    return e ? `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`.trim() : 'invalid document';
  }

  /** Compiles every schema now, so a broken shared schema fails at start-up, not on a push. */
  warmUp(): void {
    for (const c of collectionNames) this.validate(c, {});
  }
}
