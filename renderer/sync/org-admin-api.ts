// The one client of the endpoint's organisation routes (SYNC-PROTOCOL.md v1.2, "Sites and
// terminals from HQ"; README "Operating the endpoint"). Screens call these, never fetch: every
// refusal becomes an OrgAdminError naming the endpoint's reason and the field it blames.
import type {
  FleetAnswer,
  FleetTerminal,
  SiteAnswer,
  SiteCreateRequest,
  SiteUpdateRequest,
  TerminalCreated,
  TerminalCreateRequest,
  TerminalStatusReport,
} from '../../shared/protocol/admin';
import { HEADER_APP_VERSION, HEADER_SCHEMA_VERSIONS } from '../../shared/protocol/wire';
import { endpointFetch } from './endpoint-api';

/** Where and as whom: the HQ terminal's own pairing. */
export interface AdminConnection {
  endpointUrl: string;
  token: string;
}

export class OrgAdminError extends Error {
  override readonly name = 'OrgAdminError';
  constructor(
    /** The endpoint's `error` (`bad-request`, `forbidden`, `not-found`, `exists`, …) or `unreachable`. */
    readonly reason: string,
    message: string,
    readonly status: number | null,
    readonly field: string | null,
  ) {
    super(message);
  }
}

async function call<T>(
  connection: AdminConnection,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await endpointFetch(connection.endpointUrl, connection.token, path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new OrgAdminError('unreachable', error instanceof Error ? error.message : String(error), null, null);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const answer = (parsed ?? {}) as { error?: string; message?: string; details?: { field?: unknown } };
    const field = typeof answer.details?.field === 'string' ? answer.details.field : null;
    throw new OrgAdminError(answer.error ?? 'unexpected', answer.message ?? response.statusText, response.status, field);
  }
  return parsed as T;
}

export const orgAdmin = {
  fleet: async (c: AdminConnection): Promise<FleetTerminal[]> => (await call<FleetAnswer>(c, 'GET', '/api/v1/terminals')).terminals,
  createSite: (c: AdminConnection, site: SiteCreateRequest) => call<SiteAnswer>(c, 'POST', '/api/v1/sites', site),
  updateSite: (c: AdminConnection, id: string, change: SiteUpdateRequest) =>
    call<SiteAnswer>(c, 'PUT', `/api/v1/sites/${encodeURIComponent(id)}`, change),
  createTerminal: (c: AdminConnection, request: TerminalCreateRequest) => call<TerminalCreated>(c, 'POST', '/api/v1/terminals', request),
  renameTerminal: (c: AdminConnection, terminalId: string, name: string) =>
    call<{ terminalId: string; name: string }>(c, 'PUT', `/api/v1/terminals/${encodeURIComponent(terminalId)}`, { name }),
  revokeTerminal: (c: AdminConnection, terminalId: string) =>
    call<{ terminalId: string; revoked: true }>(c, 'POST', `/api/v1/terminals/${encodeURIComponent(terminalId)}/revoke`),
  /** Every terminal, HQ's included: what HQ's fleet view shows as pending and refused. */
  reportStatus: (c: AdminConnection, report: TerminalStatusReport, versions: { app: string; schemas: string }) =>
    call<null>(c, 'PUT', '/api/v1/terminal-status', report, {
      [HEADER_APP_VERSION]: versions.app,
      [HEADER_SCHEMA_VERSIONS]: versions.schemas,
    }),
};
