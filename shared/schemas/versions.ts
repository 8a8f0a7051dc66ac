// Every released version of every collection schema, and moving a document between versions
// (SYNC-PROTOCOL.md, "Schema evolution"). Schemas grow additively only — optional fields, values
// of open enums, relaxed limits (tests/unit/schemas/additive.test.ts refuses anything else) — so
// a document of version n is one of version n+1 as it stands, and going down means leaving out
// the fields version n did not have, nothing else. A step may add a transformation on the way up
// (documents v1: the note tags first-release terminals still write become link fields).
import type { JsonObject, JsonValue } from '../protocol/wire';
import { collectionNames, collectionSchemas, type CollectionName, type CollectionSchemaShape } from './index';
import { configV1 } from './history/config-v1';
import { configV2 } from './history/config-v2';
import { configV3 } from './history/config-v3';
import { noLinkResolver, upgradeDocumentLinks, type LegacyLinkResolver } from './history/documents-v1-links';
import { documentsV1 } from './history/documents-v1';
import { documentsV2 } from './history/documents-v2';
import { documentsV3 } from './history/documents-v3';
import { documentsV4 } from './history/documents-v4';
import { documentsV5 } from './history/documents-v5';
import { eventsV1 } from './history/events-v1';
import { eventsV2 } from './history/events-v2';
import { eventsV3 } from './history/events-v3';
import { eventsV4 } from './history/events-v4';
import { journalV1 } from './history/journal-v1';
import { journalV2 } from './history/journal-v2';
import { journalV3 } from './history/journal-v3';
import { movementsV1 } from './history/movements-v1';
import { movementsV2 } from './history/movements-v2';
import { movementsV3 } from './history/movements-v3';
import { partnersV1 } from './history/partners-v1';
import { partnersV2 } from './history/partners-v2';
import { partnersV3 } from './history/partners-v3';
import { partnersV4 } from './history/partners-v4';
import { productsV1 } from './history/products-v1';
import { productsV2 } from './history/products-v2';
import { productsV3 } from './history/products-v3';
import * as released from './history/v0';

export type { LegacyLinkResolver } from './history/documents-v1-links';
export { noLinkResolver } from './history/documents-v1-links';

/** Index = version; the last entry is the current schema of shared/schemas/. */
export const schemaHistory: { readonly [K in CollectionName]: readonly CollectionSchemaShape[] } = {
  sites: [released.sitesV0, collectionSchemas.sites],
  products: [released.productsV0, productsV1, productsV2, productsV3, collectionSchemas.products],
  partners: [released.partnersV0, partnersV1, partnersV2, partnersV3, partnersV4, collectionSchemas.partners],
  batches: [collectionSchemas.batches],
  movements: [released.movementsV0, movementsV1, movementsV2, movementsV3, collectionSchemas.movements],
  documents: [released.documentsV0, documentsV1, documentsV2, documentsV3, documentsV4, documentsV5, collectionSchemas.documents],
  journal: [released.journalV0, journalV1, journalV2, journalV3, collectionSchemas.journal],
  events: [released.eventsV0, eventsV1, eventsV2, eventsV3, eventsV4, collectionSchemas.events],
  config: [released.configV0, configV1, configV2, configV3, collectionSchemas.config],
  people: [collectionSchemas.people],
};

/** Collections the first release's terminals hold (later collections are new to them). */
export type FirstReleaseCollection = Exclude<CollectionName, 'people'>;
export const firstReleaseCollections: readonly FirstReleaseCollection[] = collectionNames.filter(
  (name): name is FirstReleaseCollection => name !== 'people',
);

/** The released version 0 of each collection of the first release (its terminals). */
export const releasedV0: { readonly [K in FirstReleaseCollection]: CollectionSchemaShape } = {
  sites: released.sitesV0,
  products: released.productsV0,
  partners: released.partnersV0,
  batches: released.batchesV0,
  movements: released.movementsV0,
  documents: released.documentsV0,
  journal: released.journalV0,
  events: released.eventsV0,
  config: released.configV0,
};

export function currentVersion(collection: CollectionName): number {
  return schemaHistory[collection].length - 1;
}

export function schemaAtVersion(collection: CollectionName, version: number): CollectionSchemaShape | undefined {
  return schemaHistory[collection][version];
}

/** A step's own transformation of a document of the step's older version, beside adding fields. */
type UpgradeStep = (doc: JsonObject, resolver: LegacyLinkResolver) => JsonObject;

const upgradeSteps: { readonly [K in CollectionName]?: Readonly<Record<number, UpgradeStep>> } = {
  documents: { 1: upgradeDocumentLinks },
};

/** Whether upgrading a document of `collection` from version `from` to `to` needs a link resolver. */
export function needsLinkResolver(collection: CollectionName, from: number, to: number): boolean {
  const table = upgradeSteps[collection];
  if (!table) return false;
  for (let v = from + 1; v <= to; v++) if (table[v]) return true;
  return false;
}

interface SchemaNode {
  type?: string | readonly string[];
  properties?: Readonly<Record<string, SchemaNode>>;
  items?: SchemaNode;
}

/** Every field path a schema declares, nested (`lines[].unit`). */
function declaredFieldPaths(node: SchemaNode | undefined, prefix = '', into = new Set<string>()): Set<string> {
  if (!node) return into;
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    into.add(path);
    declaredFieldPaths(child, path, into);
  }
  if (node.items) declaredFieldPaths(node.items, `${prefix}[]`, into);
  return into;
}

