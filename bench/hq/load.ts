// The simulated chain of bench/hq.ts: every terminal holds its live stream; each store terminal
// pushes a sale (two movements) every ~5 s, the kitchen a dispatch to a random store every second.
// Records push latency (send → acknowledged) and notify latency (send → event at each recipient),
// and what each stream was shown, so the run can be checked afterwards.
import http from 'node:http';
import { HEADER_SCHEMA_VERSION, HEADER_SCHEMA_VERSIONS } from '../../shared/protocol/wire';
import { collectionNames, type CollectionName } from '../../shared/schemas/index';
import { currentVersion } from '../../shared/schemas/versions';
import type { SeedTokens } from './seed';

export interface SimTerminal {
  siteId: string;
  kind: 'hq' | 'kitchen' | 'store';
  token: string;
  /**
   * The terminal's own keep-alive connection, one request at a time like the sync client's. A
   * shared pool opened hundreds of sockets in one burst when pushes began, overflowing the
   * endpoint's accept queue (backlog 511): the pushes on those sockets waited for TCP
   * retransmissions, tens of seconds, which measured the generator, not the endpoint.
   */
  agent: http.Agent;
}

/** One acknowledged row: the site that wrote it and the site it is addressed to. */
export interface AckedRow {
  collection: CollectionName;
  id: string;
  siteId: string;
  toSiteId: string | null;
}

export interface LoadFigures {
  streams: number;
  pushLatencies: number[];
  /** [seconds since the load began, push latency] of each acknowledged push, for --timeline. */
  pushTimeline: [number, number][];
  notifyLatencies: number[];
  pushErrors: number;
  /** Events that reached a terminal whose site may not read them. */
  foreignNotified: number;
  expectedNotifications: number;
  notifications: number;
  acked: AckedRow[];
}

const streamVersions = collectionNames.map((c) => `${c}=${currentVersion(c)}`).join(',');
/** Shared by the checks after the run (pulls); each simulated terminal has its own connection. */
const checkAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export function terminalsOf(tokens: SeedTokens): SimTerminal[] {
  const agent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });
  const out: SimTerminal[] = [
    { siteId: 'hq', kind: 'hq', token: tokens.hq, agent: agent() },
    { siteId: 'kitchen', kind: 'kitchen', token: tokens.kitchen, agent: agent() },
  ];
  for (const [siteId, list] of Object.entries(tokens.stores))
    for (const token of list) out.push({ siteId, kind: 'store', token, agent: agent() });
  return out;
}

function request(
  url: string,
  init: { method: string; token: string; body?: string; headers?: Record<string, string>; agent?: http.Agent },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: init.method,
        agent: init.agent ?? checkAgent,
        headers: { authorization: `Bearer ${init.token}`, 'content-type': 'application/json', ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

export async function pullAll(url: string, token: string, collection: CollectionName): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let checkpoint: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000' });
    if (checkpoint !== undefined) query.set('checkpoint', checkpoint);
    const res = await request(`${url}/api/v1/sync/${collection}/pull?${query}`, {
      method: 'GET',
      token,
      headers: { [HEADER_SCHEMA_VERSION]: String(currentVersion(collection)) },
    });
    if (res.status !== 200) throw new Error(`pull ${collection}: ${res.status} ${res.body}`);
    const page = JSON.parse(res.body) as { documents: Record<string, unknown>[]; checkpoint: string };
    out.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < 1000) return out;
  }
}

/** Milliseconds of one pull page (no checkpoint), as a terminal asks for it. */
export async function timePull(url: string, token: string, collection: CollectionName): Promise<number> {
  const started = performance.now();
  const res = await request(`${url}/api/v1/sync/${collection}/pull?limit=200`, {
    method: 'GET',
    token,
    headers: { [HEADER_SCHEMA_VERSION]: String(currentVersion(collection)) },
  });
  if (res.status !== 200) throw new Error(`pull: ${res.status} ${res.body}`);
  return performance.now() - started;
}

function sale(siteId: string, n: number, tag: string): Record<string, unknown>[] {
  const at = new Date().toISOString();
  return [0, 1].map((line) => ({
    id: `s-${tag}-${n}-${line}`,
    siteId,
    productId: `p-${(n + line) % 50}`,
    batchId: `b-${n % 200}`,
    qty: -1 - line,
    kind: 'sale',
    unitCost: 3.5,
    docType: 'sale',
    docId: `sale-${tag}-${n}`,
    lineNo: line,
    at,
    terminalId: `t-${tag}`,
    updatedAt: at,
  }));
}

function dispatch(toSiteId: string, n: number, tag: string): Record<string, unknown> {
  const at = new Date().toISOString();
  const id = `d-${tag}-${n}`;
  return {
    id,
    type: 'dispatch',
    siteId: 'kitchen',
    toSiteId,
    number: `PS-${tag}-${n}`,
    status: 'shipped',
    businessDate: at.slice(0, 10),
    at,
    terminalId: `t-${tag}`,
    lines: [{ productId: 'p-1', qty: 3 }],
    updatedAt: at,
  };
}

export interface LoadOptions {
  url: string;
  terminals: SimTerminal[];
  seconds: number;
  /** Seconds to wait once every stream is open, so connecting is not measured as pushing. */
  settleSeconds: number;
  salePeriodMs: number;
  dispatchPeriodMs: number;
  /** Run tag, so rows of repeated runs never share ids. */
  tag: string;
  /** Called as the pushes begin (after the streams opened and settled). */
  onPushesStart(): void;
  log(line: string): void;
}

