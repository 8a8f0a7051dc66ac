import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

type DexieSettings = NonNullable<Parameters<typeof getRxStorageDexie>[0]>;
import { appendOnlyCollections, type CollectionName } from '../../shared/schemas';

/**
 * Ledger writes (movements, journal, events) use IndexedDB's `strict` durability, so a write
 * reported done survives a power cut; other collections keep the browser's default, which is
 * faster for a large initial pull of reference data.
 */
export function createLarderStorage(dexieOptions: DexieSettings = {}): RxStorage<unknown, unknown> {
  const strict = getRxStorageDexie({ ...dexieOptions, chromeTransactionDurability: 'strict' });
  const relaxed = getRxStorageDexie({ ...dexieOptions, chromeTransactionDurability: 'default' });
  const isLedger = (name: string) => appendOnlyCollections.has(name as CollectionName) || name.startsWith('rx-local-documents');
  return {
    name: 'larder-dexie',
    rxdbVersion: strict.rxdbVersion,
    createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, DexieSettings>) {
      return (isLedger(params.collectionName) ? strict : relaxed).createStorageInstance<RxDocType>(params);
    },
  } as RxStorage<unknown, unknown>;
}
