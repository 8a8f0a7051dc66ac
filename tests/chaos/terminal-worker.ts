// One chaos terminal per worker thread (RxDB's open-core build allows 13 collections per realm,
// a terminal has 9), on memory storage: the app's real database and sync client.
import { parentPort, workerData } from 'node:worker_threads';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLarderDatabase } from '../../renderer/db/database';
import type { Writer } from '../../shared/schemas/write-scope';
import { memoryPersistence } from '../../renderer/db/replication/pending-tracker';
import { createTerminalCore } from './terminal-core';
import type { ChaosCommand } from './terminal-protocol';

export interface ChaosWorkerData {
  endpointUrl: string;
  token: string;
  name: string;
  /** The terminal's site: local writes it may not make are refused, as in the app. */
  writer: Writer;
}

const data = workerData as ChaosWorkerData;
const db = await createLarderDatabase({ name: data.name, storage: getRxStorageMemory(), writer: data.writer });
const core = createTerminalCore({
  db,
  endpointUrl: data.endpointUrl,
  token: data.token,
  persistence: memoryPersistence(),
  syncAtStart: true,
});

parentPort?.on('message', (message: { id: number; command: ChaosCommand }) => {
  core.run(message.command).then(
    (value) => parentPort?.postMessage({ id: message.id, ok: true, value }),
    (error: unknown) =>
      parentPort?.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
parentPort?.postMessage({ ready: true });
