// Ids of the wire (SYNC-PROTOCOL.md v1.1, "Limits on values"): a document's `id` and every field
// that refers to another document's id hold 1–64 characters of printable ASCII without spaces.
// Free text that merely looks like an id (a lot code, a document number, a tax id) is not held to
// it. A reference field is one the current schema declares with the shared `idField`/`refField`
// fragments; schemas grow additively, so the current one names every reference of every version.
import { idField, refField } from '../schemas/common';
import { collectionSchemas, type CollectionName } from '../schemas/index';
import { ID_PATTERN } from './wire';

interface SchemaNode {
  properties?: Readonly<Record<string, unknown>>;
  items?: unknown;
}

/** A reference's place in a document: field names, with `[]` for every item of an array. */
type ReferencePath = readonly string[];
const EVERY_ITEM = '[]';

function referencePathsOf(schema: unknown, prefix: ReferencePath, out: ReferencePath[]): ReferencePath[] {
  if (schema === idField || schema === refField) {
    out.push(prefix);
    return out;
  }
  if (schema === null || typeof schema !== 'object') return out;
  const node = schema as SchemaNode;
  for (const [key, child] of Object.entries(node.properties ?? {})) referencePathsOf(child, [...prefix, key], out);
  if (node.items !== undefined) referencePathsOf(node.items, [...prefix, EVERY_ITEM], out);
  return out;
}

const referencePaths = new Map<CollectionName, ReferencePath[]>(
  (Object.keys(collectionSchemas) as CollectionName[]).map((name) => [name, referencePathsOf(collectionSchemas[name], [], [])]),
);

/** The references found along `path` in `value`, with their JSON pointers. */
function referencesAt(value: unknown, path: ReferencePath, pointer: string, out: { pointer: string; value: unknown }[]): void {
  if (path.length === 0) {
    out.push({ pointer, value });
    return;
  }
  const [step, ...rest] = path;
  if (step === EVERY_ITEM) {
    if (Array.isArray(value)) value.forEach((item, index) => referencesAt(item, rest, `${pointer}/${index}`, out));
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, step!)) {
    referencesAt((value as Record<string, unknown>)[step!], rest, `${pointer}/${step}`, out);
  }
}

/**
 * Why a document of `collection` holds an id or reference outside the wire's id pattern, or
 * null. Values of the wrong type are left to the schema. PostgreSQL turns a lone surrogate into
 * U+FFFD, so two ids that differ only there were one row: a crafted id replaced an append-only
 * movement; with ids held to ASCII, both stores see the same id for the same text.
 */
export function referenceProblem(collection: CollectionName, doc: unknown): string | null {
  const found: { pointer: string; value: unknown }[] = [];
  for (const path of referencePaths.get(collection) ?? []) referencesAt(doc, path, '', found);
  for (const { pointer, value } of found)
    if (typeof value === 'string' && !ID_PATTERN.test(value))
      return `${pointer}: ids and references must be 1–64 printable ASCII characters without spaces (${ID_PATTERN.source})`;
  return null;
}
