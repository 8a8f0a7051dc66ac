/**
 * `npm run server -- --data <dir> --port <n> [--host <addr>] [--static <dir>]`
 * (SYNC-PROTOCOL.md, Running the endpoint). Prints `listening <url>` once ready; stops cleanly on
 * SIGTERM/SIGINT: streams ended, answers in flight finished, storage closed, gone within 10 s.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startEndpoint, type RunningEndpoint } from './app.js';
import { DEFAULT_DATA_DIR } from './storage/index.js';
import { superviseEndpoint, underTsxCli } from './supervisor.js';

const SHUTDOWN_DEADLINE_MS = 9000;

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run server -- --data <dir> --port <n> [--host <addr>] [--static <dir>]\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { data?: string; port?: string; host?: string; static?: string };
  try {
    ({ values } = parseArgs({
      options: { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, static: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    usage((err as Error).message);
  }
  const port = Number(values.port ?? process.env.PORT ?? 4455);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port must be 0–65535, not ${values.port}`);

  let endpoint: RunningEndpoint | null = null;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // The deadline is a backstop: a stuck client must not keep the process past the 10 s promise.
    setTimeout(() => {
      process.stderr.write('shutdown deadline reached, exiting\n');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void (async () => {
      try {
        await endpoint?.close();
        process.stdout.write(`stopped (${signal})\n`);
        process.exit(0);
      } catch (err) {
        process.stderr.write(`shutdown failed: ${(err as Error).message}\n`);
        process.exit(1);
      }
    })();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  endpoint = await startEndpoint({
    dataDir: values.data ?? DEFAULT_DATA_DIR,
    port,
    host: values.host,
    staticDir: values.static,
    // JSON lines on stdout, level from LARDER_LOG_LEVEL (README, "Operating the endpoint").
    logger: true,
  });
  if (stopping) {
    await endpoint.close();
    return;
  }
  process.stdout.write(`listening ${endpoint.url}\n`);
}

if (underTsxCli()) {
  superviseEndpoint(fileURLToPath(import.meta.url));
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`endpoint failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
