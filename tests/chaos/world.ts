// The chaos world: one real endpoint process (SQLite, its own data dir and port), the four sites,
// a fleet of terminals each behind its own fault proxy, and the record of every movement a
// terminal ever reported stored — the oracle the final checks hold the system to.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEndpointProcess, type EndpointProcess } from '../support/endpoint-process';
import type { MovementDoc } from '../../shared/schemas';
import { FaultProxy } from './proxy';
import { Rng } from './rng';
import { BrowserTerminal, buildTerminalPage, openWorkerTerminal, serveStatic, type ChaosTerminal, type SiteKind } from './terminals';
import { canonical } from './terminal-protocol';
import type { Release } from './terminal-worker';
import { randomPosting, type DispatchesTo, type DispatchRef, type Posting, type RequestRef, type RequestsOf } from './traffic';

export interface StoredMovement {
  siteId: string;
  content: string;
  terminal: string;
  run: number;
}

const SITES: [string, SiteKind][] = [
  ['hq', 'hq'],
  ['kitchen', 'kitchen'],
  ['store-a', 'store'],
  ['store-b', 'store'],
];
/**
 * kitchen, a second kitchen terminal, two stores, HQ; store-b is the Chromium one when enabled.
 * kitchen-1 and store-a start on the first release (data version 0) and are upgraded in place
 * part-way through the session (harness.ts), store-a first.
 */
const FLEET: [string, string, Release][] = [
  ['kitchen-1', 'kitchen', 'v0'],
  ['kitchen-2', 'kitchen', 'current'],
  ['store-a', 'store-a', 'v0'],
  ['store-b', 'store-b', 'current'],
  ['hq', 'hq', 'current'],
];

export class World {
  readonly terminals: ChaosTerminal[] = [];
  browser: BrowserTerminal | null = null;
  /** Every movement a terminal said it stored, by id. */
  readonly stored = new Map<string, StoredMovement>();
  /** Postings whose insert was cut by a kill: retried (same ids) once the terminal is back. */
  readonly interrupted: { terminal: ChaosTerminal; posting: Posting; run: number }[] = [];
  readonly documentIds = new Set<string>();
  /**
   * First-release terminals upgraded in place, by label: the run, and the documents they held as
   * v0 projections just before (check.ts holds them to the endpoint's full copies from then on).
   */
  readonly upgrades = new Map<string, { run: number; shortAtV0: ReadonlySet<string> }>();
  /** Store requests terminals stored, per store, with the run that stored them. */
  private readonly requests = new Map<string, (RequestRef & { run: number })[]>();
  /** Shipped dispatches terminals stored, per addressed store, with the run that stored them. */
  private readonly dispatches = new Map<string, (DispatchRef & { run: number })[]>();
  /** Per terminal, how far its clock is off (ms); business times are stamped from it. */
  readonly skew = new Map<string, number>();
  auditorToken = '';
  endpointDown = false;
  private closeStatic: (() => Promise<void>) | null = null;
  /** `admin backup` files by the run that took them (restore.ts). */
  private readonly backups = new Map<number, string>();
  private backupDir: string | null = null;

  private constructor(
    public endpoint: EndpointProcess,
    readonly port: number,
  ) {}

  static async create(options: { seed: number; browser: boolean; log(line: string): void }): Promise<World> {
    const endpoint = await startEndpointProcess();
    const world = new World(endpoint, Number(new URL(endpoint.url).port));
    for (const [id, kind] of SITES) await endpoint.admin('site', 'add', '--id', id, '--kind', kind, '--name', id);
    world.auditorToken = (await endpoint.addTerminal('hq', 'chaos auditor')).token;
    const rng = new Rng(options.seed).fork(0xfee1);
    let pageUrl = '';
    if (options.browser) {
      const started = Date.now();
      const page = await serveStatic(await buildTerminalPage());
      pageUrl = page.url;
      world.closeStatic = page.close;
      options.log(`terminal page built in ${Date.now() - started} ms`);
    }
    for (const [label, siteId, release] of FLEET) {
      const siteKind = SITES.find(([id]) => id === siteId)?.[1] ?? 'store';
      const { token } = await endpoint.addTerminal(siteId, label);
      const proxy = new FaultProxy(world.port, rng.fork(world.terminals.length));
      await proxy.listen();
      if (options.browser && label === 'store-b') {
        const browser = new BrowserTerminal(label, siteId, siteKind, proxy, token, pageUrl);
        await browser.launch();
        world.browser = browser;
        world.terminals.push(browser);
      } else {
        world.terminals.push(await openWorkerTerminal(label, siteId, siteKind, proxy, token, release));
      }
    }
    return world;
  }

  get url(): string {
    return this.endpoint.url;
  }

  clockOf(t: ChaosTerminal): number {
    return Date.now() + (this.skew.get(t.label) ?? 0);
  }

  /**
   * The store requests a dispatch of run `run` may answer: those stored in earlier runs, which
   * every check since has seen on the endpoint (a v0 dispatch names them by number, and the
   * endpoint resolves a number only to a request it holds).
   */
  requestsBefore(run: number): RequestsOf {
    return (storeSiteId) => (this.requests.get(storeSiteId) ?? []).filter((r) => r.run < run);
  }

