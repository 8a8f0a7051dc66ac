import { useEffect, useState } from 'react';
import type { RxQuery } from 'rxdb';
import type { SiteDoc } from '../../shared/schemas';
import { usePairingStore } from '../state/pairing-store';
import type { LarderDatabase } from './database';
import type { LocalLedger } from './local-ledger';
import { useDatabase, useSessionStore } from './session';

/** The site document as pulled from the endpoint; null until it has arrived (or offline at first run). */
export function useSite(siteId: string | undefined): SiteDoc | null {
  const db = useDatabase();
  const [site, setSite] = useState<SiteDoc | null>(null);
  useEffect(() => {
    if (!db || !siteId) {
      setSite(null);
      return;
    }
    const subscription = db.sites.findOne(siteId).$.subscribe((doc) => setSite(doc ? (doc.toJSON() as SiteDoc) : null));
    return () => subscription.unsubscribe();
  }, [db, siteId]);
  return site;
}

/** The local ledger projection and a version that changes whenever its figures do. */
export function useLedger(): { ledger: LocalLedger | null; version: number } {
  const ledger = useSessionStore((s) => s.ledger);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!ledger) return;
    const subscription = ledger.version$.subscribe(setVersion);
    return () => subscription.unsubscribe();
  }, [ledger]);
  return { ledger, version };
}

/**
 * Live results of an RxDB query as plain JSON documents; `null` while the first result loads
 * (so screens can show a loading state rather than an empty one).
 */
export function useRxQuery<T>(build: (db: LarderDatabase) => RxQuery<T, unknown> | null, deps: readonly unknown[]): T[] | null {
  const db = useDatabase();
  const [rows, setRows] = useState<T[] | null>(null);
  useEffect(() => {
    setRows(null);
    if (!db) return;
    const query = build(db);
    if (!query) return;
    const subscription = query.$.subscribe((result) => {
      const list = Array.isArray(result) ? result : result ? [result] : [];
      setRows(list.map((doc) => (doc as { toJSON(): T }).toJSON()));
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `build` reads
  }, [db, ...deps]);
  return rows;
}

export interface TerminalIdentity {
  siteId: string;
  siteKind: 'hq' | 'kitchen' | 'store';
  terminalId: string;
}

/** Who this terminal is; null when not paired. */
export function useTerminal(): TerminalIdentity | null {
  const pairing = usePairingStore((s) => s.pairing);
  return pairing ? { siteId: pairing.siteId, siteKind: pairing.siteKind, terminalId: pairing.terminalId } : null;
}
