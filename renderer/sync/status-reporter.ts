// Each terminal tells the endpoint, at most once a minute, how many of its records wait to upload
// and how many the endpoint refused (SYNC-PROTOCOL.md v1.1, Terminal status), so HQ's fleet view
// shows a terminal in trouble before the store calls. A failed report is simply sent next minute.
import { formatSchemaVersions } from '../../shared/protocol/schema-versions';
import type { TerminalStatusReport } from '../../shared/protocol/admin';
import { collectionNames } from '../../shared/schemas';
import { currentVersion } from '../../shared/schemas/versions';
import { orgAdmin, type AdminConnection } from './org-admin-api';

export const STATUS_INTERVAL_MS = 60_000;
/** The first report soon after opening: a terminal that was off for days shows as back at once. */
const FIRST_REPORT_MS = 3_000;

export function startStatusReports(
  connection: AdminConnection,
  read: () => TerminalStatusReport,
  appVersion: string,
  intervalMs = STATUS_INTERVAL_MS,
): () => void {
  const schemas = formatSchemaVersions(Object.fromEntries(collectionNames.map((name) => [name, currentVersion(name)])));
  const report = () => {
    orgAdmin.reportStatus(connection, read(), { app: appVersion, schemas }).catch(() => undefined);
  };
  const first = setTimeout(report, Math.min(FIRST_REPORT_MS, intervalMs));
  const timer = setInterval(report, intervalMs);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
