import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Validators } from '../collections.js';
import { isCollectionName } from '../collections.js';
import { RateLimitedError, RevokedError, UnauthorizedError, UnknownCollectionError } from '../errors.js';
import type { EpochClock } from '../epoch.js';
import type { Metrics } from '../metrics.js';
import type { FileLimits } from '../file-policy.js';
import type { RateLimiter } from '../rate-limit.js';
import type { StreamHub } from '../stream.js';
import type { AuthTerminal, Storage } from '../storage/types.js';
import type { SchemaVersions } from '../versions.js';
import type { TerminalContacts } from '../terminal-contacts.js';
import { bearerToken, hashToken } from '../tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    terminal?: AuthTerminal;
  }
}

/** What the route modules share; built once per endpoint. */
export interface EndpointContext {
  storage: Storage;
  validators: Validators;
  /** Supported schema versions per collection and what each request speaks. */
  versions: SchemaVersions;
  limiter: RateLimiter;
  hub: StreamHub;
  metrics: Metrics;
  files: FileLimits;
  /** The database's epoch, named by every checkpoint (SYNC-PROTOCOL.md, Epochs). */
  epochs: EpochClock;
  /** Each terminal's last contact, app and schema versions, for HQ's fleet view. */
  contacts: TerminalContacts;
}

/** onRequest hook: the 401 step (and per-token rate limiting right after it). */
export function authenticate(ctx: EndpointContext) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new UnauthorizedError();
    const hash = hashToken(token);
    const terminal = await ctx.storage.terminalByTokenHash(hash);
    if (!terminal) throw (await ctx.storage.tokenRevoked(hash)) ? new RevokedError() : new UnauthorizedError();
    const wait = ctx.limiter.take(terminal.terminalId);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new RateLimitedError(wait);
    }
    req.terminal = terminal;
    ctx.contacts.seen(terminal.terminalId, req);
  };
}

/** onRequest hook after `authenticate`: the 404 step, before any body is read. */
export async function requireCollection(req: FastifyRequest): Promise<void> {
  const { collection } = req.params as { collection?: string };
  if (typeof collection !== 'string' || !isCollectionName(collection)) throw new UnknownCollectionError(String(collection));
}

export function terminalOf(req: FastifyRequest): AuthTerminal {
  if (!req.terminal) throw new UnauthorizedError();
  return req.terminal;
}