export async function runLoad(o: LoadOptions): Promise<LoadFigures> {
  const figures: LoadFigures = {
    streams: 0,
    pushLatencies: [],
    pushTimeline: [],
    notifyLatencies: [],
    pushErrors: 0,
    foreignNotified: 0,
    expectedNotifications: 0,
    notifications: 0,
    acked: [],
  };
  const sentAt = new Map<string, number>();
  const perSite = new Map<string, number>();
  for (const t of o.terminals) perSite.set(t.siteId, (perSite.get(t.siteId) ?? 0) + 1);
  const hqStreams = perSite.get('hq') ?? 0;
  const streams: http.ClientRequest[] = [];

  const openStream = (t: SimTerminal) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(
        `${o.url}/api/v1/sync/stream`,
        { agent: false, headers: { authorization: `Bearer ${t.token}`, [HEADER_SCHEMA_VERSIONS]: streamVersions } },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
          res.setEncoding('utf8');
          let buffer = '';
          let connected = false;
          res.on('data', (chunk: string) => {
            buffer += chunk;
            if (!connected) {
              connected = true;
              figures.streams++;
              resolve();
            }
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const event = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = event.startsWith('event: change\n') ? event.slice(event.indexOf('data: ') + 6) : null;
              if (data === null) continue;
              const now = performance.now();
              const payload = JSON.parse(data) as { collection: string; documents: { id: string; siteId?: string; toSiteId?: string }[] };
              for (const doc of payload.documents) {
                const transactional = payload.collection === 'movements' || payload.collection === 'documents';
                if (t.kind !== 'hq' && transactional && doc.siteId !== t.siteId && doc.toSiteId !== t.siteId) figures.foreignNotified++;
                const sent = sentAt.get(doc.id);
                if (sent === undefined) continue;
                figures.notifications++;
                figures.notifyLatencies.push(now - sent);
              }
            }
          });
          res.on('error', () => undefined);
        },
      );
      req.on('error', reject);
      streams.push(req);
    });

  // Streams connect in waves, as terminals of a chain do over a morning, not all in one instant.
  for (let i = 0; i < o.terminals.length; i += 100) await Promise.all(o.terminals.slice(i, i + 100).map(openStream));
  // Each terminal asks whoami on its own connection, as the sync client does before pushing.
  for (let i = 0; i < o.terminals.length; i += 100)
    await Promise.all(
      o.terminals.slice(i, i + 100).map((t) => request(`${o.url}/api/v1/whoami`, { method: 'GET', token: t.token, agent: t.agent })),
    );
  o.log(`  ${figures.streams} streams open, every terminal's connection too`);
  await new Promise((resolve) => setTimeout(resolve, o.settleSeconds * 1000));

  o.onPushesStart();
  const loadStarted = performance.now();
  let running = true;
  let pushNo = 0;
  const inFlight = new Set<Promise<void>>();
  const push = (t: SimTerminal, collection: CollectionName, docs: Record<string, unknown>[], recipients: number) => {
    const started = performance.now();
    for (const d of docs) sentAt.set(String(d.id), started);
    const body = JSON.stringify(docs.map((d) => ({ assumedMasterState: null, newDocumentState: d })));
    const p = request(`${o.url}/api/v1/sync/${collection}/push`, {
      method: 'POST',
      token: t.token,
      agent: t.agent,
      body,
      headers: { [HEADER_SCHEMA_VERSION]: String(currentVersion(collection)) },
    })
      .then((res) => {
        if (res.status !== 200) {
          figures.pushErrors++;
          if (figures.pushErrors <= 3) o.log(`  push ${res.status}: ${res.body.slice(0, 300)}`);
          return;
        }
        figures.pushLatencies.push(performance.now() - started);
        figures.pushTimeline.push([(started - loadStarted) / 1000, performance.now() - started]);
        for (const d of docs) {
          figures.acked.push({
            collection,
            id: String(d.id),
            siteId: String(d.siteId),
            toSiteId: typeof d.toSiteId === 'string' ? d.toSiteId : null,
          });
          figures.expectedNotifications += recipients;
        }
      })
      .catch(() => void figures.pushErrors++)
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const timers: NodeJS.Timeout[] = [];
  const stores = o.terminals.filter((t) => t.kind === 'store');
  const storeSites = [...new Set(stores.map((t) => t.siteId))];
  for (const t of stores) {
    const tick = () => {
      if (!running) return;
      push(t, 'movements', sale(t.siteId, pushNo++, o.tag), (perSite.get(t.siteId) ?? 0) + hqStreams);
      timers.push(setTimeout(tick, o.salePeriodMs * (0.5 + Math.random())));
    };
    timers.push(setTimeout(tick, Math.random() * o.salePeriodMs));
  }
  const kitchen = o.terminals.find((t) => t.kind === 'kitchen');
  if (kitchen && storeSites.length > 0) {
    timers.push(
      setInterval(() => {
        if (!running) return;
        const to = storeSites[Math.floor(Math.random() * storeSites.length)] ?? '';
        push(kitchen, 'documents', [dispatch(to, pushNo++, o.tag)], (perSite.get('kitchen') ?? 0) + (perSite.get(to) ?? 0) + hqStreams);
      }, o.dispatchPeriodMs),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, o.seconds * 1000));
  running = false;
  for (const t of timers) clearTimeout(t);
  await Promise.all([...inFlight]);
  // Events still on their way.
  const deadline = Date.now() + 10_000;
  while (figures.notifications < figures.expectedNotifications && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  for (const s of streams) s.destroy();
  for (const t of o.terminals) t.agent.destroy();
  return figures;
}
