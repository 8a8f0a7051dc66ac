// A headless terminal page for the kill -9 scenario: the app's real database on the app's real
// Dexie storage (IndexedDB with strict durability for the ledger) in Chromium, on a persistent
// profile, so what the terminal stored outlives a SIGKILL of the browser.
import { createLarderDatabase } from '../../../renderer/db/database';
import { createLarderStorage } from '../../../renderer/db/storage';
import type { Writer } from '../../../shared/schemas/write-scope';
import type { PendingPersistence } from '../../../renderer/db/replication/pending-tracker';
import { realNow } from '../clock';
import { createTerminalCore } from '../terminal-core';
import type { ChaosCommand } from '../terminal-protocol';

export interface PageStart {
  endpointUrl: string;
  token: string;
  name: string;
  syncAtStart: boolean;
  skewMs: number;
  writer: Writer;
}

/** The app keeps pending keys in localStorage (renderer/db/session.ts); the page does the same. */
const persistence = (key: string): PendingPersistence => ({
  load: () => JSON.parse(localStorage.getItem(key) ?? '[]') as string[],
  save: (keys) => localStorage.setItem(key, JSON.stringify(keys)),
});

let core: ReturnType<typeof createTerminalCore> | null = null;

const chaos = {
  async start(config: PageStart): Promise<true> {
    // A restarted terminal whose clock was set back: set before the database stamps anything.
    if (config.skewMs !== 0) Date.now = () => realNow() + config.skewMs;
    const db = await createLarderDatabase({ name: config.name, storage: createLarderStorage(), writer: config.writer });
    core = createTerminalCore({
      db,
      endpointUrl: config.endpointUrl,
      token: config.token,
      persistence: persistence(`larder.pending.${config.name}`),
      syncAtStart: config.syncAtStart,
    });
    return true;
  },
  run(command: ChaosCommand): Promise<unknown> {
    if (!core) throw new Error('chaos.start first');
    return core.run(command);
  },
};

(globalThis as unknown as { chaos: typeof chaos }).chaos = chaos;
