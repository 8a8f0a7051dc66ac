// The RxDB schemas this terminal stores its collections with. A schema's `version` in shared/ is
// the wire version: the shape of a document, which the endpoint holds pushes to
// (SYNC-PROTOCOL.md, x-schema-version). How a terminal lays a collection out locally — its
// indexes — is not part of that contract, yet RxDB needs a new version (and a migration) for
// any change to a stored schema. So the local version is the wire version plus a layout
// revision: dropping an index re-lays the local store without making every terminal of the
// fleet upgrade with the endpoint.
import type { RxJsonSchema } from 'rxdb';
import { collectionSchemas, type CollectionName } from '../../shared/schemas';

/** Bumped when a collection's local layout (its indexes) changes; never goes down. */
export const storageLayoutRevisions: Record<CollectionName, number> = {
  sites: 0,
  products: 0,
  partners: 0,
  batches: 0,
  // 1: the v0 indexes (siteId+productId, batchId, docId) dropped — nothing queried them.
  movements: 1,
  documents: 0,
  // 1: the v0 docId index dropped — the journal is read whole.
  journal: 1,
  events: 0,
  config: 0,
};

/** The stored schema of `name`: the shared one at local version wire + layout revision. */
export function localSchema(name: CollectionName): RxJsonSchema<unknown> {
  const shared = collectionSchemas[name];
  return { ...shared, version: shared.version + storageLayoutRevisions[name] } as unknown as RxJsonSchema<unknown>;
}

export const localSchemas = Object.fromEntries(
  (Object.keys(collectionSchemas) as CollectionName[]).map((name) => [name, localSchema(name)]),
) as Record<CollectionName, RxJsonSchema<unknown>>;
