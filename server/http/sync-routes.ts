import type { FastifyInstance } from 'fastify';
import { DEFAULT_PULL_LIMIT, HEADER_SCHEMA_VERSION, MAX_PULL_LIMIT, MAX_PUSH_BYTES, MAX_PUSH_ROWS } from '../../shared/protocol/wire.js';
import type { CollectionName } from '../../shared/schemas/index.js';
import { checkAddressing } from '../addressing.js';
import { checkOperatorRights } from '../operator-rights.js';
import { formatCheckpoint, parseCheckpoint } from '../epoch.js';
import { BadRequestError, TooLargeError } from '../errors.js';
import { METRIC } from '../metrics.js';
import { pageDocumentsJson } from '../projection.js';
import { checkWritable, planPush, prepareVersion, upgradeRows, validateRows } from '../push.js';
import { readScope } from '../scope.js';
import { authenticate, requireCollection, terminalOf, type EndpointContext } from './context.js';

function parseLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_PULL_LIMIT;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value))
    throw new BadRequestError(`limit must be an integer from 1 to ${MAX_PULL_LIMIT}`);
  const n = Number(value);
  if (n < 1 || n > MAX_PULL_LIMIT) throw new BadRequestError(`limit must be an integer from 1 to ${MAX_PULL_LIMIT}`);
  return n;
}

/** Pull and push (SYNC-PROTOCOL.md); the live stream is in stream-routes.ts. */
export async function syncRoutes(app: FastifyInstance, ctx: EndpointContext): Promise<void> {
  // Any content type is read as JSON, so a wrong header is the protocol's 400, not Fastify's 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  const auth = authenticate(ctx);

  app.get('/api/v1/sync/:collection/pull', { onRequest: [auth, requireCollection] }, async (req, reply) => {
    const terminal = terminalOf(req);
    const collection = (req.params as { collection: CollectionName }).collection;
    const query = req.query as Record<string, unknown>;
    const epoch = await ctx.epochs.current();
    const after = parseCheckpoint(query.checkpoint, epoch);
    const limit = parseLimit(query.limit);
    const version = ctx.versions.forRead(collection, ctx.versions.parseHeader(req.headers[HEADER_SCHEMA_VERSION]));
    // Scoping is in the query, so a full page is filled past documents this terminal may not read,
    // and a short one (empty included) moves the checkpoint past those above it (SYNC-PROTOCOL.md,
    // Pull): the next pull, and the RESYNC after every reconnection, starts there instead of
    // rescanning them.
    const page = await ctx.storage.pull(collection, after, limit, readScope(terminal, collection));
    const checkpoint = formatCheckpoint(epoch, Math.max(after, page.scannedToSeq ?? page.lastSeq ?? after));
    ctx.metrics.inc(METRIC.rowsPulled, { collection }, page.bodies.length);
    const documents = await pageDocumentsJson(ctx.storage, ctx.versions, collection, version, page.bodies);
    return reply.type('application/json; charset=utf-8').send(`{"documents":[${documents}],"checkpoint":${JSON.stringify(checkpoint)}}`);
  });

  app.post('/api/v1/sync/:collection/push', { onRequest: [auth, requireCollection], bodyLimit: MAX_PUSH_BYTES }, async (req) => {
    const terminal = terminalOf(req);
    const collection = (req.params as { collection: CollectionName }).collection;
    const body: unknown = req.body;
    if (!Array.isArray(body)) throw new BadRequestError('the body must be a JSON array of {assumedMasterState, newDocumentState} rows');
    // A malformed header is a bad request like a malformed body: the 400 step, before the limits.
    const declared = ctx.versions.parseHeader(req.headers[HEADER_SCHEMA_VERSION]);
    if (body.length > MAX_PUSH_ROWS) throw new TooLargeError(`at most ${MAX_PUSH_ROWS} rows per push, got ${body.length}`);
    const version = ctx.versions.forWrite(collection, declared);
    const rows = validateRows(collection, body, ctx.validators, version);
    checkWritable(terminal, collection, rows);
    await checkAddressing(ctx.storage, terminal, collection, rows);
    await checkOperatorRights(ctx.storage, terminal, collection, rows);
    // Lookups for older terminals happen here, outside the transaction the planner runs in.
    const at = await prepareVersion(ctx.storage, collection, version, rows);
    const upgraded = upgradeRows(collection, rows, at, ctx.validators);
    const { result } = await ctx.storage.push(
      collection,
      upgraded.map((r) => r.id),
      planPush(terminal, collection, upgraded, at),
    );
    ctx.metrics.inc(METRIC.pushes, { collection });
    ctx.metrics.inc(METRIC.rowsPushed, { collection }, upgraded.length);
    if (result.length > 0) ctx.metrics.inc(METRIC.conflicts, { collection }, result.length);
    return { conflicts: result };
  });
}
