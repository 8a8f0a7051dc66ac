// Schema versions move forward only (STYLE.md): each collection lists one strategy per version
// above 0, keyed by the version it migrates *to*. Old terminals may hold old documents for weeks,
// so a strategy never drops a document; it returns the upgraded one.
import type { MigrationStrategies } from 'rxdb';
import { collectionSchemas, type CollectionName } from '../../shared/schemas';

export const migrationStrategiesByCollection: Record<CollectionName, MigrationStrategies> = {
  sites: {},
  products: {},
  partners: {},
  batches: {},
  movements: {},
  documents: {},
  journal: {},
  events: {},
  config: {},
};

/** Fails fast (at start-up and in tests) when a schema version has no strategy. */
export function assertMigrationsComplete(): void {
  for (const [name, schema] of Object.entries(collectionSchemas) as [CollectionName, { version: number }][]) {
    for (let version = 1; version <= schema.version; version++) {
      if (typeof migrationStrategiesByCollection[name][version] !== 'function') {
        throw new Error(`collection ${name} is at schema version ${schema.version} but has no migration strategy to version ${version}`);
      }
    }
  }
}
