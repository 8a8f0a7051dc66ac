// Local schema versions move forward only (STYLE.md): each collection lists one strategy per
// *local* version above 0 (renderer/db/local-schemas.ts), keyed by the version it migrates *to*.
// Old terminals may hold old documents for weeks, so a strategy never drops a document; it returns
// the upgraded one. A layout-only step returns it unchanged; a wire step applies the same upgrade
// the endpoint applies to what older terminals push (shared/schemas/versions.ts).
import type { MigrationStrategies } from 'rxdb';
import type { JsonObject } from '../../shared/protocol/wire';
import type { CollectionName } from '../../shared/schemas';
import { noLinkResolver, upgradeFromVersion, type LegacyLinkResolver } from '../../shared/schemas/versions';
import { localSchemas } from './local-schemas';

const layoutOnly = (doc: unknown) => doc;

/** The strategies, given how to resolve the store request numbers v0 dispatches name in their note. */
export function migrationStrategies(resolver: LegacyLinkResolver = noLinkResolver): Record<CollectionName, MigrationStrategies> {
  return {
    sites: { 1: layoutOnly },
    products: { 1: layoutOnly },
    partners: {},
    batches: {},
    movements: { 1: layoutOnly },
    // Local 1 = wire v1: the note tags first-release terminals wrote become link fields (requestIds,
    // purchaseOrderId, expectedDate …); nothing writes such tags any more.
    documents: { 1: (doc: JsonObject) => upgradeFromVersion('documents', doc, 0, resolver) },
    journal: { 1: layoutOnly },
    events: {},
    config: {},
    people: {},
  };
}

export const migrationStrategiesByCollection = migrationStrategies();

/**
 * A resolver to hand the strategies before the store that holds what it resolves has been read:
 * the strategies are fixed when the collections are created, the old store is read just before
 * the migration runs (database.ts).
 */
export class DeferredLinkResolver implements LegacyLinkResolver {
  private inner: LegacyLinkResolver = noLinkResolver;
  use(resolver: LegacyLinkResolver): void {
    this.inner = resolver;
  }
  requestIdByNumber(storeSiteId: string, number: string): string | undefined {
    return this.inner.requestIdByNumber(storeSiteId, number);
  }
}

/** Fails fast (at start-up and in tests) when a local schema version has no strategy. */
export function assertMigrationsComplete(): void {
  for (const [name, schema] of Object.entries(localSchemas) as [CollectionName, { version: number }][]) {
    for (let version = 1; version <= schema.version; version++) {
      if (typeof migrationStrategiesByCollection[name][version] !== 'function') {
        throw new Error(
          `collection ${name} is at local schema version ${schema.version} but has no migration strategy to version ${version}`,
        );
      }
    }
  }
}
