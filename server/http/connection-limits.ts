import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyHttpOptions } from 'fastify';
import { ConfigError } from '../errors.js';

/**
 * How long a client may take and how many may be connected (SYNC-PROTOCOL.md v1.1, "Terminal
 * status and metrics": headers within 30 s, body within 60 s, idle keep-alive 75 s, connections
 * beyond the cap refused at accept). All were 0 (no limit) before: a client dripping a body a
 * byte at a time, or sending no headers at all, held a socket for minutes without a token.
 */
export interface ConnectionLimits {
  /** The request line and headers must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /**
   * A socket with no traffic either way is closed after this. The live stream writes a comment
   * at least every 25 s, so only a stalled stream (its client no longer reads) or a stuck
   * request reaches it; 120 s leaves room for a slow pull on a busy database.
   */
  idleTimeoutMs: number;
  /**
   * Open sockets at most; more are dropped at accept. 900 stays under the usual 1024 open-file
   * limit, leaving descriptors for the database, its WAL and the logs; a small chain's terminals
   * hold a few each (pull, push, up to 4 streams).
   */
  maxConnections: number;
  /**
   * How often Node checks the header and request timeouts (it does not time each socket). Its
   * default, 30 s, would let a dripping body live up to 90 s; 5 s keeps that near the limit.
   */
  checkIntervalMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: Readonly<ConnectionLimits> = {
  headersTimeoutMs: 30_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 75_000,
  idleTimeoutMs: 120_000,
  maxConnections: 900,
  checkIntervalMs: 5_000,
};

/** The limits with `LARDER_MAX_CONNECTIONS` applied (an operator behind a bigger file limit raises it). */
export function connectionLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectionLimits {
  const limits = { ...DEFAULT_CONNECTION_LIMITS };
  const cap = env.LARDER_MAX_CONNECTIONS;
  if (cap !== undefined && cap !== '') {
    if (!/^\d{1,6}$/.test(cap) || Number(cap) < 1)
      throw new ConfigError(`LARDER_MAX_CONNECTIONS must be a whole number of connections, at least 1, not ${JSON.stringify(cap)}`);
    limits.maxConnections = Number(cap);
  }
  return limits;
}

/** A timed-out or malformed request, answered in the protocol's error shape before the socket closes. */
function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const status = timeout
    ? '408 Request Timeout'
    : err.code === 'HPE_HEADER_OVERFLOW'
      ? '431 Request Header Fields Too Large'
      : '400 Bad Request';
  const body = JSON.stringify(
    timeout
      ? { error: 'timeout', message: 'the request did not arrive in time (headers within 30 s, body within 60 s); send it again' }
      : { error: 'bad-request', message: 'the request is not valid HTTP' },
  );
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy();
}

/** Fastify's options for these limits; Node's own (headers timeout, check interval) go through `http`. */
export function connectionServerOptions(limits: ConnectionLimits): FastifyHttpOptions<Server> {
  return {
    connectionTimeout: limits.idleTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    clientErrorHandler: answerClientError,
  };
}

/** The cap on open sockets, on the server Fastify created (it has no option of its own for it). */
export function capConnections(server: Server, limits: ConnectionLimits): void {
  server.maxConnections = limits.maxConnections;
}
