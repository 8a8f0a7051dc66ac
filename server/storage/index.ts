import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { SqliteStorage } from './sqlite.js';
import { PostgresStorage } from './postgres.js';
import type { Storage } from './types.js';

export type { Storage, StoredDoc, DocWrite, SiteRow, SiteKind, AuthTerminal, ReadScope } from './types.js';

export interface OpenStorageOptions {
  /** SQLite directory (also where blobs go); used when no databaseUrl is given. */
  dataDir?: string;
  /** postgres://… — PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** PostgreSQL schema to create and use (isolates tests); defaults to the connection's current schema. */
  pgSchema?: string;
  /** Listen for other processes' commits (the endpoint does; one-shot admin commands need not). */
  listen?: boolean;
  /** SQLite only: cap the database at this many pages (see SqliteStorage); default \`LARDER_SQLITE_MAX_PAGES\`. */
  sqliteMaxPages?: number;
}

function maxPagesFromEnv(): number | undefined {
  const v = process.env.LARDER_SQLITE_MAX_PAGES;
  if (v === undefined || v === '') return undefined;
  if (!/^\d{1,12}$/.test(v)) throw new ConfigError(`LARDER_SQLITE_MAX_PAGES must be a whole number of pages, not ${JSON.stringify(v)}`);
  return Number(v);
}

export const DEFAULT_DATA_DIR = join('.data', 'endpoint');

export async function openStorage(opts: OpenStorageOptions): Promise<Storage> {
  if (opts.databaseUrl) return PostgresStorage.open(opts.databaseUrl, opts.pgSchema, { listen: opts.listen ?? true });
  return new SqliteStorage(opts.dataDir ?? DEFAULT_DATA_DIR, { maxPages: opts.sqliteMaxPages ?? maxPagesFromEnv() });
}