/**
 * Whether version `to` of `collection` declares a field version `from` does not: a copy pulled at
 * `from` was projected without it, so a terminal now speaking `to` must pull that copy again.
 * Opening an enum or relaxing a limit declares nothing new (movements v0 → v1).
 */
export function declaresMoreFields(collection: CollectionName, from: number, to: number): boolean {
  if (to <= from) return false;
  const known = declaredFieldPaths(schemaAtVersion(collection, from) as SchemaNode | undefined);
  for (const path of declaredFieldPaths(schemaAtVersion(collection, to) as SchemaNode | undefined)) if (!known.has(path)) return true;
  return false;
}

/** `value` without what `schema` does not declare (objects with properties, arrays of them). */
function strip(value: JsonValue, schema: SchemaNode | undefined): JsonValue {
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return schema.items ? value.map((item) => strip(item, schema.items)) : value;
  if (!schema.properties) return value; // a free-form object: kept whole
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const declared = schema.properties[key];
    if (declared) out[key] = strip(child, declared);
    else if (key.startsWith('_')) out[key] = child; // RxDB's own fields (_deleted …) cross the wire as they are
  }
  return out;
}

/**
 * The document as a terminal of `version` sees it: the fields that version did not declare left
 * out, and nothing else changed. It depends on the document alone, so every copy of it a terminal
 * of that version holds is the same whenever and wherever it was projected.
 */
export function projectToVersion(collection: CollectionName, doc: JsonObject, version: number): JsonObject {
  let out = doc;
  for (let v = currentVersion(collection); v > version; v--)
    out = strip(out, schemaAtVersion(collection, v - 1) as SchemaNode) as JsonObject;
  return out;
}

/**
 * Whether `pushed` is `stored` with only fields an older version left out added: `stored` is
 * exactly `pushed` as some older version reads it. Such a copy was written (or re-sent after a
 * restore) by a terminal that held only that version's projection; the pushed copy loses nothing
 * of it, so it is taken as the fuller one rather than answered as a conflict the stored copy wins.
 */
export function onlyAddsOlderOmittedFields(collection: CollectionName, pushed: JsonObject, stored: JsonObject): boolean {
  if (sameJson(pushed, stored)) return false;
  for (let v = currentVersion(collection) - 1; v >= 0; v--)
    if (declaresMoreFields(collection, v, currentVersion(collection)) && sameJson(projectToVersion(collection, pushed, v), stored))
      return true;
  return false;
}

/** A document written by a terminal of `version`, brought to the current version. */
export function upgradeFromVersion(collection: CollectionName, doc: JsonObject, version: number, resolver = noLinkResolver): JsonObject {
  let out = doc;
  for (let v = version + 1; v <= currentVersion(collection); v++) {
    const step = upgradeSteps[collection]?.[v];
    if (step) out = step(out, resolver);
  }
  return out;
}

/**
 * A document pushed by a terminal of `version` (already upgraded) that replaces `stored`: the
 * stored document's fields newer than that version are kept (the older terminal never saw them).
 * Arrays of objects (document lines) keep them element by element where the older terminal left
 * the element unchanged; free-form values are the pushed ones.
 */
export function keepNewerFields(collection: CollectionName, pushed: JsonObject, stored: JsonObject, version: number): JsonObject {
  const known = schemaAtVersion(collection, version) as SchemaNode | undefined;
  const current = schemaAtVersion(collection, currentVersion(collection)) as SchemaNode;
  return mergeNode(pushed, stored, known, current) as JsonObject;
}

function mergeNode(pushed: JsonValue, stored: JsonValue, known: SchemaNode | undefined, current: SchemaNode | undefined): JsonValue {
  if (!current || pushed === null || stored === null || typeof pushed !== 'object' || typeof stored !== 'object') return pushed;
  if (Array.isArray(pushed)) {
    if (!Array.isArray(stored) || !current.items) return pushed;
    return pushed.map((item, index) => {
      const before = stored[index];
      // Only an element the older terminal left as it was keeps its newer fields: an edited line's
      // newer fields (the quantity as entered in packs …) would describe the old line.
      const unchanged = before !== undefined && sameJson(item, strip(before, known?.items));
      return unchanged ? mergeNode(item, before, known?.items, current.items) : item;
    });
  }
  if (Array.isArray(stored) || !current.properties) return pushed;
  const out: JsonObject = { ...pushed };
  for (const [key, declared] of Object.entries(current.properties)) {
    const oldTerminalKnowsIt = known?.properties?.[key] !== undefined;
    if (!oldTerminalKnowsIt) {
      if (!(key in out) && key in stored) out[key] = (stored as JsonObject)[key]!;
    } else if (key in out && key in stored) {
      out[key] = mergeNode(out[key]!, (stored as JsonObject)[key]!, known?.properties?.[key], declared);
    }
  }
  return out;
}

/** Deep equality of JSON values, key order ignored. */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  if (keys.length !== Object.keys(b).filter((key) => b[key] !== undefined).length) return false;
  return keys.every((key) => sameJson(a[key], b[key]));
}

/** Names of the enum-valued fields a schema declares open (`'x-open': true`), as JSON paths. */
export function openEnumPaths(schema: CollectionSchemaShape): string[] {
  const paths: string[] = [];
  const walk = (node: SchemaNode & { enum?: unknown; 'x-open'?: unknown }, path: string) => {
    if (node.enum && node['x-open'] === true) paths.push(path);
    if (node.properties) for (const [key, child] of Object.entries(node.properties)) walk(child, path ? `${path}.${key}` : key);
    if (node.items) walk(node.items, `${path}[]`);
  };
  walk(schema as SchemaNode, '');
  return paths;
}
