import { describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { collectionNames, collectionSchemas } from '../../../shared/schemas';
import { sampleDocs } from './samples';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

describe('schemas in a real RxDB database', () => {
  it('open all collections (within the COL23 limit) and accept the sample documents', async () => {
    const db = await createRxDatabase({
      name: `schemas-${Date.now()}`,
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    });
    try {
      const spec = Object.fromEntries(
        collectionNames.map((name) => [
          name,
          { schema: structuredClone(collectionSchemas[name]) as unknown as RxJsonSchema<Record<string, unknown>> },
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
