import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import { METRIC, type Metrics } from '../metrics.js';
import { storageFault } from '../storage/faults.js';

interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

const REASON_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'timeout',
  413: 'too-large',
  415: 'bad-request',
  429: 'rate-limited',
  503: 'unavailable',
};

function toBody(thrown: FastifyError | Error): { status: number; body: ErrorBody } {
  // A full disk or a damaged database is named for what it is, on either store, not a bare 500.
  const err = thrown instanceof HttpError ? thrown : (storageFault(thrown) ?? thrown);
  if (err instanceof HttpError) {
    const body: ErrorBody = { error: err.reason, message: err.message };
    if (err.details !== undefined) body.details = err.details;
    return { status: err.statusCode, body };
  }
  const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status >= 400 && status < 500) {
    // Fastify's own errors (bad JSON, body limit, …): keep its message, use the protocol's reasons.
    // An unsupported content type is answered as the protocol's 400 ("body is JSON").
    return { status: status === 415 ? 400 : status, body: { error: REASON_BY_STATUS[status] ?? 'bad-request', message: err.message } };
  }
  if (status === 503) return { status, body: { error: 'unavailable', message: 'the endpoint is shutting down' } };
  return { status: 500, body: { error: 'internal', message: 'internal error' } };
}

/** Every answer is JSON, Fastify's own errors and unknown routes included (SYNC-PROTOCOL.md, Errors). */
export function installErrorHandling(
  app: FastifyInstance,
  spa: ((req: FastifyRequest, reply: FastifyReply) => Promise<void>) | null,
  metrics: Metrics,
): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    const { status, body } = toBody(err);
    metrics.inc(METRIC.refusals, { reason: body.error, status: String(status) });
    // Every 5xx is logged with the error that caused it (its code names SQLITE_CORRUPT, ENOSPC, …).
    if (status >= 500) req.log.error({ err, reason: body.error, status }, `request failed: ${body.error}`);
    void reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (spa && (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && path !== '/api') return spa(req, reply);
    metrics.inc(METRIC.refusals, { reason: 'not-found', status: '404' });
    return reply.code(404).send({ error: 'not-found', message: `no route ${req.method} ${path.slice(0, 200)}` });
  });
}
