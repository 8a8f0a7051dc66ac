import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HEADER_SCHEMA_VERSIONS } from '../../shared/protocol/wire.js';
import type { VersionMap } from '../versions.js';
import { authenticate, terminalOf, type EndpointContext } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    streamVersions?: VersionMap;
  }
}

/** `GET /api/v1/sync/stream`: Server-Sent Events for every collection the terminal reads. */
export async function streamRoutes(app: FastifyInstance, ctx: EndpointContext): Promise<void> {
  const auth = authenticate(ctx);
  // Checked before the response is hijacked, so a refused stream gets a JSON error like any request.
  const negotiate = async (req: FastifyRequest): Promise<void> => {
    req.streamVersions = ctx.versions.forStream(req.headers[HEADER_SCHEMA_VERSIONS]);
  };

  app.get('/api/v1/sync/stream', { onRequest: auth, preHandler: negotiate }, (req: FastifyRequest, reply: FastifyReply) => {
    const terminal = terminalOf(req);
    const versions = req.streamVersions ?? ctx.versions.forStream(undefined);
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
      versions,
      // The response's own buffer and its socket's: what the operating system has not taken yet.
      queuedBytes: () => raw.writableLength,
      write: (chunk) => {
        if (!raw.destroyed) raw.write(chunk);
      },
      close: (how) => {
        // A reader that fell behind is not sent what it has not read: its socket and queue go now.
        if (how === 'slow') {
          raw.destroy();
          return;
        }
        raw.end();
        // A client that never reads must not keep the socket (and shutdown) waiting.
        setTimeout(() => raw.destroy(), 1000).unref();
      },
    });
    req.raw.socket.on('close', remove);
    raw.on('close', remove);
  });
}
