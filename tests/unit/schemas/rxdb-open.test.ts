import { describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { collectionNames } from '../../../shared/schemas';
import { localSchemas } from '../../../renderer/db/local-schemas';
import { migrationStrategiesByCollection } from '../../../renderer/db/migrations';
import { sampleDocs } from './samples';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

describe('schemas in a real RxDB database', () => {
  // The schemas as the terminal stores them (renderer/db/local-schemas.ts), checked by dev-mode.
  it('open all collections (within the COL23 limit) and accept the sample documents', async () => {
    const db = await createRxDatabase({
      name: `schemas-${Date.now()}`,
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    });
    try {
      const spec = Object.fromEntries(
        collectionNames.map((name) => [
          name,
          {
            schema: structuredClone(localSchemas[name]) as RxJsonSchema<Record<string, unknown>>,
            migrationStrategies: migrationStrategiesByCollection[name],
          },
        ]),
      );
      const collections = await db.addCollections(spec);
      for (const name of collectionNames) {
        await collections[name].insert(structuredClone(sampleDocs[name]));
        const stored = await collections[name].findOne(sampleDocs[name].id).exec();
        expect(stored?.toJSON()).toMatchObject(sampleDocs[name]);
      }
      await expect(collections.movements.insert({ ...sampleDocs.movements, id: 'm-2', qty: 'ten' })).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});
