import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConfigError, HttpError } from '../errors.js';
import { PROMETHEUS_CONTENT_TYPE } from '../metrics.js';
import { bearerToken } from '../tokens.js';
import { authenticate, terminalOf, type EndpointContext } from './context.js';

/** A metrics token shorter than this is refused at start-up: it would be guessable. */
const MIN_METRICS_TOKEN = 16;

/** `LARDER_METRICS_TOKEN`: a token a scraper holds instead of an HQ terminal's (SYNC-PROTOCOL.md v1.1). */
export function metricsTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const token = env.LARDER_METRICS_TOKEN;
  if (token === undefined || token === '') return null;
  if (token.length < MIN_METRICS_TOKEN || /\s/.test(token))
    throw new ConfigError(`LARDER_METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN} characters without spaces`);
  return token;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** `GET /api/v1/metrics`: HQ terminals or the metrics token; other terminals 403, no or unknown token 401. */
export async function metricsRoutes(app: FastifyInstance, opts: { ctx: EndpointContext; metricsToken: string | null }): Promise<void> {
  const { ctx, metricsToken } = opts;
  const auth = authenticate(ctx);
  const expected = metricsToken === null ? null : digest(metricsToken);

  const allow = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(req.headers.authorization);
    // Compared as digests, so neither the length nor the content leaks through timing.
    if (expected && token !== null && timingSafeEqual(digest(token), expected)) return;
    await auth(req, reply);
    if (terminalOf(req).siteKind !== 'hq') throw new HttpError(403, 'forbidden', 'metrics are for HQ terminals and the metrics token only');
  };

  app.get('/api/v1/metrics', { onRequest: allow }, async (_req, reply) =>
    reply.type(PROMETHEUS_CONTENT_TYPE).header('cache-control', 'no-store').send(ctx.metrics.render()),
  );
}
