// The SQLite adapter's terminal fleet: each terminal's last contact and its last status report
// (SYNC-PROTOCOL.md v1.1, Terminal status), in their own table so opening an older database
// only adds it.
import type Database from 'better-sqlite3';
import type { FleetTerminal, TerminalStatusReport } from '../../shared/protocol/admin.js';
import { fleetRow, type FleetDbRow, type TerminalContact } from './types.js';

export const TERMINAL_STATUS_SCHEMA = `
CREATE TABLE IF NOT EXISTS terminal_status (
  terminal_id TEXT PRIMARY KEY REFERENCES terminals(id), last_seen_at TEXT, app_version TEXT,
  schema_versions TEXT, pending INTEGER, refused INTEGER, status_at TEXT);
`;

export class SqliteTerminals {
  constructor(private readonly db: Database.Database) {}

  rename(id: string, name: string): boolean {
    return this.db.prepare('UPDATE terminals SET name = ? WHERE id = ?').run(name, id).changes > 0;
  }

  recordContact(id: string, contact: TerminalContact): void {
    this.db
      .prepare(
        `INSERT INTO terminal_status (terminal_id, last_seen_at, app_version, schema_versions) VALUES (?, ?, ?, ?)
         ON CONFLICT (terminal_id) DO UPDATE SET last_seen_at = excluded.last_seen_at,
           app_version = COALESCE(excluded.app_version, app_version),
           schema_versions = COALESCE(excluded.schema_versions, schema_versions)`,
      )
      .run(id, contact.at.toISOString(), contact.appVersion, contact.schemaVersions ? JSON.stringify(contact.schemaVersions) : null);
  }

  recordStatus(id: string, status: TerminalStatusReport, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO terminal_status (terminal_id, last_seen_at, pending, refused, status_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (terminal_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, pending = excluded.pending,
           refused = excluded.refused, status_at = excluded.status_at`,
      )
      .run(id, at.toISOString(), status.pending, status.refused, at.toISOString());
  }

  list(): FleetTerminal[] {
    const rows = this.db
      .prepare(
        `SELECT t.id, t.site_id, t.name, t.created_at, t.revoked_at, s.last_seen_at, s.app_version, s.schema_versions,
           s.pending, s.refused, s.status_at
         FROM terminals t LEFT JOIN terminal_status s ON s.terminal_id = t.id ORDER BY t.site_id, t.created_at, t.id`,
      )
      .all() as FleetDbRow[];
    return rows.map(fleetRow);
  }
}
