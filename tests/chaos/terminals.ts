// Handles on chaos terminals: worker threads on memory storage for most of the fleet, and one
// Chromium page on a persistent profile (Dexie/IndexedDB) that can be killed with SIGKILL and
// restarted on the same data.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { chromium, type BrowserContext, type Page } from 'playwright';
import type { FaultProxy } from './proxy';
import type { ChaosCommand } from './terminal-protocol';
import type { ChaosWorkerData, Release } from './terminal-worker';
import type { PageStart } from './terminal-page/main';

export type SiteKind = 'hq' | 'kitchen' | 'store';

export interface ChaosTerminal {
  readonly label: string;
  readonly siteId: string;
  readonly siteKind: SiteKind;
  readonly proxy: FaultProxy;
  /** The app release it runs: the first (`v0`, data version 0) until its rolling upgrade. */
  readonly release: Release;
  run<T>(command: ChaosCommand): Promise<T>;
  /** Reopens a first-release terminal's store with the current app (absent where there is no such terminal). */
  upgrade?(): Promise<void>;
  close(): Promise<void>;
}

interface Reply {
  ready?: true;
  id?: number;
  ok?: boolean;
  value?: unknown;
  error?: string;
}

export async function openWorkerTerminal(
  label: string,
  siteId: string,
  siteKind: SiteKind,
  proxy: FaultProxy,
  token: string,
  release: Release = 'current',
): Promise<ChaosTerminal> {
  const data: ChaosWorkerData = {
    endpointUrl: proxy.url,
    token,
    name: `chaos${label.replace(/[^a-z0-9]/g, '')}`,
    writer: { siteId, siteKind },
    release,
  };
  const worker = new Worker(new URL('./terminal-worker-entry.mjs', import.meta.url), { workerData: data });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: Reply) => {
      if (message.ready) return resolve();
      const pending = waiting.get(message.id ?? -1);
      waiting.delete(message.id ?? -1);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(new Error(`${label}: ${message.error}`));
    });
  });
  const run = <T>(command: ChaosCommand) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, command });
    });
  let running = release;
  return {
    label,
    siteId,
    siteKind,
    proxy,
    get release() {
      return running;
    },
    run,
    async upgrade() {
      // Postings made from now on wait for the upgraded app and are written by it, as it writes them.
      running = 'current';
      await run({ op: 'upgrade' });
    },
    async close() {
      await run({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

/** Builds the headless terminal page (tests/chaos/terminal-page) with Vite into a temp dir. */
export function buildTerminalPage(): Promise<string> {
  return buildHeadlessPage(path.join(import.meta.dirname, 'terminal-page'), 'larder-chaos-page-');
}

/** Builds a headless page (an index.html and its scripts under `root`) with Vite into a temp dir. */
export async function buildHeadlessPage(root: string, tempPrefix: string): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(path.join(os.tmpdir(), tempPrefix));
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, minify: false, chunkSizeWarningLimit: 8000 },
  });
  return outDir;
}

/** Serves the page on a fixed origin for the whole session (IndexedDB belongs to the origin). */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/').replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
    createReadStream(file)
      .on('error', () => res.writeHead(404).end())
      .pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/index.html`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A terminal in Chromium on a persistent profile; `kill9` and `restart` keep its IndexedDB. */
export class BrowserTerminal implements ChaosTerminal {
  private context: BrowserContext | null = null;
  private page: Page | null = null;
  readonly profileDir = mkdtempSync(path.join(os.tmpdir(), 'larder-chaos-profile-'));
  restarts = 0;
  /** Set from the kill until the restart: a command cut by it is expected to fail. */
  killed = false;
  readonly release = 'current';

  constructor(
    readonly label: string,
    readonly siteId: string,
    readonly siteKind: SiteKind,
    readonly proxy: FaultProxy,
    private readonly token: string,
    private readonly pageUrl: string,
  ) {}

  async launch(options: { skewMs?: number; syncAtStart?: boolean } = {}): Promise<void> {
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    await this.page.goto(this.pageUrl);
    await this.page.waitForFunction(() => 'chaos' in globalThis, undefined, { timeout: 20_000 });
    const start: PageStart = {
      endpointUrl: this.proxy.url,
      token: this.token,
      name: 'chaosbrowser',
      syncAtStart: options.syncAtStart ?? true,
      skewMs: options.skewMs ?? 0,
      writer: { siteId: this.siteId, siteKind: this.siteKind },
    };
    await this.page.evaluate(
      (config) => (globalThis as unknown as { chaos: { start(c: PageStart): Promise<true> } }).chaos.start(config),
      start,
    );
  }

  run<T>(command: ChaosCommand): Promise<T> {
    if (!this.page) return Promise.reject(new Error(`${this.label} is down`));
    return this.page.evaluate(
      (c) => (globalThis as unknown as { chaos: { run(c: ChaosCommand): Promise<unknown> } }).chaos.run(c),
      command,
    ) as Promise<T>;
  }

  /** Every process of this browser, found by its unique profile directory (never by a broad name). */
  private pids(): number[] {
    const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter((line) => line.includes(`--user-data-dir=${this.profileDir}`))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((pid) => Number.isInteger(pid) && pid > 0 && pid !== process.pid);
  }

  /** SIGKILL, as a power cut or the OS's OOM killer would: no unload, no flush. */
  async kill9(): Promise<number> {
    this.killed = true;
    const pids = this.pids();
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const context = this.context;
    this.context = null;
    this.page = null;
    await context?.close().catch(() => undefined);
    return pids.length;
  }

  async restart(options: { skewMs?: number; syncAtStart?: boolean } = {}): Promise<void> {
    this.restarts++;
    await this.launch(options);
    this.killed = false;
  }

  async close(): Promise<void> {
    await this.run({ op: 'close' }).catch(() => undefined);
    await this.context?.close().catch(() => undefined);
    this.context = null;
    this.page = null;
  }
}
