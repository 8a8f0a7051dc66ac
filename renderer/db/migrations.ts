// Local schema versions move forward only (STYLE.md): each collection lists one strategy per
// *local* version above 0 (renderer/db/local-schemas.ts: wire version + layout revision), keyed
// by the version it migrates *to*. Old terminals may hold old documents for weeks, so a strategy
// never drops a document; it returns the upgraded one. A layout-only step returns it unchanged.
import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '../../shared/schemas';
import { localSchemas } from './local-schemas';

const layoutOnly = (doc: unknown) => doc;

export const migrationStrategiesByCollection: Record<CollectionName, MigrationStrategies> = {
  sites: {},
  products: {},
  partners: {},
  batches: {},
  movements: { 1: layoutOnly },
  documents: {},
  journal: { 1: layoutOnly },
  events: {},
  config: {},
};

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
