import { Ajv, type ValidateFunction } from 'ajv';
import { appendOnlyCollections, collectionKinds, collectionNames, readBySite, type CollectionName } from '../shared/schemas/index.js';
import { currentVersion, schemaAtVersion } from '../shared/schemas/versions.js';
import { isJsonObject, type JsonObject } from './json.js';

/** Fields RxDB adds around a document; never part of what the schemas describe. */
const RXDB_META_FIELDS = ['_deleted', '_meta', '_rev', '_attachments'] as const;

export function isCollectionName(name: string): name is CollectionName {
  return (collectionNames as readonly string[]).includes(name);
}

export function isTransactional(collection: string): boolean {
  return isCollectionName(collection) && collectionKinds[collection] === 'transactional';
}

/** Read by a site's terminals only where `siteId` (or `toSiteId`) is theirs: transactional data and people. */
export function isReadBySite(collection: string): boolean {
  return isCollectionName(collection) && readBySite(collection);
}

export function isAppendOnly(collection: CollectionName): boolean {
  return appendOnlyCollections.has(collection);
}

export const transactionalCollections: readonly CollectionName[] = collectionNames.filter((c) => collectionKinds[c] === 'transactional');
/** Collections a site's terminal reads only in part (its own site's documents). */
export const readBySiteCollections: readonly CollectionName[] = collectionNames.filter(readBySite);

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

/**
 * One Ajv and one compiled validator per collection and schema version, built on first use and
 * kept: a push is validated against the version its terminal speaks (SYNC-PROTOCOL.md, Schema
 * evolution), so a v0 terminal's row carrying a v1 field is refused, not stored half-understood.
 */
export class Validators {
  private readonly ajv = new Ajv({ strict: false, allErrors: false, logger: false, validateFormats: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  /** Null when valid, else the first problem in words (an unknown field is named). */
  validate(collection: CollectionName, doc: unknown, version = currentVersion(collection)): string | null {
    const fn = this.validator(collection, version);
    if (!isJsonObject(doc)) return 'document must be an object';
    if (fn(schemaView(doc))) return null;
    const e = fn.errors?.[0];
    if (!e) return 'invalid document';
    const at = e.instancePath || '/';
    const extra = (e.params as { additionalProperty?: unknown }).additionalProperty;
    if (e.keyword === 'additionalProperties' && typeof extra === 'string')
      return `${at} has the field "${extra}", which ${collection} version ${version} does not know`;
    return `${at} ${e.message ?? 'is invalid'}`.trim();
  }

  private validator(collection: CollectionName, version: number): ValidateFunction {
    const key = `${collection}@${version}`;
    let fn = this.compiled.get(key);
    if (!fn) {
      const schema = schemaAtVersion(collection, version);
      if (!schema) throw new Error(`${collection} has no schema version ${version}`);
      fn = this.ajv.compile(schema);
      this.compiled.set(key, fn);
    }
    return fn;
  }

  /** Compiles every released schema now, so a broken one fails at start-up, not on a push. */
  warmUp(): void {
    for (const c of collectionNames) for (let n = 0; n <= currentVersion(c); n++) this.validator(c, n);
  }
}
