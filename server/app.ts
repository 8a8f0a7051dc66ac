import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { Validators } from './collections.js';
import { parseRateLimit, RateLimiter, type RateLimit } from './rate-limit.js';
import { StreamHub } from './stream.js';
import { EpochClock, ensureEpoch } from './epoch.js';
import { openStorage, type Storage } from './storage/index.js';
import { capConnections, connectionLimitsFromEnv, connectionServerOptions, type ConnectionLimits } from './http/connection-limits.js';
import { installErrorHandling } from './http/errors.js';
import { installRequestLog, listenText, logLevelFromEnv, loggerOptions } from './http/logging.js';
import { metricsRoutes, metricsTokenFromEnv } from './http/metrics-routes.js';
import { METRIC, Metrics } from './metrics.js';
import { timedStorage } from './storage/timed.js';
import { installCors, metaRoutes } from './http/meta-routes.js';
import { RENDERER_HEADERS, setRendererHeaders } from './http/renderer-headers.js';
import { launcherPairingRoutes, type PairingCodeBook } from './http/launcher-pairing.js';
import { syncRoutes } from './http/sync-routes.js';
import { streamRoutes } from './http/stream-routes.js';
import { filesRoutes } from './http/files-routes.js';
import { adminRoutes } from './http/admin-routes.js';
import { TerminalContacts } from './terminal-contacts.js';
import type { EndpointContext } from './http/context.js';
import { MAX_PUSH_BYTES } from '../shared/protocol/wire.js';
import { upgradeStoredDocuments } from './stored-upgrade.js';
import { FileSweeper, fileLimits, type FileLimits } from './file-policy.js';
import { parseMinSchema, SchemaVersions, type VersionMap } from './versions.js';

export interface BuildAppOptions {
  /** Built renderer to serve under `/`, with index.html as the SPA fallback. */
  staticDir?: string;
  /** SSE comment interval; the protocol needs ≤ 25 s. Default 20 s or `LARDER_KEEPALIVE_MS`. */
  keepaliveMs?: number;
  /** Revocation and cross-process poll interval of the stream. Default 1 s. */
  pollMs?: number;
  /** Per-token limit; `null` disables. Default from `LARDER_RATE_LIMIT` (50/s, burst 200). */
  rateLimit?: RateLimit | null;
  /** JSON lines on stdout at \`LARDER_LOG_LEVEL\` (default info); off unless asked (tests use \`inject\`). */
  logger?: boolean;
  /** A scraper's token for \`GET /api/v1/metrics\`; default \`LARDER_METRICS_TOKEN\`, null: HQ tokens only. */
  metricsToken?: string | null;
  /** Oldest supported schema version per collection; default from `LARDER_MIN_SCHEMA` (else 0 for all). */
  minSchema?: VersionMap;
  /** `npm start` only: one-time codes its browser window exchanges for its pairing. */
  launcherPairing?: PairingCodeBook;
  /** Timeouts and the connection cap; default the protocol's, with \`LARDER_MAX_CONNECTIONS\`. */
  connectionLimits?: Partial<ConnectionLimits>;
  /** Per-site quota, grace period and sweep interval; defaults from `LARDER_FILE_*` (file-policy.ts). */
  files?: Partial<FileLimits>;
}

