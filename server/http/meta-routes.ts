import type { FastifyInstance } from 'fastify';
import { HEADER_APP_VERSION, HEADER_SCHEMA_VERSION, HEADER_SCHEMA_VERSIONS } from '../../shared/protocol/wire.js';
import { authenticate, terminalOf, type EndpointContext } from './context.js';

export const PROTOCOL_VERSION = 1;

export async function metaRoutes(app: FastifyInstance, ctx: EndpointContext): Promise<void> {
  const auth = authenticate(ctx);

  app.get('/api/v1/health', async () => ({
    ok: true,
    protocol: PROTOCOL_VERSION,
    storage: ctx.storage.kind,
    epoch: await ctx.epochs.current(),
  }));

  app.get('/api/v1/whoami', { onRequest: auth }, async (req) => {
    const t = terminalOf(req);
    return {
      terminalId: t.terminalId,
      siteId: t.siteId,
      siteKind: t.siteKind,
      orgId: await ctx.storage.orgId(),
      epoch: await ctx.epochs.current(),
    };
  });

  // Built once: the supported versions are fixed for the life of the process.
  const schemas = ctx.versions.schemasAnswer();
  app.get('/api/v1/schemas', { onRequest: auth }, async () => schemas);
}

/**
 * The Electron renderer (origin app://larder) calls the endpoint cross-origin with bearer tokens
 * and no cookies, so a wildcard origin is safe and simplest. Installed on the root instance (not
 * registered as a plugin) so the hook covers every route, 404s included.
 */
export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'retry-after, content-type');
  });
  app.options('/*', async (_req, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, PUT, OPTIONS')
      .header(
        'access-control-allow-headers',
        `authorization, content-type, ${HEADER_SCHEMA_VERSION}, ${HEADER_SCHEMA_VERSIONS}, ${HEADER_APP_VERSION}`,
      )
      .header('access-control-max-age', '600')
      .send(),
  );
}
