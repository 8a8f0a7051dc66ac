// `admin backup` and `admin restore` for the SQLite file (SYNC-PROTOCOL.md, Running the endpoint).
// A plain file copy of a live WAL database can be torn (half a transaction in the main file, the
// rest in the WAL); VACUUM INTO writes the database as one read transaction sees it, so the copy is
// consistent while the endpoint goes on serving, and it never blocks the endpoint's writers.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, chmodSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AdminError } from '../errors.js';
import { newEpochId } from '../epoch.js';

export const SQLITE_FILE = 'larder.sqlite';

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function metaValue(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Opens a file that must be a Larder database, or says in words what it is not. */
function openLarderFile(path: string, what: string): Database.Database {
  if (!existsSync(path)) throw new AdminError(`${what} ${path} does not exist`);
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    if (metaValue(db, 'orgId') === null) throw new Error('no organisation in it');
  } catch (err) {
    throw new AdminError(`${what} ${path} is not a Larder database: ${(err as Error).message}`);
  }
  return db;
}

/** A consistent copy of the live database in `out`; returns the epoch the copy belongs to. */
export function backupSqlite(dataDir: string, out: string): { file: string; epoch: string } {
  const file = resolve(out);
  if (existsSync(file)) throw new AdminError(`${file} exists already; a backup never overwrites a file`);
  const db = openLarderFile(join(dataDir, SQLITE_FILE), 'the database');
  // Written beside the target and renamed, so a crash never leaves a half backup under its name.
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new AdminError(`backup failed: ${(err as Error).message}`);
  } finally {
    db.close();
  }
  chmodSync(partial, 0o600);
  fsyncPath(partial);
  renameSync(partial, file);
  fsyncPath(dirname(file));
  const copy = new Database(file, { readonly: true });
  try {
    const epoch = metaValue(copy, 'epoch');
    // A database the endpoint never started on has no epoch yet; the restore gives it one anyway.
    return { file, epoch: epoch ?? 'none' };
  } finally {
    copy.close();
  }
}

/**
 * Replaces the database in `dataDir` with the backup and gives it a new epoch, so every terminal
 * pulls again from the start and pushes back what the backup missed. The endpoint must be stopped.
 */
export function restoreSqlite(dataDir: string, from: string): { epoch: string } {
  const source = openLarderFile(resolve(from), 'the backup');
  const target = join(dataDir, SQLITE_FILE);
  try {
    const check = source.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AdminError(`the backup ${from} is damaged: ${String(check)}`);
    if (existsSync(target)) {
      const current = new Database(target, { fileMustExist: true });
      try {
        const org = metaValue(current, 'orgId');
        if (org !== null && org !== metaValue(source, 'orgId'))
          throw new AdminError(`the backup ${from} is of another organisation than the database in ${dataDir}`);
      } finally {
        current.close();
      }
    }
    const restoring = `${target}.restoring`;
    rmSync(restoring, { force: true });
    source.prepare('VACUUM INTO ?').run(restoring);
    const epoch = newEpochId();
    const copy = new Database(restoring);
    try {
      copy
        .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run('epoch', epoch);
    } finally {
      copy.close();
    }
    chmodSync(restoring, 0o600);
    fsyncPath(restoring);
    // The old database's WAL must not be replayed onto the restored file.
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    renameSync(restoring, target);
    fsyncPath(dataDir);
    return { epoch };
  } finally {
    source.close();
  }
}
