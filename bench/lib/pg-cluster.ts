// For bench/pg-scale.ts: real endpoint processes of one source tree (this checkout or a baseline
// extracted from git) on their own PostgreSQL schema, the organisation they serve, and a
// closed-loop load of pushes with an HQ stream measuring when each acknowledged row is notified.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../tests/support/endpoint-process';

const run = promisify(execFile);

export interface Tree {
  label: string;
  root: string;
}

/** The code as of `commit`, extracted once (no git worktree: the repository's metadata is left alone). */
export async function extractTree(projectRoot: string, commit: string): Promise<Tree> {
  const root = path.join(os.tmpdir(), `larder-bench-${commit}`);
  if (!existsSync(path.join(root, 'package.json'))) {
    mkdirSync(root, { recursive: true });
    await run('sh', ['-c', `git -C "${projectRoot}" archive ${commit} | tar -x -C "${root}"`]);
  }
  const modules = path.join(root, 'node_modules');
  if (!existsSync(modules)) symlinkSync(path.join(projectRoot, 'node_modules'), modules);
  return { label: commit, root };
}

export interface Cluster {
  urls: string[];
  schema: string;
  tokens: { hq: string; stores: string[] };
  stop(): Promise<void>;
}

interface Child {
  process: ChildProcess;
  url: string;
  dataDir: string;
}

async function startProcess(tree: Tree, env: NodeJS.ProcessEnv): Promise<Child> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'larder-pgbench-'));
  const port = await freePort();
  const child = spawn(
    path.join(tree.root, 'node_modules', '.bin', 'tsx'),
    ['server/main.ts', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: tree.root,
      detached: true,
      env: { ...process.env, ...env, LARDER_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1].replace(/\/$/, ''));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`endpoint exited ${code}:\n${output}`)));
  });
  return { process: child, url, dataDir };
}

async function stopProcess(c: Child): Promise<void> {
  if (c.process.exitCode === null && c.process.pid) {
    const exited = new Promise((resolve) => c.process.once('exit', resolve));
    process.kill(-c.process.pid, 'SIGTERM');
    await exited;
  }
  rmSync(c.dataDir, { recursive: true, force: true });
}

interface TreeStorage {
  close(): Promise<void>;
  pull(collection: string, afterSeq: number, limit: number, scope: { siteId: string } | null): Promise<{ bodies: string[] }>;
}

interface TreeModules {
  openStorage(opts: { databaseUrl: string; pgSchema: string; listen: boolean }): Promise<TreeStorage>;
  addSite(storage: unknown, site: { id: string; kind: string; name: string }): Promise<unknown>;
  addTerminal(storage: unknown, t: { siteId: string; name: string }): Promise<{ token: string }>;
}

/** The tree's own storage and admin operations, loaded into this process (faster than an admin command per terminal). */
export async function treeModules(tree: Tree): Promise<TreeModules> {
  const storage = (await import(path.join(tree.root, 'server/storage/index.ts'))) as Pick<TreeModules, 'openStorage'>;
  const ops = (await import(path.join(tree.root, 'server/admin-ops.ts'))) as Omit<TreeModules, 'openStorage'>;
  return { openStorage: storage.openStorage, addSite: ops.addSite, addTerminal: ops.addTerminal };
}

export async function startCluster(tree: Tree, databaseUrl: string, processes: number, stores: number): Promise<Cluster> {
  const schema = `larder_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const env = { DATABASE_URL: databaseUrl, LARDER_PG_SCHEMA: schema, LARDER_RATE_LIMIT: '1000000/1000000' };
  const children: Child[] = [await startProcess(tree, env)];
  // The first process migrates the schema; the others start on it together.
  children.push(...(await Promise.all(Array.from({ length: processes - 1 }, () => startProcess(tree, env)))));
  // Seeded with the tree's own code, so each tree makes its schema as it would in production.
  const m = await treeModules(tree);
  const storage = await m.openStorage({ databaseUrl, pgSchema: schema, listen: false });
  await m.addSite(storage, { id: 'hq', kind: 'hq', name: 'HQ' });
  const hq = (await m.addTerminal(storage, { siteId: 'hq', name: 'office' })).token;
  const storeTokens: string[] = [];
  for (let i = 0; i < stores; i++) {
    await m.addSite(storage, { id: `s${i}`, kind: 'store', name: `Store ${i}` });
    storeTokens.push((await m.addTerminal(storage, { siteId: `s${i}`, name: 'till' })).token);
  }
  await storage.close();
  return {
    urls: children.map((c) => c.url),
    schema,
    tokens: { hq, stores: storeTokens },
    async stop() {
      await Promise.all(children.map(stopProcess));
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

const NOW = '2026-03-01T08:00:00.000Z';

export function saleMovement(siteId: string): Record<string, unknown> {
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
  };
}

/** An HQ stream on one process: the time each document id arrived. */
export function watchStream(url: string, token: string, seen: Map<string, number>): { ready: Promise<void>; close(): void } {
  const abort = new AbortController();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  void (async () => {
    const res = await fetch(`${url}/api/v1/sync/stream`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      if (buffer.includes('connected')) resolveReady();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const at = performance.now();
        for (const m of event.matchAll(/"id":"([0-9a-f-]{36})"/g)) if (!seen.has(m[1]!)) seen.set(m[1]!, at);
      }
    }
  })().catch(() => resolveReady());
  return { ready, close: () => abort.abort() };
}
