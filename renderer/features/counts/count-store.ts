/**
 * The open count session survives a reload: it is kept in localStorage per site. Writing 5,000
 * lines of JSON on every scan would cost the scan its frame, so writes are coalesced and flushed
 * when the page hides.
 */
import type { CountSession } from '../../../shared/ops';

export const sessionKey = (siteId: string): string => `larder.count-session.${siteId}`;

function looksLikeSession(value: unknown): value is CountSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CountSession>;
  return (
    typeof v.id === 'string' &&
    typeof v.siteId === 'string' &&
    Array.isArray(v.expected) &&
    Array.isArray(v.counted) &&
    typeof v.scope === 'object'
  );
}

export function loadSession(storage: Pick<Storage, 'getItem'>, siteId: string): CountSession | null {
  const text = storage.getItem(sessionKey(siteId));
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return looksLikeSession(parsed) && parsed.siteId === siteId ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Pick<Storage, 'setItem' | 'removeItem'>, siteId: string, session: CountSession | null): void {
  if (session) storage.setItem(sessionKey(siteId), JSON.stringify(session));
  else storage.removeItem(sessionKey(siteId));
}

/** Coalesces saves: the latest session is written after `delayMs`, or at once on `flush()`. */
export function createSessionSaver(storage: Pick<Storage, 'setItem' | 'removeItem'>, siteId: string, delayMs = 400) {
  let pending: { session: CountSession | null } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending) saveSession(storage, siteId, pending.session);
    pending = null;
  };
  return {
    save(session: CountSession | null): void {
      pending = { session };
      if (session === null) return flush(); // closing or posting: never leave a stale session behind
      if (timer === null) timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
