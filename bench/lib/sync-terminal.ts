// A bench terminal in its own worker thread (COL23: 13 collections per realm, a terminal has 9):
// the app's real database on memory storage and the app's real sync client, started on command
// so the clock starts with it. Times are `performance.timeOrigin + performance.now()`, which is
// comparable across threads of one process.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { RxCollection } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';

export type BenchCommand =
  | { op: 'start' }
  | { op: 'waitCount'; collection: string; n: number; timeoutMs: number }
  | { op: 'count'; collection: string }
  | { op: 'insert'; collection: string; docs: unknown[] }
  | { op: 'waitPushed'; timeoutMs: number }
  | { op: 'arrivals' }
  | { op: 'close' };

export interface BenchWorkerData {
  endpointUrl: string;
  token: string;
  name: string;
}

const clock = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const { createLarderDatabase } = await import('../../renderer/db/database');
  const { startSync } = await import('../../renderer/db/replication');
  const { memoryPersistence } = await import('../../renderer/db/replication/pending-tracker');
  const data = workerData as BenchWorkerData;
  const db = await createLarderDatabase({ name: data.name, storage: getRxStorageMemory() });
  const col = (name: string) =>
    (db as unknown as Record<string, RxCollection<Record<string, unknown>>>)[name] as RxCollection<Record<string, unknown>>;
  let pending = 0;
  let sync: { stop(): Promise<void> } | null = null;
  const counts = new Map<string, number>();
  const arrivals: [string, number][] = [];
  for (const name of ['movements', 'documents']) {
    counts.set(name, 0);
    // Every insert, local or pulled, is counted as it lands; arrival time is when RxDB emits it.
    col(name).$.subscribe((event) => {
      if (event.operation !== 'INSERT') return;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (name === 'documents') arrivals.push([event.documentId, clock()]);
    });
  }
  const until = async (probe: () => boolean, timeoutMs: number) => {
    const end = Date.now() + timeoutMs;
    while (!probe()) {
      if (Date.now() > end) throw new Error('bench terminal timed out');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return clock();
  };
  const run = async (c: BenchCommand): Promise<unknown> => {
    switch (c.op) {
      case 'start':
        sync = startSync({
          db,
          endpointUrl: data.endpointUrl,
          token: data.token,
          pendingPersistence: memoryPersistence(),
          backoff: { baseMs: 50, capMs: 400, random: Math.random },
          onStatus: (patch) => void (patch.pendingUploads !== undefined && (pending = patch.pendingUploads)),
        });
        return clock();
      case 'waitCount':
        return until(() => (counts.get(c.collection) ?? 0) >= c.n, c.timeoutMs);
      case 'count':
        return counts.get(c.collection) ?? 0;
      case 'insert': {
        const t0 = clock();
        await col(c.collection).bulkInsert(c.docs as Record<string, unknown>[]);
        return t0;
      }
      case 'waitPushed':
        await new Promise((resolve) => setTimeout(resolve, 5));
        return until(() => pending === 0, c.timeoutMs);
      case 'arrivals':
        return arrivals.splice(0);
      case 'close':
        await sync?.stop();
        await db.close();
        return true;
    }
  };
  parentPort?.on('message', (m: { id: number; command: BenchCommand }) => {
    run(m.command).then(
      (value) => parentPort?.postMessage({ id: m.id, ok: true, value }),
      (error: unknown) => parentPort?.postMessage({ id: m.id, ok: false, error: String(error) }),
    );
  });
  parentPort?.postMessage({ ready: true });
}

export interface BenchTerminal {
  run<T>(command: BenchCommand): Promise<T>;
  close(): Promise<void>;
}

/** Starts a bench terminal worker; tsx is registered inside it (workers do not inherit it). */
export async function openBenchTerminal(data: BenchWorkerData): Promise<BenchTerminal> {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const self = import.meta.url;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); }).then((m) => m.workerMain());`;
  const worker = new Worker(boot, { eval: true, workerData: data });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 1;
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { ready?: true; id?: number; ok?: boolean; value?: unknown; error?: string }) => {
      if (m.ready) return resolve();
      const w = waiting.get(m.id ?? -1);
      waiting.delete(m.id ?? -1);
      if (m.ok) w?.resolve(m.value);
      else w?.reject(new Error(m.error));
    });
  });
  const run = <T>(command: BenchCommand) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, command });
    });
  return {
    run,
    async close() {
      await run({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

/** Entry point inside the worker. */
export function workerMain(): void {
  void main();
}
