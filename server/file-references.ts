// Which files a document names (SYNC-PROTOCOL.md v1.1, Files), read once when the document is
// written into the storage's file index; access and removal are then decided from that index,
// never by scanning document bodies.
import { fileHashListField } from '../shared/schemas/common.js';
import { collectionSchemas, type CollectionName } from '../shared/schemas/index.js';
import { isCollectionName } from './collections.js';

/** A file's name: the hex sha-256 of its bytes, stored lower-case. */
export const FILE_HASH = /^[0-9a-f]{64}$/i;

/** One index row: the document names the file; `grants` when in a field its schema declares a file reference. */
export interface FileReference {
  hash: string;
  grants: boolean;
}

interface SchemaNode {
  properties?: Readonly<Record<string, unknown>>;
  items?: unknown;
}

const EVERY_ITEM = '[]';

function fileFieldPaths(schema: unknown, prefix: readonly string[], out: string[][]): string[][] {
  if (schema === fileHashListField) {
    out.push([...prefix, EVERY_ITEM]);
    return out;
  }
  if (schema === null || typeof schema !== 'object') return out;
  const node = schema as SchemaNode;
  for (const [key, child] of Object.entries(node.properties ?? {})) fileFieldPaths(child, [...prefix, key], out);
  if (node.items !== undefined) fileFieldPaths(node.items, [...prefix, EVERY_ITEM], out);
  return out;
}

// Schemas grow additively, so the current one declares every file field of every version.
const declaredPaths = new Map<CollectionName, string[][]>(
  (Object.keys(collectionSchemas) as CollectionName[]).map((name) => [name, fileFieldPaths(collectionSchemas[name], [], [])]),
);

function valuesAt(value: unknown, path: readonly string[], out: unknown[]): void {
  if (path.length === 0) {
    out.push(value);
    return;
  }
  const [step, ...rest] = path;
  if (step === EVERY_ITEM) {
    if (Array.isArray(value)) for (const item of value) valuesAt(item, rest, out);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, step!)) {
    valuesAt((value as Record<string, unknown>)[step!], rest, out);
  }
}

/**
 * The files a stored document names. Declared file fields grant read access (to sites that may
 * read the document); any other string that is a file hash — a waste photo's hash sits in its
 * event's `data` — only keeps the file from removal. A deleted document names nothing.
 */
export function fileReferences(collection: string, doc: Readonly<Record<string, unknown>>): FileReference[] {
  if (doc._deleted === true) return [];
  const found = new Map<string, boolean>();
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (FILE_HASH.test(value)) found.set(value.toLowerCase(), false);
    } else if (value !== null && typeof value === 'object') {
      // A loop, not push(...values): an old oversized array must not overflow the argument stack.
      for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push(item);
    }
  }
  if (found.size === 0 || !isCollectionName(collection)) return [...found].map(([hash, grants]) => ({ hash, grants }));
  for (const path of declaredPaths.get(collection) ?? []) {
    const values: unknown[] = [];
    valuesAt(doc, path, values);
    for (const v of values) if (typeof v === 'string' && FILE_HASH.test(v)) found.set(v.toLowerCase(), true);
  }
  return [...found].map(([hash, grants]) => ({ hash, grants }));
}
