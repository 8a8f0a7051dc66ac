import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { readBySiteCollections } from '../collections.js';
import { BadRequestError, HashMismatchError, NotFoundError } from '../errors.js';
import { allowedContentType, servedInline } from '../file-policy.js';
import { authenticate, terminalOf, type EndpointContext } from './context.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

function parseHash(params: unknown): string {
  const { sha256 } = params as { sha256?: string };
  if (typeof sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(sha256)) throw new BadRequestError('the path must end in a hex sha-256');
  return sha256.toLowerCase();
}

/** Content-addressed blobs beside sync (SYNC-PROTOCOL.md, Files). */
export async function filesRoutes(app: FastifyInstance, ctx: EndpointContext): Promise<void> {
  // Blobs are bytes whatever their type (a JSON file included), so this context parses nothing.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const auth = authenticate(ctx);

  app.put('/api/v1/files/:sha256', { onRequest: auth, bodyLimit: MAX_FILE_BYTES }, async (req) => {
    const terminal = terminalOf(req);
    const hash = parseHash(req.params);
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== hash) throw new HashMismatchError(hash, actual);
    const contentType = allowedContentType(req.headers['content-type']);
    await ctx.storage.putFile({ hash, contentType, size: bytes.length }, bytes, terminal.siteId, ctx.files.quotaBytes);
    return { hash, size: bytes.length };
  });

  app.get('/api/v1/files/:sha256', { onRequest: auth }, async (req, reply) => {
    const terminal = terminalOf(req);
    const hash = parseHash(req.params);
    const file = await ctx.storage.getFile(hash);
    if (!file) throw new NotFoundError('no such file');
    // Decided from the file index (SYNC-PROTOCOL.md v1.1, Files), never by scanning documents.
    const allowed =
      terminal.siteKind === 'hq' ||
      file.siteIds.includes(terminal.siteId) ||
      (await ctx.storage.fileGrantedByDocument(hash, terminal.siteId, readBySiteCollections));
    // Same answer as a missing file, so a terminal cannot probe which hashes exist.
    if (!allowed) throw new NotFoundError('no such file');
    const bytes = await ctx.storage.readFileBytes(hash);
    if (!bytes) throw new NotFoundError('no such file');
    // Rows stored before the allowlist may hold any type: they are held to it when served.
    const type = allowedContentType(file.contentType);
    reply
      .type(type)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=31536000, immutable');
    if (!servedInline(type)) reply.header('content-disposition', `attachment; filename="${hash}"`);
    return reply.send(bytes);
  });
}
