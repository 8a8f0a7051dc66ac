// Simulated terminals for sync tests: each in its own worker thread (terminal-worker.ts) running
// the app's real RxDB database and sync client against a real endpoint.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { CollectionName, MovementDoc } from '../../../shared/schemas';
import type { SyncStatusPatch } from '../../../renderer/db/replication';
import type { TerminalCommand, TerminalWorkerData } from './terminal-worker';

export interface TestTerminal {
  run<T>(command: TerminalCommand): Promise<T>;
  count(collection: CollectionName): Promise<number>;
  ids(collection: CollectionName): Promise<string[]>;
  status(): Promise<SyncStatusPatch>;
  close(): Promise<void>;
}

export async function openTerminal(
  endpointUrl: string,
  token: string,
  storage: 'memory' | 'dexie' = 'memory',
  release: 'v0' | 'current' = 'current',
): Promise<TestTerminal> {
  const data: TerminalWorkerData = { endpointUrl, token, storage, release, name: `t${randomUUID().replace(/-/g, '').slice(0, 20)}` };
  const worker = new Worker(new URL('./terminal-worker-entry.mjs', import.meta.url), { workerData: data });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { ready?: true; id?: number; ok?: boolean; value?: unknown; error?: string }) => {
      if (message.ready) return resolve();
      const pending = waiting.get(message.id ?? -1);
      waiting.delete(message.id ?? -1);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(new Error(message.error));
    });
  });
  const run = <T>(command: TerminalCommand) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, command });
    });
  return {
    run,
    count: (collection) => run<number>({ op: 'count', collection }),
    ids: (collection) => run<string[]>({ op: 'ids', collection }),
    status: () => run<SyncStatusPatch>({ op: 'status' }),
    async close() {
      await run({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  explain?: () => Promise<unknown>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const state = explain ? ` — state: ${JSON.stringify(await explain().catch((e: unknown) => String(e)))}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function movementDoc(siteId: string, n: number, overrides: Partial<MovementDoc> = {}): MovementDoc {
  const at = new Date(Date.UTC(2026, 10, 1, 8, 0, n % 60)).toISOString();
  return {
    id: `mv-${siteId}-${n}-${randomUUID().slice(0, 8)}`,
    siteId,
    productId: 'p-flour',
    batchId: 'b-flour-1',
    qty: 1 + (n % 7),
    kind: 'receipt',
    unitCost: 4.5,
    docType: 'goods-receipt',
    docId: `gr-${siteId}-${Math.floor(n / 20)}`,
    lineNo: n % 20,
    at,
    terminalId: 't-test',
    updatedAt: at,
    ...overrides,
  };
}
