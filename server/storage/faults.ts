import { DatabaseCorruptError, DiskFullError, type HttpError } from '../errors.js';

/** better-sqlite3's `SqliteError.code`, Node's `errno` codes and PostgreSQL's SQLSTATE. */
const DISK_FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', '53100']);
const CORRUPT = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'XX001', 'XX002']);

function codeOf(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/**
 * The answer a storage failure deserves, when it is one an operator must hear about by name: a
 * full disk (507 `disk-full`) or a damaged database (503 `database-corrupt`). Anything else is
 * left to the generic 500. The codes of both stores are mapped alike, so terminals see one answer.
 */
export function storageFault(err: unknown): HttpError | null {
  const code = codeOf(err);
  if (code === null) return null;
  if (DISK_FULL.has(code)) return new DiskFullError(err);
  if (CORRUPT.has(code) || code.startsWith('SQLITE_CORRUPT')) return new DatabaseCorruptError(err);
  return null;
}
