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

export class SchemaMismatchError extends HttpError {
  constructor(terminal: number | string, server: number) {
    super(
      409,
      'schema-mismatch',
      typeof terminal === 'number' && terminal > server
        ? `this terminal's schema (version ${terminal}) is newer than the server's (version ${server}): update the server`
        : `this terminal's schema (version ${String(terminal)}) differs from the server's (version ${server}): update the terminal`,
      { terminal, server },
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

/** Thrown by the admin operations; the CLI prints the message and exits non-zero. */
export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

/** A storage-level invariant broke (e.g. a corrupt row); answered as 500. */
export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}
