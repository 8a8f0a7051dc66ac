// HQ's organisation set-up over the wire (SYNC-PROTOCOL.md v1.2, "Sites and terminals from HQ"):
// what `npm run admin` does on the server's computer, for HQ terminals only; and every
// terminal's status report (v1.1, Terminal status).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {
  FleetAnswer,
  SiteAnswer,
  SiteCreateRequest,
  SiteUpdateRequest,
  TerminalCreated,
  TerminalCreateRequest,
  TerminalStatusReport,
} from '../../shared/protocol/admin.js';
import { addSite, addTerminal, renameTerminal, revokeTerminal, updateSite } from '../admin-ops.js';
import { AdminError, BadRequestError, HttpError } from '../errors.js';
import { contactOf } from '../terminal-contacts.js';
import { authenticate, terminalOf, type EndpointContext } from './context.js';

const BODY_LIMIT = 4096;
/** Counts a terminal reports are at most this (a store's local database holds far fewer). */
const MAX_COUNT = 1_000_000_000;

type Body = Record<string, unknown>;

function bodyOf(req: FastifyRequest): Body {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestError('the body must be a JSON object');
  return body as Body;
}

function text(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new BadRequestError(`${field} must be a string`, { field });
  return value;
}

function count(body: Body, field: string): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_COUNT)
    throw new BadRequestError(`${field} must be a whole number from 0`, { field });
  return value;
}

/** An admin operation's refusal as the protocol's JSON: 400 bad input, 404 unknown, 409 taken. */
async function answering<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    if (!(err instanceof AdminError)) throw err;
    const details = err.field === undefined ? undefined : { field: err.field };
    if (err.kind === 'unknown') throw new HttpError(404, 'not-found', err.message, details);
    if (err.kind === 'exists') throw new HttpError(409, 'exists', err.message, details);
    throw new BadRequestError(err.message, details);
  }
}

export async function adminRoutes(app: FastifyInstance, ctx: EndpointContext): Promise<void> {
  const auth = authenticate(ctx);
  const hqOnly = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await auth(req, reply);
    if (terminalOf(req).siteKind !== 'hq') throw new HttpError(403, 'forbidden', 'sites and terminals are managed from HQ terminals only');
  };
  const hq = { onRequest: hqOnly, bodyLimit: BODY_LIMIT };

  app.put('/api/v1/terminal-status', { onRequest: auth, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const body = bodyOf(req);
    const report: TerminalStatusReport = { pending: count(body, 'pending'), refused: count(body, 'refused') };
    const { terminalId } = terminalOf(req);
    // Written here too, not only by the throttled contact: the fleet view must show this report's versions at once.
    await ctx.storage.recordTerminalContact(terminalId, contactOf(req));
    await ctx.storage.recordTerminalStatus(terminalId, report, new Date());
    return reply.code(204).send();
  });

  app.get('/api/v1/terminals', { onRequest: hqOnly }, async (_req, reply): Promise<FleetAnswer> => {
    void reply.header('cache-control', 'no-store');
    return { terminals: await ctx.storage.listTerminals() };
  });

  app.post('/api/v1/terminals', hq, async (req, reply) => {
    const body = bodyOf(req);
    const request: TerminalCreateRequest = { siteId: text(body, 'siteId'), name: text(body, 'name') };
    const issued = await answering(() => addTerminal(ctx.storage, request));
    // The token is stored only as a hash: this answer is the one time it exists in the clear.
    const answer: TerminalCreated = {
      terminalId: issued.terminalId,
      siteId: request.siteId,
      name: request.name.trim(),
      token: issued.token,
    };
    return reply.code(201).header('cache-control', 'no-store').send(answer);
  });

  app.put<{ Params: { id: string } }>('/api/v1/terminals/:id', hq, async (req) => {
    const name = text(bodyOf(req), 'name');
    await answering(() => renameTerminal(ctx.storage, req.params.id, name));
    return { terminalId: req.params.id, name: name.trim() };
  });

  app.post<{ Params: { id: string } }>('/api/v1/terminals/:id/revoke', { onRequest: hqOnly }, async (req) => {
    // An HQ that revoked its own terminal could no longer manage anything from it.
    if (req.params.id === terminalOf(req).terminalId)
      throw new BadRequestError('a terminal cannot revoke itself; revoke it from another HQ terminal', { field: 'terminalId' });
    await answering(() => revokeTerminal(ctx.storage, req.params.id));
    return { terminalId: req.params.id, revoked: true };
  });

  app.post('/api/v1/sites', hq, async (req, reply) => {
    const body = bodyOf(req);
    const request: SiteCreateRequest = {
      id: text(body, 'id'),
      name: text(body, 'name'),
      kind: text(body, 'kind') as SiteCreateRequest['kind'],
      timeZone: text(body, 'timeZone'),
    };
    const site = await answering(() => addSite(ctx.storage, request));
    const answer: SiteAnswer = { ...site, timeZone: request.timeZone };
    return reply.code(201).send(answer);
  });

  app.put<{ Params: { id: string } }>('/api/v1/sites/:id', hq, async (req): Promise<SiteAnswer> => {
    const body = bodyOf(req);
    const change: SiteUpdateRequest = { name: text(body, 'name'), timeZone: text(body, 'timeZone') };
    return answering(() => updateSite(ctx.storage, req.params.id, change));
  });
}
