import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Tokens are shown once and stored only as this hash (SYNC-PROTOCOL.md, Identity and scope). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
  return `lt_${randomBytes(32).toString('base64url')}`;
}

export function newTerminalId(): string {
  return `term_${randomUUID()}`;
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}
