import { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { HEADER_APP_VERSION } from '../../shared/protocol/wire.js';
import { ConfigError } from '../errors.js';
import { METRIC, type Metrics } from '../metrics.js';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** `LARDER_LOG_LEVEL` (default `info`: one line per request, errors with their stack). */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const v = (env.LARDER_LOG_LEVEL ?? '').trim().toLowerCase();
  if (v === '') return 'info';
  if (!(LEVELS as readonly string[]).includes(v))
    throw new ConfigError(`LARDER_LOG_LEVEL must be one of ${LEVELS.join(', ')}, not ${JSON.stringify(env.LARDER_LOG_LEVEL)}`);
  return v as LogLevel;
}

/** Query parameters whose value is a secret whatever the route (a token pasted into a URL, a PIN). */
const SECRET_PARAM = /token|pin|secret|password|auth|key/i;
/** Tokens the admin command issues, and any bearer credential, wherever they appear in text. */
const SECRET_TEXT = [/\blt_[A-Za-z0-9_-]{8,}/g, /\b(Bearer\s+)\S+/gi];

/** Text with every token-looking part replaced, for URLs and error messages that reach the log. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const re of SECRET_TEXT) out = out.replace(re, (_m, prefix?: string) => `${typeof prefix === 'string' ? prefix : ''}[redacted]`);
  return out;
}

/** The request URL as logged: secret query values redacted, long URLs cut. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  let out = url;
  if (q >= 0) {
    const params = url
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const name = eq < 0 ? pair : pair.slice(0, eq);
        return eq >= 0 && SECRET_PARAM.test(decodeURIComponentSafe(name)) ? `${name}=[redacted]` : pair;
      });
    out = `${url.slice(0, q)}?${params.join('&')}`;
  }
  return scrubSecrets(out).slice(0, 300);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { type: typeof err, message: scrubSecrets(String(err)), stack: '' };
  const code = (err as { code?: unknown }).code;
  const out: SerializedError = { type: err.name, message: scrubSecrets(err.message), stack: scrubSecrets(err.stack ?? '') };
  if (typeof code === 'string') out.code = code;
  // A storage fault (507, 503) carries the store's own error: its code is what the operator needs.
  const fault = (err as { fault?: unknown }).fault;
  if (fault instanceof Error && fault !== err) out.fault = serializeError(fault);
  return out;
}

/**
 * Fastify's own logger (pino), writing JSON lines to stdout. Headers and bodies are never logged
 * (the serializers below are the only way a request reaches a line), and the redact paths catch
 * a token or PIN put in a log call by mistake.
 */
export function loggerOptions(level: LogLevel): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return {
    logger: {
      level,
      base: { service: 'larder-endpoint', pid: process.pid },
      // Readable by a person tailing the log as well as by a collector.
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label: string) => ({ level: label }) },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          'authorization',
          'token',
          '*.token',
          'pin',
          '*.pin',
          'body',
          '*.body',
        ],
        censor: '[redacted]',
      },
      serializers: {
        err: serializeError,
        // Fastify's defaults would print headers (Authorization among them); nothing of ours logs
        // `req` or `res`, but its own lines (a 503 while closing) might.
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: loggableUrl(req.url ?? '') }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
    // One line per request, ours (below), instead of Fastify's "incoming" and "completed" pair.
    logController: new LogController({ disableRequestLogging: true }),
  };
}

/** What Fastify logs once listening; "listening <url>" on stdout is the ready line tests and operators wait for. */
export const listenText = (address: string): string => `endpoint serving at ${address}`;

/**
 * One JSON line per request (request id, terminal, site, route, status, duration: SYNC-PROTOCOL.md,
 * "Terminal status and metrics") and the request counters, in one onResponse hook so both see
 * every answer, Fastify's own errors and unknown routes included.
 */
export function installRequestLog(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const seconds = reply.elapsedTime / 1000;
    metrics.inc(METRIC.requests, { method: req.method, route, status: String(status) });
    metrics.inc(METRIC.requestSeconds, { method: req.method, route }, seconds);
    const appVersion = req.headers[HEADER_APP_VERSION];
    const line = {
      method: req.method,
      route,
      url: loggableUrl(req.url),
      status,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      terminal: req.terminal?.terminalId ?? null,
      site: req.terminal?.siteId ?? null,
      app: typeof appVersion === 'string' ? appVersion.slice(0, 40) : null,
    };
    if (status >= 500) req.log.error(line, 'request');
    else req.log.info(line, 'request');
  });
}
