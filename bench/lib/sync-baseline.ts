// The bench's baseline: a bare in-memory endpoint that implements only what the sync client
// uses — whoami, pull by sequence with per-site scope, push (insert/replace, no validation, no
// durability), and the SSE change stream — so the real endpoint's figures can be read as a
// ratio against "the same protocol with nothing behind it".
import http from 'node:http';

interface Row {
  seq: number;
  collection: string;
  id: string;
  siteId: string | null;
  toSiteId: string | null;
  doc: Record<string, unknown>;
}
export interface BaselineTerminal {
  siteId: string;
  hq: boolean;
}

/** The terminal's site as `whoami` tells it (the sync client asks before its first push). */
const siteKindOf = (t: BaselineTerminal) => (t.hq ? 'hq' : t.siteId.startsWith('kitchen') ? 'kitchen' : 'store');

const TRANSACTIONAL = new Set(['movements', 'documents', 'journal', 'events']);

export class BaselineEndpoint {
  private readonly rows: Row[] = [];
  private readonly byKey = new Map<string, Row>();
  private readonly tokens = new Map<string, BaselineTerminal>();
  private readonly streams = new Set<{ terminal: BaselineTerminal; res: http.ServerResponse }>();
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  url = '';

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  addTerminal(token: string, terminal: BaselineTerminal): void {
    this.tokens.set(token, terminal);
  }

  seed(collection: string, docs: readonly Record<string, unknown>[]): void {
    this.write(collection, docs);
  }

  async close(): Promise<void> {
    for (const s of this.streams) s.res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private readable(t: BaselineTerminal, row: Row): boolean {
    return t.hq || !TRANSACTIONAL.has(row.collection) || row.siteId === t.siteId || row.toSiteId === t.siteId;
  }

  private write(collection: string, docs: readonly Record<string, unknown>[]): Row[] {
    const written: Row[] = [];
    for (const doc of docs) {
      const id = String(doc.id);
      const key = `${collection}/${id}`;
      const old = this.byKey.get(key);
      if (old) old.seq = -1; // superseded: skipped by pull
      const str = (k: string) => (typeof doc[k] === 'string' ? (doc[k] as string) : null);
      const row: Row = { seq: this.rows.length + 1, collection, id, siteId: str('siteId'), toSiteId: str('toSiteId'), doc };
      this.rows.push(row);
      this.byKey.set(key, row);
      written.push(row);
    }
    return written;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const terminal = this.tokens.get(String(req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const url = new URL(req.url ?? '/', 'http://x');
    if (!terminal) return void res.writeHead(401).end('{"error":"unauthorized"}');
    const json = (body: unknown): void => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/api/v1/sync/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': connected\n\n');
      const client = { terminal, res };
      this.streams.add(client);
      res.on('close', () => this.streams.delete(client));
      return;
    }
    if (url.pathname === '/api/v1/whoami')
      return json({ terminalId: `t-${terminal.siteId}`, siteId: terminal.siteId, siteKind: siteKindOf(terminal), orgId: 'bench' });
    const match = /^\/api\/v1\/sync\/([a-z]+)\/(pull|push)$/.exec(url.pathname);
    if (!match) return void res.writeHead(404).end('{"error":"not-found"}');
    const collection = match[1] ?? '';
    if (match[2] === 'pull') {
      const after = Number(url.searchParams.get('checkpoint') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 200);
      const documents: Record<string, unknown>[] = [];
      let last = after;
      // Rows are in sequence order; a binary search would be faster still, the scan is the baseline.
      for (let i = after; i < this.rows.length && documents.length < limit; i++) {
        const row = this.rows[i];
        if (!row || row.seq < 0 || row.collection !== collection) continue;
        last = row.seq;
        if (this.readable(terminal, row)) documents.push(row.doc);
      }
      return json({ documents, checkpoint: String(documents.length > 0 ? last : after) });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString()) as { newDocumentState: Record<string, unknown> }[];
    const written = this.write(
      collection,
      body.map((r) => r.newDocumentState),
    );
    json({ conflicts: [] });
    const checkpoint = String(written[written.length - 1]?.seq ?? 0);
    for (const s of this.streams) {
      const documents = written.filter((r) => this.readable(s.terminal, r)).map((r) => r.doc);
      if (documents.length > 0) s.res.write(`event: change\ndata: ${JSON.stringify({ collection, documents, checkpoint })}\n\n`);
    }
  }
}
