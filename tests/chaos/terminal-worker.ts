// One chaos terminal per worker thread (RxDB's open-core build allows 13 collections per realm,
// a terminal has 9), on memory storage: the app's real database and sync client. A terminal of
// the first release opens its store at the released v0 schemas and speaks data version 0 until
// the rolling upgrade reopens the same store (memory storage outlives a close within the realm)
// with the current app.
import { parentPort, workerData } from 'node:worker_threads';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLarderDatabase } from '../../renderer/db/database';
import type { Writer } from '../../shared/schemas/write-scope';
import { memoryPersistence } from '../../renderer/db/replication/pending-tracker';
import { firstReleaseVersions, openFirstReleaseDatabase } from '../support/first-release';
import { createTerminalCore } from './terminal-core';
import type { ChaosCommand } from './terminal-protocol';

export type Release = 'v0' | 'current';

export interface ChaosWorkerData {
  endpointUrl: string;
  token: string;
  name: string;
  /** The terminal's site: local writes it may not make are refused, as in the app. */
  writer: Writer;
  release: Release;
}

const data = workerData as ChaosWorkerData;
const storage = getRxStorageMemory();
// The app keeps pending keys across restarts (localStorage); the upgraded app reads the same ones.
const persistence = memoryPersistence();
const startCore = async (release: Release) =>
  createTerminalCore({
    db:
      release === 'v0'
        ? await openFirstReleaseDatabase(data.name, storage)
        : await createLarderDatabase({ name: data.name, storage, writer: data.writer }),
    endpointUrl: data.endpointUrl,
    token: data.token,
    persistence,
    syncAtStart: true,
    ...(release === 'v0' ? { schemaVersions: firstReleaseVersions } : {}),
  });
let core = await startCore(data.release);

/** Commands in flight, and the upgrade they wait for: nothing may touch a store being reopened. */
const inFlight = new Set<Promise<unknown>>();
let upgrading: Promise<void> | null = null;

async function upgrade(): Promise<void> {
  // The app is quit first: whatever it was writing finishes, then sync stops and the store closes.
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  await core.run({ op: 'close' });
  core = await startCore('current');
}

async function answer(command: ChaosCommand): Promise<unknown> {
  while (upgrading) await upgrading;
  if (command.op === 'upgrade') {
    upgrading = upgrade();
    try {
      await upgrading;
      return true;
    } finally {
      upgrading = null;
    }
  }
  const running = core.run(command);
  inFlight.add(running);
  try {
    return await running;
  } finally {
    inFlight.delete(running);
  }
}

parentPort?.on('message', (message: { id: number; command: ChaosCommand }) => {
  answer(message.command).then(
    (value) => parentPort?.postMessage({ id: message.id, ok: true, value }),
    (error: unknown) =>
      parentPort?.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
parentPort?.postMessage({ ready: true });
