// The RxDB schemas this terminal stores its collections with. A schema's `version` in shared/ is
// the wire version: the shape of a document, which the endpoint holds pushes to
// (SYNC-PROTOCOL.md, Schema evolution). How a terminal lays a collection out locally is its own
// business: RxDB needs a new local version (and a migration, which re-lays every record) for any
// change to a stored schema, so the local store keeps its own versions. A collection is stored
// with the declared fields of one wire version (`shape`); a newer wire version that only opens an
// enum or relaxes a limit needs no local change, and none of the minutes a re-lay costs a
// terminal holding 100,000 movements (bench/migrate.ts). The shipped app does not validate
// locally (no validator plugin), so documents of a newer shape are stored as they come.
import type { RxJsonSchema } from 'rxdb';
import { collectionSchemas, type CollectionName } from '../../shared/schemas';
import { schemaAtVersion } from '../../shared/schemas/versions';

interface LocalLayout {
  /** The wire version whose fields the local schema declares. */
  shape: number;
  /** The local schema version: moves forward only, one migration strategy per step. */
  version: number;
}

export const localLayouts: Record<CollectionName, LocalLayout> = {
  // 1: wire v1 — scaleBarcodeLayouts (the store's label scale layouts).
  sites: { shape: 1, version: 1 },
  // 1: wire v1 — scale (PLU and price per kg on the label scales). Wire v2 (pinyin, pack barcodes,
  // prices …) adds unindexed fields only: stored as they come, no re-lay.
  products: { shape: 1, version: 1 },
  // Wire v1 (payment terms, address, email) adds unindexed fields only: stored as they come.
  partners: { shape: 0, version: 0 },
  batches: { shape: 0, version: 0 },
  // 1: the v0 indexes (siteId+productId, batchId, docId) dropped — nothing queried them.
  movements: { shape: 0, version: 1 },
  // 1: wire v1 — note tags become link fields (migrations.ts).
  documents: { shape: 1, version: 1 },
  // 1: the v0 docId index dropped — the journal is read whole.
  journal: { shape: 0, version: 1 },
  events: { shape: 0, version: 0 },
  // Wire v1/v2 open the key enum and add 'product-categories': nothing stored changes.
  config: { shape: 0, version: 0 },
  people: { shape: 0, version: 0 },
};

/** The schema without the wire's `x-open` markers: they tell readers about enums, not storage. */
function withoutOpenMarkers(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutOpenMarkers);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>)
      .filter(([key]) => key !== 'x-open')
      .map(([key, value]) => [key, withoutOpenMarkers(value)]),
  );
}

/** The stored schema of `name`: the fields of its wire `shape`, the current indexes, the local version. */
export function localSchema(name: CollectionName): RxJsonSchema<unknown> {
  const { shape, version } = localLayouts[name];
  const wire = schemaAtVersion(name, shape);
  if (!wire) throw new Error(`${name}: no wire schema of version ${shape}`);
  const indexes = (collectionSchemas[name] as { indexes?: unknown }).indexes;
  return { ...(withoutOpenMarkers(wire) as object), version, ...(indexes ? { indexes } : {}) } as unknown as RxJsonSchema<unknown>;
}

export const localSchemas = Object.fromEntries(
  (Object.keys(collectionSchemas) as CollectionName[]).map((name) => [name, localSchema(name)]),
) as Record<CollectionName, RxJsonSchema<unknown>>;
