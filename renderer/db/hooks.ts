import { useEffect, useMemo, useState } from 'react';
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

/**
 * The one hook for ledger reads: `read` computes what a screen shows from the projection and runs
 * again whenever the projection changes or a dependency does. Figures (positions, on-hand) are
 * read synchronously during render; a read of history by index returns a promise, and the hook
 * then gives the last settled result (`null` before the first), so a screen shows its loading
 * state once, not on every change.
 */
export function useLedgerRead<T>(read: (ledger: LocalLedger) => T | Promise<T>, deps: readonly unknown[]): T | null {
  const ledger = useSessionStore((s) => s.ledger);
  // A state update per (coalesced) change, as screens re-rendered before this hook existed: a
  // store subscription (useSyncExternalStore) renders synchronously on every change, and during a
  // first sync that starved input handling (an Enter right after typing saw the previous render).
  const [change, setChange] = useState(0);
  useEffect(() => {
    if (!ledger) return;
    const subscription = ledger.changes$.subscribe(setChange);
    return () => subscription.unsubscribe();
  }, [ledger]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `read` reads; `change` marks a new projection state
  const computed = useMemo(() => (ledger ? read(ledger) : null), [ledger, change, ...deps]);
  const [settled, setSettled] = useState<{ value: T; ledger: LocalLedger } | null>(null);
  useEffect(() => {
    if (!(computed instanceof Promise) || !ledger) return;
    let current = true;
    computed.then(
      (value) => {
        if (current) setSettled({ value, ledger });
      },
      (error: unknown) => console.error('larder: a ledger read failed', error),
    );
    return () => {
      current = false;
    };
  }, [computed, ledger]);
  if (computed instanceof Promise) return settled && settled.ledger === ledger ? settled.value : null;
  return computed;
}

/**
 * The projection itself, for event handlers that read it at the moment of a click (a screen's
 * figures come from `useLedgerRead`, which re-renders when they change).
 */
export function useLedgerAtHand(): LocalLedger | null {
  return useSessionStore((s) => s.ledger);
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
