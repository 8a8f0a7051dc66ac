import type { FastifyRequest } from 'fastify';
import { parseSchemaVersions } from '../shared/protocol/schema-versions.js';
import { HEADER_APP_VERSION, HEADER_SCHEMA_VERSIONS } from '../shared/protocol/wire.js';
import type { Storage, TerminalContact } from './storage/types.js';

/** Last contact is shown to the minute; writing it on every request would double the database work of a busy terminal. */
const CONTACT_INTERVAL_MS = 60_000;
const MAX_APP_VERSION = 64;

/** What a request's headers say about its terminal's versions. */
export function contactOf(req: FastifyRequest, at = new Date()): TerminalContact {
  const app = req.headers[HEADER_APP_VERSION];
  const appVersion = typeof app === 'string' && app !== '' ? app.slice(0, MAX_APP_VERSION) : null;
  const parsed = parseSchemaVersions(req.headers[HEADER_SCHEMA_VERSIONS]);
  const schemaVersions = parsed === 'malformed' || Object.keys(parsed).length === 0 ? null : (parsed as Record<string, number>);
  return { at, appVersion, schemaVersions };
}

/**
 * Records each terminal's last contact (SYNC-PROTOCOL.md v1.1, Terminal status) at most once a
 * minute per terminal and process, and at once when its app or schema versions change, so HQ's
 * fleet view sees a silent terminal and an outdated one without a write per request.
 */
export class TerminalContacts {
  private readonly recorded = new Map<string, { at: number; app: string | null; schemas: string | null }>();

  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = Date.now,
  ) {}

  /** Never fails the request it came with: a lost contact is written by the next one. */
  seen(terminalId: string, req: FastifyRequest): void {
    const { appVersion, schemaVersions } = contactOf(req);
    const schemas = schemaVersions ? JSON.stringify(schemaVersions) : null;
    const now = this.now();
    const last = this.recorded.get(terminalId);
    const changed = (appVersion !== null && appVersion !== last?.app) || (schemas !== null && schemas !== last?.schemas);
    if (last && now - last.at < CONTACT_INTERVAL_MS && !changed) return;
    this.recorded.set(terminalId, { at: now, app: appVersion ?? last?.app ?? null, schemas: schemas ?? last?.schemas ?? null });
    this.storage.recordTerminalContact(terminalId, { at: new Date(now), appVersion, schemaVersions }).catch((err: unknown) => {
      this.recorded.delete(terminalId);
      req.log.warn({ err }, 'could not record terminal contact');
    });
  }
}
