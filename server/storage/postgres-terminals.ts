// The PostgreSQL adapter's terminal fleet (sqlite-terminals.ts says what it holds).
import type pg from 'pg';
import type { FleetTerminal, TerminalStatusReport } from '../../shared/protocol/admin.js';
import { fleetRow, type FleetDbRow, type TerminalContact } from './types.js';

export const TERMINAL_STATUS_SCHEMA = `
CREATE TABLE IF NOT EXISTS larder_terminal_status (
  terminal_id TEXT PRIMARY KEY REFERENCES larder_terminals(id), last_seen_at TIMESTAMPTZ, app_version TEXT,
  schema_versions TEXT, pending INTEGER, refused INTEGER, status_at TIMESTAMPTZ);
`;

export async function renameTerminal(pool: pg.Pool, id: string, name: string): Promise<boolean> {
  const r = await pool.query('UPDATE larder_terminals SET name = $1 WHERE id = $2', [name, id]);
  return (r.rowCount ?? 0) > 0;
}

export async function recordContact(pool: pg.Pool, id: string, contact: TerminalContact): Promise<void> {
  await pool.query(
    `INSERT INTO larder_terminal_status (terminal_id, last_seen_at, app_version, schema_versions) VALUES ($1, $2, $3, $4)
     ON CONFLICT (terminal_id) DO UPDATE SET last_seen_at = excluded.last_seen_at,
       app_version = COALESCE(excluded.app_version, larder_terminal_status.app_version),
       schema_versions = COALESCE(excluded.schema_versions, larder_terminal_status.schema_versions)`,
    [id, contact.at, contact.appVersion, contact.schemaVersions ? JSON.stringify(contact.schemaVersions) : null],
  );
}

export async function recordStatus(pool: pg.Pool, id: string, status: TerminalStatusReport, at: Date): Promise<void> {
  await pool.query(
    `INSERT INTO larder_terminal_status (terminal_id, last_seen_at, pending, refused, status_at) VALUES ($1, $2, $3, $4, $2)
     ON CONFLICT (terminal_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, pending = excluded.pending,
       refused = excluded.refused, status_at = excluded.status_at`,
    [id, at, status.pending, status.refused],
  );
}

const iso = (v: Date | string | null): string | null => (v === null ? null : v instanceof Date ? v.toISOString() : v);

export async function listTerminals(pool: pg.Pool): Promise<FleetTerminal[]> {
  const r = await pool.query<FleetDbRow & { created_at: Date; revoked_at: Date | null; last_seen_at: Date | null; status_at: Date | null }>(
    `SELECT t.id, t.site_id, t.name, t.created_at, t.revoked_at, s.last_seen_at, s.app_version, s.schema_versions,
       s.pending, s.refused, s.status_at
     FROM larder_terminals t LEFT JOIN larder_terminal_status s ON s.terminal_id = t.id ORDER BY t.site_id, t.created_at, t.id`,
  );
  return r.rows.map((row) =>
    fleetRow({
      ...row,
      created_at: iso(row.created_at) ?? '',
      revoked_at: iso(row.revoked_at),
      last_seen_at: iso(row.last_seen_at),
      status_at: iso(row.status_at),
    }),
  );
}
