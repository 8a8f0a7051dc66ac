/**
 * Shared fixtures for the endpoint suites: a fresh storage per test (own SQLite directory or own
 * PostgreSQL schema), an organisation of four sites with one terminal each, document builders
 * that pass the shared schemas, a tiny protocol client, an SSE reader and a process spawner.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { BatchDoc, DocumentDoc, MovementDoc, ProductDoc } from '../../../shared/schemas/index';
import { addSite, addTerminal } from '../../../server/admin-ops';
import { openStorage, type Storage } from '../../../server/storage/index';
import { withDefaultUser } from '../../../server/storage/postgres';
import { versionHeader, type TerminalVersion } from './terminal-version';

export const PG_URL = withDefaultUser(process.env.LARDER_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test');
export const projectRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export type BackendName = 'sqlite' | 'postgres';

export interface Backend {
  name: BackendName;
  storage: Storage;
  dataDir: string;
  /** Environment for spawned processes (endpoint, admin) to reach the same database. */
  env: Record<string, string>;
  pgSchema?: string;
  cleanup(): Promise<void>;
}

export async function openBackend(name: BackendName): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'larder-server-test-'));
  if (name === 'sqlite') {
    const storage = await openStorage({ dataDir });
    return {
      name,
      storage,
      dataDir,
      env: {},
      cleanup: async () => {
        await storage.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const pgSchema = `larder_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const storage = await openStorage({ databaseUrl: PG_URL, pgSchema });
  return {
    name,
    storage,
    dataDir,
    pgSchema,
    env: { DATABASE_URL: PG_URL, LARDER_PG_SCHEMA: pgSchema },
    cleanup: async () => {
      await storage.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Org {
  tokens: { hq: string; k1: string; s1: string; s2: string };
  terminalIds: { hq: string; k1: string; s1: string; s2: string };
}

export async function seedOrg(storage: Storage): Promise<Org> {
  await addSite(storage, { id: 'hq', kind: 'hq', name: 'HQ 总部' });
  await addSite(storage, { id: 'k1', kind: 'kitchen', name: 'Central kitchen 中央厨房' });
  await addSite(storage, { id: 's1', kind: 'store', name: 'Store 1' });
  await addSite(storage, { id: 's2', kind: 'store', name: 'Store 2' });
  const hq = await addTerminal(storage, { siteId: 'hq', name: 'office' });
  const k1 = await addTerminal(storage, { siteId: 'k1', name: 'kitchen till' });
  const s1 = await addTerminal(storage, { siteId: 's1', name: 'till 1' });
  const s2 = await addTerminal(storage, { siteId: 's2', name: 'till 2' });
  return {
    tokens: { hq: hq.token, k1: k1.token, s1: s1.token, s2: s2.token },
    terminalIds: { hq: hq.terminalId, k1: k1.terminalId, s1: s1.terminalId, s2: s2.terminalId },
  };
}

const NOW = '2026-03-01T08:00:00.000Z';

export function movement(siteId: string, over: Partial<MovementDoc> = {}): MovementDoc {
  return {
    id: randomUUID(),
    siteId,
    productId: 'p-flour',
    batchId: 'b-1',
    qty: -2,
    kind: 'sale',
    unitCost: 3.5,
    docType: 'sale',
    docId: 'd-1',
    lineNo: 0,
    at: NOW,
    terminalId: 't',
    updatedAt: NOW,
    ...over,
  };
}

export function businessDoc(siteId: string, over: Partial<DocumentDoc> = {}): DocumentDoc {
  return {
    id: randomUUID(),
    type: 'sale',
    siteId,
    number: 'S-0001',
    status: 'draft',
    businessDate: '2026-03-01',
    at: NOW,
    terminalId: 't',
    lines: [{ productId: 'p-flour', qty: 2 }],
    updatedAt: NOW,
    ...over,
  } as DocumentDoc;
}

export function product(over: Partial<ProductDoc> = {}): ProductDoc {
  return {
    id: randomUUID(),
    sku: 'SKU-1',
    name: '面粉 Flour',
    baseUnit: 'kg',
    packs: [],
    barcodes: [],
    category: 'dry',
    perishable: false,
    nearExpiryDays: 0,
    storageClass: 'ambient',
    active: true,
    updatedAt: NOW,
    ...over,
  } as ProductDoc;
}

export function batch(siteId: string, over: Partial<BatchDoc> = {}): BatchDoc {
  return {
    id: randomUUID(),
    productId: 'p-flour',
    siteId,
    lotCode: 'L1',
    receivedAt: NOW,
    unitCost: 3.5,
    certificateHashes: [],
    qcStatus: 'released',
    updatedAt: NOW,
    ...over,
  };
}

export type Doc = Record<string, unknown>;
export interface PushRowIn {
  assumedMasterState?: Doc | null;
  newDocumentState: Doc;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export { SseReader, type SseEvent } from './sse-reader';
export { streamVersionsHeader, type TerminalVersion } from './terminal-version';

/** A thin client speaking SYNC-PROTOCOL.md over real HTTP. */
export class SyncClient {
  constructor(
    readonly url: string,
    readonly token: string | null,
    readonly version: TerminalVersion = 'current',
  ) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.url}${path}`, { method, headers: h, body: payload });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  }

  pull(
    collection: string,
    checkpoint?: string,
    limit?: number,
    headers?: Record<string, string>,
  ): Promise<Answer<{ documents: Doc[]; checkpoint: string; error?: string; details?: unknown }>> {
    const q = new URLSearchParams();
    if (checkpoint !== undefined) q.set('checkpoint', checkpoint);
    if (limit !== undefined) q.set('limit', String(limit));
    const qs = q.toString();
    return this.request('GET', `/api/v1/sync/${collection}/pull${qs ? `?${qs}` : ''}`, undefined, {
      ...versionHeader(collection, this.version),
      ...headers,
    });
  }

  /** Headers given here replace the client's own schema-version header. */
  push(
    collection: string,
    rows: PushRowIn[] | unknown,
    headers?: Record<string, string>,
  ): Promise<Answer<{ conflicts: Doc[]; error?: string; details?: unknown }>> {
    return this.request('POST', `/api/v1/sync/${collection}/push`, rows, { ...versionHeader(collection, this.version), ...headers });
  }

  /** Inserts documents (no assumed state), expecting no conflict. */
  async insert(collection: string, docs: Doc[]): Promise<void> {
    const res = await this.push(
      collection,
      docs.map((d) => ({ assumedMasterState: null, newDocumentState: d })),
    );
    if (res.status !== 200 || res.body.conflicts.length !== 0) throw new Error(`insert failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Pulls until a short page, returning every document. */
  async pullAll(collection: string, limit = 1000): Promise<{ documents: Doc[]; checkpoint: string | undefined }> {
    const documents: Doc[] = [];
    let checkpoint: string | undefined;
    for (;;) {
      const res = await this.pull(collection, checkpoint, limit);
      if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${JSON.stringify(res.body)}`);
      documents.push(...res.body.documents);
      checkpoint = res.body.checkpoint;
      if (res.body.documents.length < limit) return { documents, checkpoint };
    }
  }
}