  /**
   * The dispatches a store receipt of run \`run\` may answer: those stored in earlier runs, which
   * every check since has seen on the endpoint. A store receives a dispatch only after pulling it,
   * so the endpoint holds it before the receipt; a receipt of any other is refused (403).
   */
  dispatchesBefore(run: number): DispatchesTo {
    return (storeSiteId) => (this.dispatches.get(storeSiteId) ?? []).filter((d) => d.run < run);
  }

  /** Posts one random document through a terminal; its movements count as stored once the insert resolves. */
  async post(
    t: ChaosTerminal,
    rng: Rng,
    run: number,
    posting = randomPosting(rng, t, this.clockOf(t), this.requestsBefore(run), this.dispatchesBefore(run)),
  ): Promise<void> {
    try {
      await t.run({ op: 'insert', collection: 'movements', docs: posting.movements });
      await t.run({ op: 'insert', collection: 'documents', docs: [posting.document] });
    } catch (error) {
      if (t === this.browser && this.browser.killed) return void this.interrupted.push({ terminal: t, posting, run });
      throw error;
    }
    this.record(t, posting, run);
  }

  /** Many postings' movements in one local write (an offline backlog, a big push). */
  async postBacklog(t: ChaosTerminal, rng: Rng, run: number, postings: number): Promise<void> {
    const batch = Array.from({ length: postings }, () =>
      randomPosting(rng, t, this.clockOf(t), this.requestsBefore(run), this.dispatchesBefore(run)),
    );
    for (let i = 0; i < batch.length; i += 250) {
      const slice = batch.slice(i, i + 250);
      try {
        await t.run({ op: 'insert', collection: 'movements', docs: slice.flatMap((p) => p.movements) });
        await t.run({ op: 'insert', collection: 'documents', docs: slice.map((p) => p.document) });
      } catch (error) {
        if (t === this.browser && this.browser.killed) {
          for (const posting of batch.slice(i)) this.interrupted.push({ terminal: t, posting, run });
          return;
        }
        throw error;
      }
      for (const posting of slice) this.record(t, posting, run);
    }
  }

  /** After a restart: the app retries a posting it was making (same derived ids, so no double). */
  async retryInterrupted(): Promise<void> {
    for (const item of this.interrupted.splice(0)) await this.post(item.terminal, new Rng(0), item.run, item.posting);
  }

  private record(t: ChaosTerminal, posting: Posting, run: number): void {
    this.documentIds.add(posting.document.id);
    const { document } = posting;
    if (document.type === 'store-request') {
      const mine = this.requests.get(document.siteId) ?? [];
      this.requests.set(document.siteId, mine);
      mine.push({ id: document.id, number: document.number, run });
    }
    if (document.type === 'dispatch') {
      const to = this.dispatches.get(document.toSiteId) ?? [];
      this.dispatches.set(document.toSiteId, to);
      to.push({ id: document.id, fromSiteId: document.siteId, run });
    }
    for (const m of posting.movements)
      this.stored.set(m.id, { siteId: m.siteId, content: canonical(m as MovementDoc), terminal: t.label, run });
  }

  /** kill -9 of the endpoint's whole process group (npm/tsx and the node child), mid-whatever. */
  crashEndpoint(): void {
    const pid = this.endpoint.process.pid;
    if (pid && this.endpoint.process.exitCode === null) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.endpointDown = true;
  }

  async restartEndpoint(): Promise<void> {
    if (!this.endpointDown) return;
    // The old group must be gone before the port is bound again.
    const old = this.endpoint.process;
    if (old.exitCode === null && old.signalCode === null) await new Promise((resolve) => old.once('exit', resolve));
    this.endpoint = await startEndpointProcess({ dataDir: this.endpoint.dataDir, port: this.port });
    this.endpointDown = false;
  }

  /** `admin backup` while the endpoint serves; kept by run for a later restore (restore.ts). */
  async backupEndpoint(run: number): Promise<{ epoch: string }> {
    this.backupDir ??= mkdtempSync(join(tmpdir(), 'larder-chaos-backups-'));
    const file = join(this.backupDir, `run-${run}.sqlite`);
    const out = await this.endpoint.admin('backup', '--out', file);
    this.backups.set(run, file);
    return { epoch: /^epoch (\S+)$/m.exec(out)?.[1] ?? '?' };
  }

  /** Stops the endpoint, restores the backup taken in `run` (`admin restore`: a new epoch) and starts it again. */
  async restoreEndpoint(run: number): Promise<{ epoch: string }> {
    const file = this.backups.get(run);
    if (!file) throw new Error(`no backup of run ${run}`);
    const { dataDir } = this.endpoint;
    this.endpointDown = true;
    await this.endpoint.stop({ keepData: true });
    const out = await this.endpoint.admin('restore', '--from', file);
    this.endpoint = await startEndpointProcess({ dataDir, port: this.port });
    this.endpointDown = false;
    return { epoch: /^epoch (\S+)$/m.exec(out)?.[1] ?? '?' };
  }

  async close(): Promise<void> {
    await Promise.all(this.terminals.map((t) => t.close().catch(() => undefined)));
    await Promise.all(this.terminals.map((t) => t.proxy.close().catch(() => undefined)));
    await this.closeStatic?.();
    if (this.endpointDown) await this.restartEndpoint().catch(() => undefined);
    await this.endpoint.stop();
    if (this.backupDir) rmSync(this.backupDir, { recursive: true, force: true });
  }
}