export interface EndpointApp {
  app: FastifyInstance;
  hub: StreamHub;
  /** Ends the streams, waits for answers in flight; does not close the storage. */
  close(): Promise<void>;
}

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** The Fastify app on an open storage; tests use `app.inject` on it directly. */
export async function buildApp(untimedStorage: Storage, opts: BuildAppOptions = {}): Promise<EndpointApp> {
  const metrics = new Metrics();
  const storage = timedStorage(untimedStorage, metrics);
  const metricsToken = opts.metricsToken === undefined ? metricsTokenFromEnv() : opts.metricsToken;
  const logLevel = opts.logger ? logLevelFromEnv() : null;
  // A wrong LARDER_MIN_SCHEMA stops the start here (ConfigError), before anything is served.
  const versions = new SchemaVersions(opts.minSchema ?? parseMinSchema(process.env.LARDER_MIN_SCHEMA));
  const files = fileLimits(opts.files);
  const validators = new Validators();
  validators.warmUp();
  // Before the hub takes its starting sequence: rewritten documents reach terminals by pull.
  await upgradeStoredDocuments(storage);
  await ensureEpoch(storage);
  const epochs = new EpochClock(storage);
  const hub = new StreamHub(storage, versions, {
    epochs,
    keepaliveMs: opts.keepaliveMs ?? envNumber('LARDER_KEEPALIVE_MS') ?? 20_000,
    pollMs: opts.pollMs ?? envNumber('LARDER_POLL_MS') ?? 1000,
  });
  await hub.start();
  metrics.gauge(METRIC.openStreams, () => hub.size);
  metrics.gauge(METRIC.streamQueuedBytes, () => hub.queuedBytes());
  const sweeper = new FileSweeper(storage, files);
  const ctx: EndpointContext = {
    files,
    storage,
    validators,
    versions,
    hub,
    epochs,
    metrics,
    contacts: new TerminalContacts(storage),
    limiter: new RateLimiter(opts.rateLimit === undefined ? parseRateLimit(process.env.LARDER_RATE_LIMIT) : opts.rateLimit),
  };

  const limits: ConnectionLimits = { ...connectionLimitsFromEnv(), ...opts.connectionLimits };
  const app = Fastify({
    ...(logLevel ? loggerOptions(logLevel) : { logger: false }),
    bodyLimit: MAX_PUSH_BYTES,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...connectionServerOptions(limits),
  });
  capConnections(app.server, limits);
  const staticDir = opts.staticDir ?? process.env.LARDER_STATIC_DIR;
  let spa: ((req: FastifyRequest, reply: FastifyReply) => Promise<void>) | null = null;
  if (staticDir) {
    const root = resolve(staticDir);
    if (!existsSync(root)) throw new Error(`static directory ${root} does not exist`);
    await app.register(fastifyStatic, {
      root,
      // send's default `max-age=0` would override ours; index.html is handled in setHeaders.
      cacheControl: false,
      // index.html names the hashed bundles, so it must be revalidated; the bundles themselves may be cached.
      setHeaders: (res, path) => {
        setRendererHeaders(res);
        if (path.endsWith('index.html')) res.setHeader('cache-control', 'no-cache');
      },
    });
    spa = async (_req, reply) => {
      await reply.headers(RENDERER_HEADERS).header('cache-control', 'no-cache').sendFile('index.html');
    };
  }
  installRequestLog(app, metrics);
  installErrorHandling(app, spa, metrics);
  installCors(app);
  await app.register(metaRoutes, ctx);
  await app.register(syncRoutes, ctx);
  await app.register(streamRoutes, ctx);
  await app.register(filesRoutes, ctx);
  await app.register(adminRoutes, ctx);
  await app.register(metricsRoutes, { ctx, metricsToken });
  if (opts.launcherPairing) await app.register(launcherPairingRoutes, { codes: opts.launcherPairing });
  await app.ready();
  sweeper.start();

  return {
    app,
    hub,
    close: async () => {
      // Streams never finish on their own, so they are ended first; then Fastify waits for answers in flight.
      hub.stop();
      sweeper.stop();
      await app.close();
    },
  };
}

export interface StartEndpointOptions extends BuildAppOptions {
  /** SQLite directory (default ./.data/endpoint); ignored when a database URL is given. */
  dataDir?: string;
  /** postgres://…; defaults to `DATABASE_URL`. */
  databaseUrl?: string;
  /** PostgreSQL schema (created if missing); defaults to `LARDER_PG_SCHEMA` or the connection's own. */
  pgSchema?: string;
  port: number;
  host?: string;
  /** Use this storage instead of opening one (it is then not closed by `close`). */
  storage?: Storage;
}

export interface RunningEndpoint {
  url: string;
  storage: Storage;
  close(): Promise<void>;
}

export async function startEndpoint(opts: StartEndpointOptions): Promise<RunningEndpoint> {
  const ownsStorage = !opts.storage;
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  const storage =
    opts.storage ??
    (await openStorage({
      dataDir: opts.dataDir,
      databaseUrl: databaseUrl || undefined,
      pgSchema: opts.pgSchema ?? process.env.LARDER_PG_SCHEMA,
    }));
  let endpoint: EndpointApp;
  try {
    endpoint = await buildApp(storage, opts);
    const host = opts.host ?? '127.0.0.1';
    await endpoint.app.listen({ port: opts.port, host, listenTextResolver: listenText });
    const address = endpoint.app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${shownHost}:${port}`,
      storage,
      close: () =>
        (closing ??= (async () => {
          await endpoint.close();
          if (ownsStorage) await storage.close();
        })()),
    };
  } catch (err) {
    if (ownsStorage) await storage.close();
    throw err;
  }
}
