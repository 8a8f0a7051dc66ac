/**
 * One-time pairing codes for browser mode (shared/launcher-handoff.ts says why). Only `npm start`
 * creates a PairingCodeBook and hands it to the endpoint it runs; `npm run server` has no such
 * route. A code is 256 random bits, answers once, and is gone after a minute either way.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  LAUNCHER_PAIRING_PATH,
  PAIRING_CODE_PATTERN,
  PAIRING_CODE_TTL_MS,
  type LauncherHandoff,
  type PairingCodeRefusal,
} from '../../shared/launcher-handoff.js';

export type RedeemResult =
  { readonly ok: true; readonly handoff: LauncherHandoff } | { readonly ok: false; readonly reason: PairingCodeRefusal };

interface Entry {
  /** Dropped once redeemed or expired: the code is then remembered only to name the refusal. */
  handoff: LauncherHandoff | null;
  used: boolean;
  expiresAt: number;
}

/** A used code is remembered this long, so a second window learns that someone was first. */
const USED_MEMORY_MS = 10 * 60_000;
/** The launcher issues one code per start; the bound only stops a loop from growing the map. */
const MAX_ENTRIES = 64;

export class PairingCodeBook {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: { ttlMs?: number; now?: () => number } = {}) {
    this.ttlMs = options.ttlMs ?? PAIRING_CODE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  issue(handoff: LauncherHandoff): string {
    this.prune();
    // Map keeps insertion order: the first key is the oldest.
    while (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value ?? '');
    const code = randomBytes(32).toString('base64url');
    this.entries.set(code, { handoff, used: false, expiresAt: this.now() + this.ttlMs });
    return code;
  }

  redeem(code: string): RedeemResult {
    this.prune();
    const entry = this.entries.get(code);
    if (!entry) return { ok: false, reason: 'pairing-code-unknown' };
    if (entry.used) return { ok: false, reason: 'pairing-code-used' };
    const { handoff } = entry;
    if (handoff === null || this.now() >= entry.expiresAt) return { ok: false, reason: 'pairing-code-expired' };
    // Forgotten before it is returned: a second request, however close, finds it used.
    entry.handoff = null;
    entry.used = true;
    return { ok: true, handoff };
  }

  private prune(): void {
    const now = this.now();
    for (const [code, entry] of this.entries) {
      if (now >= entry.expiresAt + USED_MEMORY_MS) this.entries.delete(code);
      // A code past its minute keeps its place only to be named "expired"; its token goes now.
      else if (now >= entry.expiresAt) entry.handoff = null;
    }
  }
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const MESSAGES: Record<PairingCodeRefusal, string> = {
  'pairing-code-unknown': 'no such pairing code',
  'pairing-code-used': 'this pairing code was used already',
  'pairing-code-expired': 'this pairing code has expired',
};

/** Registered by app.ts only when the launcher passes a book. */
export async function launcherPairingRoutes(app: FastifyInstance, { codes }: { codes: PairingCodeBook }): Promise<void> {
  app.post<{ Body: unknown }>(LAUNCHER_PAIRING_PATH, { bodyLimit: 1024 }, async (req, reply) => {
    void reply.header('cache-control', 'no-store');
    // The window the launcher opened runs on this computer, even when the endpoint listens on
    // the network; and the API's CORS is open to any page, so another site's page is refused too.
    if (!LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '')) {
      return reply.code(403).send({ error: 'forbidden', message: 'pairing codes are redeemed on this computer only' });
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') {
      return reply.code(403).send({ error: 'forbidden', message: 'pairing codes are redeemed by the page this endpoint serves' });
    }
    const code = typeof req.body === 'object' && req.body !== null ? (req.body as { code?: unknown }).code : undefined;
    if (typeof code !== 'string' || !PAIRING_CODE_PATTERN.test(code)) {
      return reply.code(400).send({ error: 'bad-request', message: 'body must be {"code": "<pairing code>"}' });
    }
    const result = codes.redeem(code);
    if (!result.ok)
      return reply
        .code(result.reason === 'pairing-code-unknown' ? 404 : 410)
        .send({ error: result.reason, message: MESSAGES[result.reason] });
    return result.handoff;
  });
}
