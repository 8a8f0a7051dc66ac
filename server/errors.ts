import type { SchemaMismatchDetails, UpgradeRequiredDetails } from '../shared/protocol/wire.js';

/**
 * Every error the endpoint answers with is one of these, so the error handler can turn it into
 * the protocol's `{"error","message","details"?}` body without guessing (SYNC-PROTOCOL.md, Errors).
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'missing, unknown or revoked token') {
    super(401, 'unauthorized', message);
  }
}

/**
 * 401 for a token HQ revoked (SYNC-PROTOCOL.md v1.2): only its holder can present it, and that
 * terminal's user needs to hear that HQ took it out of service, not that it is unknown.
 */
export class RevokedError extends HttpError {
  constructor() {
    super(401, 'revoked', 'this terminal was revoked at HQ: it no longer syncs; ask HQ for a new pairing');
  }
}

export class UnknownCollectionError extends HttpError {
  constructor(collection: string) {
    super(404, 'unknown-collection', `no collection named ${JSON.stringify(collection.slice(0, 100))}`);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'not found') {
    super(404, 'not-found', message);
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, details?: unknown) {
    super(400, 'bad-request', message, details);
  }
}

export class TooLargeError extends HttpError {
  constructor(message: string) {
    super(413, 'too-large', message);
  }
}

/** 409: a push from a terminal whose schema is newer than the server's (SYNC-PROTOCOL.md, Schema evolution). */
export class SchemaMismatchError extends HttpError {
  constructor(collection: string, terminal: number, server: number) {
    const details: SchemaMismatchDetails = { terminal, server };
    super(
      409,
      'schema-mismatch',
      `this terminal writes ${collection} in version ${terminal}, newer than this endpoint knows (version ${server}): update the endpoint`,
      details,
    );
  }
}

/** 409: a terminal older than the minimum the operator still supports (LARDER_MIN_SCHEMA). */
export class UpgradeRequiredError extends HttpError {
  constructor(collection: string, terminal: number, minimum: number) {
    const details: UpgradeRequiredDetails = { terminal, minimum };
    super(
      409,
      'upgrade-required',
      `this copy of Larder is too old for this endpoint (${collection}: version ${terminal}, at least version ${minimum} is required): ` +
        'update the Larder app on this terminal, then sync again',
      details,
    );
  }
}

export interface RowProblem {
  index: number;
  id: string | null;
  message: string;
}

export class InvalidDocumentError extends HttpError {
  constructor(readonly problems: RowProblem[]) {
    super(422, 'invalid-document', `${problems.length} row(s) invalid; nothing was stored`, problems);
  }
}

export class HashMismatchError extends HttpError {
  constructor(expected: string, actual: string) {
    super(422, 'hash-mismatch', `body hashes to ${actual}, not ${expected}`);
  }
}

export class ForbiddenError extends HttpError {
  constructor(readonly problems: RowProblem[]) {
    super(403, 'forbidden', `${problems.length} row(s) not writable by this terminal; nothing was stored`, problems);
  }
}

export class RateLimitedError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate-limited', `too many requests; retry after ${retryAfterSeconds} s`);
  }
}

/**
 * Thrown by the admin operations; the CLI prints the message and exits non-zero, the HQ routes
 * answer 400 (404 for an unknown site or terminal, 409 for a site id taken) naming `field`.
 */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly kind: 'invalid' | 'unknown' | 'exists' = 'invalid',
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

/** The endpoint's configuration (an environment variable) is wrong; start-up stops with its message. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A storage-level invariant broke (e.g. a corrupt row); answered as 500. */
export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}

/** 507: the disk (or the database's size cap) is full; nothing of the request was kept (SYNC-PROTOCOL.md, Terminal status and metrics). */
export class DiskFullError extends HttpError {
  constructor(readonly fault: unknown) {
    super(
      507,
      'disk-full',
      'the endpoint has no room left to store this; nothing of it was kept. Retry later; the operator must free disk space',
    );
  }
}

/**
 * 503: the database file is damaged (a corrupted page). Not the client's fault and not fixable
 * by retrying at once, but the operator can restore a backup, so the terminal keeps its queue and
 * backs off as on any 5xx.
 */
export class DatabaseCorruptError extends HttpError {
  constructor(readonly fault: unknown) {
    super(
      503,
      'database-corrupt',
      'the endpoint database is damaged and cannot be read; nothing was changed. The operator must restore it from a backup (npm run admin -- restore)',
    );
  }
}

/** 507: the site's files would pass its storage quota (SYNC-PROTOCOL.md v1.1, Files). */
export class QuotaError extends HttpError {
  constructor(siteId: string, usedBytes: number, quotaBytes: number) {
    super(507, 'quota', `site ${siteId} holds ${usedBytes} bytes of files; this one would pass its quota of ${quotaBytes} bytes`, {
      used: usedBytes,
      quota: quotaBytes,
    });
  }
}

/** 409: a pull whose checkpoint was given before a restore (SYNC-PROTOCOL.md, Epochs). */
export class EpochChangedError extends HttpError {
  constructor(epoch: string) {
    super(
      409,
      'epoch-changed',
      'the endpoint was restored from a backup since this checkpoint was given: pull from the start and push again what this terminal holds',
      { epoch },
    );
  }
}
