// The wire contract of SYNC-PROTOCOL.md (v1.1) as code: header names, limits and the JSON shapes
// of requests and answers. The endpoint (server/) and the terminal's sync client (renderer/db/)
// both import these, so the two sides cannot drift apart.
import type { CollectionName } from '../schemas';

/** A JSON value as it crosses the wire. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const API_PREFIX = '/api/v1';

/** Request headers. */
export const HEADER_SCHEMA_VERSION = 'x-schema-version';
/** The stream's versions, one per collection: `documents=1,movements=0`. */
export const HEADER_SCHEMA_VERSIONS = 'x-schema-versions';
export const HEADER_APP_VERSION = 'x-larder-app';

/** Push: rows and body per request (more: 413). */
export const MAX_PUSH_ROWS = 500;
export const MAX_PUSH_BYTES = 5 * 1024 * 1024;
/** Pull page size. */
export const DEFAULT_PULL_LIMIT = 200;
export const MAX_PULL_LIMIT = 1000;

/** Limits on values (v1.1): ids and references, nesting of free-form values, a document's size. */
export const ID_PATTERN = /^[\x21-\x7E]{1,64}$/;
export const MAX_NESTING_DEPTH = 16;
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/** Push body: one row per document. A missing `assumedMasterState` means null. */
export interface PushRow<T = JsonObject> {
  assumedMasterState?: T | null;
  newDocumentState: T;
}
export interface PushAnswer<T = JsonObject> {
  conflicts: T[];
}
export interface PullAnswer<T = JsonObject> {
  documents: T[];
  checkpoint: string;
}
/** One `event: change` of the live stream. */
export interface StreamChange<T = JsonObject> {
  collection: CollectionName;
  documents: T[];
  checkpoint: string;
}

export interface WhoAmI {
  terminalId: string;
  siteId: string;
  siteKind: 'hq' | 'kitchen' | 'store';
  orgId: string;
  epoch?: string;
}

/** The machine-readable reasons of error answers (SYNC-PROTOCOL.md, Errors and limits). */
export type ErrorReason =
  | 'unauthorized'
  | 'forbidden'
  | 'unknown-collection'
  | 'not-found'
  | 'bad-request'
  | 'too-large'
  | 'schema-mismatch'
  | 'upgrade-required'
  | 'invalid-document'
  | 'hash-mismatch'
  | 'rate-limited'
  | 'epoch-changed'
  | 'quota'
  | 'disk-full'
  | 'internal';

export interface ErrorAnswer {
  error: ErrorReason | string;
  message: string;
  details?: unknown;
}

/** Details of `409 schema-mismatch` (terminal newer than the server). */
export interface SchemaMismatchDetails {
  terminal: number;
  server: number;
}
/** Details of `409 upgrade-required` (terminal older than the server's minimum). */
export interface UpgradeRequiredDetails {
  terminal: number;
  minimum: number;
}

/** What `GET /api/v1/schemas` adds to each current schema (v1.1). */
export interface SchemaVersionsInfo {
  min: number;
  versions: Record<string, unknown>;
}
