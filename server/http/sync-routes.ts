import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, MAX_PUSH_BYTES, MAX_PUSH_ROWS } from '../../shared/protocol/wire.js';
import type { CollectionName } from '../../shared/schemas/index.js';
import { schemaVersion } from '../collections.js';
import { BadRequestError, SchemaMismatchError, TooLargeError } from '../errors.js';
import { checkWritable, planPush, validateRows } from '../push.js';
import { readScope } from '../scope.js';
import { authenticate, requireCollection, terminalOf, type EndpointContext } from './context.js';

function parseCheckpoint(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value))
    throw new BadRequestError('checkpoint must be a value this endpoint returned');
  return Number(value);
}

function parseLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_PULL_LIMIT;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value))
    throw new BadRequestError(`limit must be an integer from 1 to ${MAX_PULL_LIMIT}`);
  const n = Number(value);
  if (n < 1 || n > MAX_PULL_LIMIT) throw new BadRequestError(`limit must be an integer from 1 to ${MAX_PULL_LIMIT}`);
  return n;
}

/** The 409 step: a terminal on another schema version is told which side to update. */
function checkSchemaVersion(req: FastifyRequest, collection: CollectionName): void {
  const header = req.headers['x-schema-version'];
  if (header === undefined) return;
  const server = schemaVersion(collection);
  const text = Array.isArray(header) ? header.join(',') : header;
  const terminal = /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : text.slice(0, 40);
  if (terminal !== server) throw new SchemaMismatchError(terminal, server);
}

export async function syncRoutes(app: FastifyInstance, ctx: EndpointContext): Promise<void> {
  // Any content type is read as JSON, so a wrong header is the protocol's 400, not Fastify's 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  const auth = authenticate(ctx);

  app.get('/api/v1/sync/:collection/pull', { onRequest: [auth, requireCollection] }, async (req, reply) => {
    const terminal = terminalOf(req);
    const collection = (req.params as { collection: CollectionName }).collection;
    const query = req.query as Record<string, unknown>;
    const after = parseCheckpoint(query.checkpoint);
    const limit = parseLimit(query.limit);
    // Scoping is in the query, so a full page is filled past documents this terminal may not read.
    const page = await ctx.storage.pull(collection, after, limit, readScope(terminal, collection));
    const checkpoint = String(page.lastSeq ?? after);
    // The stored texts are the documents as validated and written: spliced in, not re-serialised.
    return reply
      .type('application/json; charset=utf-8')
      .send(`{"documents":[${page.bodies.join(',')}],"checkpoint":${JSON.stringify(checkpoint)}}`);
  });

  app.post('/api/v1/sync/:collection/push', { onRequest: [auth, requireCollection], bodyLimit: MAX_PUSH_BYTES }, async (req) => {
    const terminal = terminalOf(req);
    const collection = (req.params as { collection: CollectionName }).collection;
    const body: unknown = req.body;
    if (!Array.isArray(body)) throw new BadRequestError('the body must be a JSON array of {assumedMasterState, newDocumentState} rows');
    if (body.length > MAX_PUSH_ROWS) throw new TooLargeError(`at most ${MAX_PUSH_ROWS} rows per push, got ${body.length}`);
    checkSchemaVersion(req, collection);
    const rows = validateRows(collection, body, ctx.validators);
    checkWritable(terminal, collection, rows);
    const { result } = await ctx.storage.push(
      collection,
      rows.map((r) => r.id),
      planPush(terminal, collection, rows),
    );
    return { conflicts: result };
  });

  app.get('/api/v1/sync/stream', { onRequest: auth }, (req: FastifyRequest, reply: FastifyReply) => {
    const terminal = terminalOf(req);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'access-control-allow-origin': '*',
    });
    raw.write(': connected\n\n');
    const remove = ctx.hub.add({
      terminal,
      write: (chunk) => {
        if (!raw.destroyed) raw.write(chunk);
        return raw.writableLength;
      },
      close: () => {
        raw.end();
        // A client that never reads must not keep the socket (and shutdown) waiting.
        setTimeout(() => raw.destroy(), 1000).unref();
      },
    });
    req.raw.socket.on('close', remove);
    raw.on('close', remove);
  });
}
