/**
 * The admin commands of SYNC-PROTOCOL.md "Running the endpoint":
 *   site add --id <id> --kind hq|kitchen|store --name <name> [--zone <IANA zone>] [--data <dir>]
 *   terminal add --site <id> --name <name> [--data <dir>] [--json]
 *   terminal revoke --id <terminalId> [--data <dir>]
 *   backup --out <file> [--data <dir>]        (SQLite; online, consistent)
 *   restore --from <file> [--data <dir>]      (SQLite; endpoint stopped; new epoch)
 *   epoch new [--data <dir>]                  (after a PostgreSQL pg_restore)
 * With DATABASE_URL set they work on PostgreSQL instead of the SQLite file in --data.
 */
import { parseArgs } from 'node:util';
import { addSite, addTerminal, revokeTerminal } from './admin-ops.js';
import { startNewEpoch } from './epoch.js';
import { AdminError } from './errors.js';
import { DEFAULT_DATA_DIR, openStorage, type Storage } from './storage/index.js';
import { backupSqlite, restoreSqlite } from './storage/sqlite-backup.js';

const USAGE = `usage:
  npm run admin -- site add --id <id> --kind hq|kitchen|store --name <name> [--zone <IANA zone>] [--data <dir>]
  npm run admin -- terminal add --site <id> --name <name> [--data <dir>] [--json]
  npm run admin -- terminal revoke --id <terminalId> [--data <dir>]
  npm run admin -- backup --out <file> [--data <dir>]
  npm run admin -- restore --from <file> [--data <dir>]
  npm run admin -- epoch new [--data <dir>]`;

interface Options {
  id?: string;
  kind?: string;
  name?: string;
  site?: string;
  data?: string;
  json?: boolean;
  out?: string;
  from?: string;
  zone?: string;
}

function required(opts: Options, key: keyof Options): string {
  const v = opts[key];
  if (typeof v !== 'string' || v === '') throw new AdminError(`--${key} is required\n${USAGE}`);
  return v;
}

async function run(storage: Storage, command: string, opts: Options): Promise<string> {
  switch (command) {
    case 'site add': {
      const site = await addSite(storage, {
        id: required(opts, 'id'),
        kind: required(opts, 'kind'),
        name: required(opts, 'name'),
        ...(opts.zone === undefined ? {} : { timeZone: opts.zone }),
      });
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
    case 'epoch new':
      return `epoch ${await startNewEpoch(storage)}`;
    default:
      throw new AdminError(`unknown command ${JSON.stringify(command)}\n${USAGE}`);
  }
}

/**
 * Backup and restore work on the SQLite file itself, never through an open storage: a restore
 * must not hold the database it replaces. PostgreSQL has its own tools for both.
 */
function fileCommand(command: 'backup' | 'restore', dataDir: string, opts: Options, databaseUrl: string | undefined): number {
  if (databaseUrl) {
    process.stderr.write(
      command === 'backup'
        ? 'with DATABASE_URL set, back up PostgreSQL with pg_dump (e.g. pg_dump -Fc -f larder.dump "$DATABASE_URL")\n'
        : 'with DATABASE_URL set, restore PostgreSQL with pg_restore, then run: npm run admin -- epoch new\n',
    );
    return 2;
  }
  try {
    if (command === 'backup') {
      const { file, epoch } = backupSqlite(dataDir, required(opts, 'out'));
      process.stdout.write(`backup ${file}\nepoch ${epoch}\n`);
    } else {
      const { epoch } = restoreSqlite(dataDir, required(opts, 'from'));
      process.stdout.write(`restored ${required(opts, 'from')} into ${dataDir}\nepoch ${epoch}\n`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof AdminError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
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
        out: { type: 'string' },
        from: { type: 'string' },
        zone: { type: 'string' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const command = parsed.positionals.join(' ');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = parsed.values.data ?? DEFAULT_DATA_DIR;
  if (command === 'backup' || command === 'restore') return fileCommand(command, dataDir, parsed.values, databaseUrl);
  const storage = await openStorage({
    dataDir,
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
