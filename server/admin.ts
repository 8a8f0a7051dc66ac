/**
 * The admin commands of SYNC-PROTOCOL.md "Running the endpoint":
 *   site add --id <id> --kind hq|kitchen|store --name <name> [--data <dir>]
 *   terminal add --site <id> --name <name> [--data <dir>] [--json]
 *   terminal revoke --id <terminalId> [--data <dir>]
 * With DATABASE_URL set they work on PostgreSQL instead of the SQLite file in --data.
 */
import { parseArgs } from 'node:util';
import { addSite, addTerminal, revokeTerminal } from './admin-ops.js';
import { AdminError } from './errors.js';
import { DEFAULT_DATA_DIR, openStorage, type Storage } from './storage/index.js';

const USAGE = `usage:
  npm run admin -- site add --id <id> --kind hq|kitchen|store --name <name> [--data <dir>]
  npm run admin -- terminal add --site <id> --name <name> [--data <dir>] [--json]
  npm run admin -- terminal revoke --id <terminalId> [--data <dir>]`;

interface Options {
  id?: string;
  kind?: string;
  name?: string;
  site?: string;
  data?: string;
  json?: boolean;
}

function required(opts: Options, key: keyof Options): string {
  const v = opts[key];
  if (typeof v !== 'string' || v === '') throw new AdminError(`--${key} is required\n${USAGE}`);
  return v;
}

async function run(storage: Storage, command: string, opts: Options): Promise<string> {
  switch (command) {
    case 'site add': {
      const site = await addSite(storage, { id: required(opts, 'id'), kind: required(opts, 'kind'), name: required(opts, 'name') });
      return `site ${site.id} (${site.kind}) added`;
    }
    case 'terminal add': {
      const t = await addTerminal(storage, { siteId: required(opts, 'site'), name: required(opts, 'name') });
      // Shown once: only the hash is stored.
      return opts.json
        ? `terminal ${t.terminalId} added to site ${required(opts, 'site')}\n${JSON.stringify(t)}`
        : `terminal ${t.terminalId} added to site ${required(opts, 'site')}\ntoken (shown once): ${t.token}`;
    }
    case 'terminal revoke':
      await revokeTerminal(storage, required(opts, 'id'));
      return `terminal ${required(opts, 'id')} revoked`;
    default:
      throw new AdminError(`unknown command ${JSON.stringify(command)}\n${USAGE}`);
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        id: { type: 'string' },
        kind: { type: 'string' },
        name: { type: 'string' },
        site: { type: 'string' },
        data: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const command = parsed.positionals.join(' ');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const storage = await openStorage({
    dataDir: parsed.values.data ?? DEFAULT_DATA_DIR,
    databaseUrl,
    pgSchema: process.env.LARDER_PG_SCHEMA,
    listen: false,
  });
  try {
    process.stdout.write(`${await run(storage, command, parsed.values)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof AdminError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`admin failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
