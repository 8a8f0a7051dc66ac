// Thin, typed calls to the replication endpoint (SYNC-PROTOCOL.md). Every failure becomes an
// EndpointError with a machine reason, so screens can say in words what went wrong.

export interface WhoAmI {
  terminalId: string;
  siteId: string;
  siteKind: 'hq' | 'kitchen' | 'store';
  orgId: string;
}

export type EndpointErrorReason = 'unreachable' | 'unauthorized' | 'unexpected';

export class EndpointError extends Error {
  override readonly name = 'EndpointError';
  constructor(
    readonly reason: EndpointErrorReason,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Normalises a typed-in endpoint URL; returns null when it is not http(s). */
export function normaliseEndpointUrl(input: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(input.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.origin + parsed.pathname.replace(/\/+$/, '');
}

export async function endpointFetch(endpointUrl: string, token: string | null, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  try {
    return await fetch(`${endpointUrl}${path}`, { ...init, headers });
  } catch (error) {
    throw new EndpointError('unreachable', error instanceof Error ? error.message : String(error));
  }
}

async function reasonOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string; message?: string };
    return body.message ?? body.error ?? response.statusText;
  } catch {
    return response.statusText;
  }
}

export async function fetchWhoAmI(endpointUrl: string, token: string): Promise<WhoAmI> {
  const response = await endpointFetch(endpointUrl, token, '/api/v1/whoami');
  if (response.status === 401) throw new EndpointError('unauthorized', 'unauthorized', 401);
  if (!response.ok) throw new EndpointError('unexpected', await reasonOf(response), response.status);
  return (await response.json()) as WhoAmI;
}