export interface SpawnedServer {
  url: string;
  proc: ChildProcess;
  output: () => string;
  /** Signals the whole process group; resolves with npm's exit code and the time until the group is gone. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

/** Starts `npm run server -- …` exactly as operators do, in its own process group. */
export function spawnServer(args: string[], env: Record<string, string> = {}): Promise<SpawnedServer> {
  const proc = spawn('npm', ['run', '-s', 'server', '--', ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const streamsClosed = new Promise<void>((resolve) => proc.on('close', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const t0 = Date.now();
    try {
      process.kill(-proc.pid!, signal);
    } catch {
      // already gone
    }
    const code = await exited;
    // npm may exit before its child, so "stopped" means the whole process group is gone.
    for (;;) {
      try {
        process.kill(-proc.pid!, 0);
      } catch {
        break;
      }
      if (Date.now() - t0 > 20_000) break;
      await sleep(50);
    }
    const ms = Date.now() - t0;
    // The last lines may still sit in the pipe once the processes are gone.
    await Promise.race([streamsClosed, sleep(2000)]);
    return { code, ms };
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`server did not start:\n${out}`));
    }, 30_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.stdout!.off('data', onData);
        proc.stdout!.on('data', (x: Buffer) => (out += x.toString()));
        resolve({ url: m[1]!, proc, output: () => out, stop });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** Runs `npm run admin -- …` and returns its stdout. */
export function runAdmin(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn('npm', ['run', '-s', 'admin', '--', ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    proc.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
