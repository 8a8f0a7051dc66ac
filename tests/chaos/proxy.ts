// A FAULT-INJECTING PROXY, and nothing more: it sits between one terminal and the real endpoint
// on 127.0.0.1 and forwards every byte unchanged unless a fault mode says otherwise. It never
// answers for the endpoint, never rewrites a body and implements none of the protocol — it only
// drops, holds, resets, delays or replays what the real endpoint and terminal exchange.
import http from 'node:http';
import type { Rng } from './rng';

export type FaultMode =
  | { kind: 'pass' }
  /** The network is down: every connection is reset at once. */
  | { kind: 'offline' }
  /** Random disconnects: a request is reset before forwarding, after its answer, or a stream mid-way. */
  | { kind: 'flaky'; dropRate: number }
  /** One-way partition: requests reach the endpoint, answers (and stream events) are held back. */
  | { kind: 'drop-answers' }
  /** One-way partition the other way: requests are held back and never reach the endpoint. */
  | { kind: 'drop-requests' }
  /** A push commits, then its answer is lost (reset); with `replay` the proxy also delivers the request twice. */
  | { kind: 'lose-push-answers'; rate: number; replay: boolean };

export interface ProxyStats {
  forwarded: number;
  /** Pushes forwarded to the endpoint (the kill -9 scenario waits for one to be in flight). */
  pushes: number;
  reset: number;
  held: number;
  replayed: number;
  /** A replayed push whose answer named a conflict: the endpoint was not idempotent. */
  replayConflicts: string[];
}

interface Exchange {
  res: http.ServerResponse;
  /** Set once the endpoint's full answer is known (held answers can be delivered late). */
  answer?: { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
  /** An open event stream: chunks held back while answers are dropped. */
  stream?: { held: Buffer[] };
  upstream?: http.ClientRequest;
}

export class FaultProxy {
  private server: http.Server;
  private mode: FaultMode = { kind: 'pass' };
  private readonly open = new Set<Exchange>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  readonly stats: ProxyStats = { forwarded: 0, pushes: 0, reset: 0, held: 0, replayed: 0, replayConflicts: [] };
  url = '';

  constructor(
    private readonly upstreamPort: number,
    private rng: Rng,
  ) {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 2_000;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  /** Draws this proxy's future random choices from the current run's seed. */
  reseed(rng: Rng): void {
    this.rng = rng;
  }

  setMode(mode: FaultMode): void {
    this.mode = mode;
    // Going offline kills what is in flight, as pulling the cable would.
    if (mode.kind === 'offline') for (const ex of [...this.open]) this.reset(ex);
  }

  /** Back to pass-through. Held answers are delivered late (TCP retransmits) or reset (TCP gave up). */
  heal(deliverLate: boolean): void {
    this.mode = { kind: 'pass' };
    for (const ex of [...this.open]) {
      if (ex.stream) {
        if (!deliverLate) this.reset(ex);
        else for (const chunk of ex.stream.held.splice(0)) ex.res.write(chunk);
      } else if (ex.answer) {
        if (deliverLate) this.deliver(ex);
        else this.reset(ex);
      } else if (!ex.upstream) {
        this.reset(ex); // a held request never forwarded: the client's connection died
      }
    }
  }

  /** Resets every open connection, streams included (a random disconnect of everything). */
  resetAll(): void {
    for (const ex of [...this.open]) this.reset(ex);
  }

  async close(): Promise<void> {
    this.resetAll();
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private reset(ex: Exchange): void {
    this.open.delete(ex);
    this.stats.reset++;
    ex.upstream?.destroy();
    ex.res.socket?.destroy();
    ex.res.destroy();
  }

  private deliver(ex: Exchange): void {
    const answer = ex.answer;
    if (!answer || ex.res.destroyed) return void this.open.delete(ex);
    this.open.delete(ex);
    ex.res.writeHead(answer.status, answer.headers);
    ex.res.end(answer.body);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const ex: Exchange = { res };
    this.open.add(ex);
    res.on('close', () => {
      this.open.delete(ex);
      ex.upstream?.destroy();
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => this.reset(ex));
    req.on('end', () => {
      const mode = this.mode;
      if (mode.kind === 'offline') return this.reset(ex);
      if (mode.kind === 'drop-requests') return void this.stats.held++; // held until heal resets it
      if (mode.kind === 'flaky' && this.rng.chance(mode.dropRate / 2)) return this.reset(ex);
      this.forward(ex, req, Buffer.concat(chunks));
    });
  }

  private forward(ex: Exchange, req: http.IncomingMessage, body: Buffer): void {
    this.stats.forwarded++;
    if (req.method === 'POST') this.stats.pushes++;
    const upstream = http.request(
      { host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers: req.headers, agent: this.agent },
      (answer) => {
        const streaming = String(answer.headers['content-type'] ?? '').startsWith('text/event-stream');
        if (streaming) return this.pipeStream(ex, answer);
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('error', () => this.reset(ex));
        answer.on('end', () => {
          ex.answer = { status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(parts) };
          this.answered(ex, req, body);
        });
      },
    );
    ex.upstream = upstream;
    // The endpoint is down (crashed, restarting): the terminal sees a dead connection, as it would without a proxy.
    upstream.on('error', () => this.reset(ex));
    upstream.end(body);
  }

  /** The endpoint has answered (a push has committed): decide what the terminal gets. */
  private answered(ex: Exchange, req: http.IncomingMessage, body: Buffer): void {
    const mode = this.mode;
    const isPush = req.method === 'POST' && /\/push$/.test(req.url ?? '');
    if (mode.kind === 'offline') return this.reset(ex);
    if (mode.kind === 'drop-answers' || mode.kind === 'drop-requests') return void this.stats.held++;
    if (mode.kind === 'flaky' && this.rng.chance(mode.dropRate / 2)) return this.reset(ex);
    if (mode.kind === 'lose-push-answers' && isPush && this.rng.chance(mode.rate)) {
      this.reset(ex);
      if (mode.replay) this.replay(req, body);
      return;
    }
    this.deliver(ex);
  }

  /** Delivers a committed push a second time, as a network that duplicates a request would. */
  private replay(req: http.IncomingMessage, body: Buffer): void {
    this.stats.replayed++;
    const again = http.request(
      { host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers: req.headers, agent: this.agent },
      (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          if (answer.statusCode !== 200 || !/\/(movements|journal|events)\/push$/.test(req.url ?? '')) return;
          const conflicts = (JSON.parse(Buffer.concat(parts).toString()) as { conflicts?: unknown[] }).conflicts ?? [];
          if (conflicts.length > 0) this.stats.replayConflicts.push(`${req.url}: ${conflicts.length} conflicts on an identical replay`);
        });
        answer.on('error', () => undefined);
      },
    );
    again.on('error', () => undefined); // the endpoint may be down; the terminal's own retry still runs
    again.end(body);
  }

  private pipeStream(ex: Exchange, answer: http.IncomingMessage): void {
    ex.stream = { held: [] };
    ex.res.writeHead(answer.statusCode ?? 200, answer.headers);
    answer.on('data', (chunk: Buffer) => {
      const mode = this.mode;
      if (mode.kind === 'offline') return this.reset(ex);
      if (mode.kind === 'flaky' && this.rng.chance(mode.dropRate / 4)) return this.reset(ex);
      if (mode.kind === 'drop-answers') return void ex.stream?.held.push(chunk);
      ex.res.write(chunk);
    });
    answer.on('end', () => {
      this.open.delete(ex);
      ex.res.end();
    });
    answer.on('error', () => this.reset(ex));
  }
}
