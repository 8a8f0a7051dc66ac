import { join } from 'node:path';
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
}

export const DEFAULT_DATA_DIR = join('.data', 'endpoint');

export async function openStorage(opts: OpenStorageOptions): Promise<Storage> {
  if (opts.databaseUrl) return PostgresStorage.open(opts.databaseUrl, opts.pgSchema, { listen: opts.listen ?? true });
  return new SqliteStorage(opts.dataDir ?? DEFAULT_DATA_DIR);
}
