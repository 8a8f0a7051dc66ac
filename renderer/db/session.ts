// The terminal's local store and its sync, opened for the current pairing and closed when the
// pairing changes. Screens read `useDatabase()`; they never wait for the network.
import { create } from 'zustand';
import { createLarderDatabase, type LarderDatabase, type MigrationProgress } from './database';
import { FileOutbox, type QueuedFileSummary } from './file-outbox';
import { LocalLedger } from './local-ledger';
import { repairPendingPostings } from './posting';
import { startSync, type LarderSync } from './replication';
import { createLarderStorage } from './storage';
import type { Pairing } from '../state/pairing-store';
import { usePairingStore } from '../state/pairing-store';
import { useSyncStatusStore } from '../state/sync-status-store';
import { useSiteClockStore } from '../state/site-clock-store';
import { signInAccounts, siteTimeZone, DEFAULT_SITE_TIME_ZONE } from '../../shared/domain';
import type { PersonDoc } from '../../shared/schemas';
import { useSignInStore } from '../state/sign-in-store';
import { startStatusReports } from '../sync/status-reporter';

interface SessionState {
  db: LarderDatabase | null;
  ledger: LocalLedger | null;
  sync: LarderSync | null;
  /** Certificates and photos waiting for the endpoint (file-outbox.ts). */
  files: FileOutbox | null;
  queuedFiles: QueuedFileSummary[];
  openError: string | null;
  /** Set while an upgraded app migrates the local store on open (screens wait for it). */
  migration: MigrationProgress | null;
}

const NO_FILES: QueuedFileSummary[] = [];
export const useSessionStore = create<SessionState>()(() => ({
  db: null,
  ledger: null,
  sync: null,
  files: null,
  queuedFiles: NO_FILES,
  openError: null,
  migration: null,
}));
export const useMigrationProgress = () => useSessionStore((s) => s.migration);
export const useDatabase = () => useSessionStore((s) => s.db);
export const useFileOutbox = () => useSessionStore((s) => s.files);
export const useQueuedFiles = () => useSessionStore((s) => s.queuedFiles);

/** RxDB database names allow lower-case letters, digits, `_`, `$` and `-`, starting with a letter. */
export function databaseNameFor(pairing: Pick<Pairing, 'orgId' | 'terminalId'>): string {
  const clean = (value: string) => value.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  return `larder-${clean(pairing.orgId)}-${clean(pairing.terminalId)}`;
}

/** A JSON array kept in localStorage (pending keys, refused records), read back empty when damaged. */
function localStoragePersistence<T>(key: string) {
  return {
    load: (): T[] => {
      try {
        const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
        return Array.isArray(value) ? (value as T[]) : [];
      } catch {
        return [];
      }
    },
    save: (items: T[]) => localStorage.setItem(key, JSON.stringify(items)),
  };
}

let stopFollowingSite: (() => void) | null = null;
let stopStatusReports: (() => void) | null = null;

/** Keeps the site clock on this terminal's site zone as its site document arrives or changes. */
function followSiteZone(db: LarderDatabase, siteId: string): () => void {
  const subscription = db.sites.findOne(siteId).$.subscribe((doc) => {
    useSiteClockStore.getState().setTimeZone(siteTimeZone(doc ? { timeZone: doc.timeZone } : null));
  });
  // The site's staff accounts: once there is one with a PIN, writes here need a person signed in.
  const people = db.people.find({ selector: { siteId } }).$.subscribe((docs) => {
    useSignInStore.getState().setAccounts(
      signInAccounts(
        docs.map((doc) => doc.toJSON() as PersonDoc),
        siteId,
      ),
    );
  });
  return () => {
    subscription.unsubscribe();
    people.unsubscribe();
  };
}

async function closeSession(): Promise<void> {
  stopFollowingSite?.();
  stopFollowingSite = null;
  useSignInStore.setState({ accounts: undefined, operator: null, accountId: null });
  stopStatusReports?.();
  stopStatusReports = null;
  useSiteClockStore.getState().setTimeZone(DEFAULT_SITE_TIME_ZONE);
  const { db, sync, ledger, files } = useSessionStore.getState();
  useSessionStore.setState({ db: null, sync: null, ledger: null, files: null, queuedFiles: NO_FILES });
  await files?.stop();
  await sync?.stop();
  ledger?.close();
  await db?.close();
}

async function openSession(pairing: Pairing, appVersion: string): Promise<void> {
  useSyncStatusStore.getState().update({ revoked: false });
  const name = databaseNameFor(pairing);
  try {
    const db = await createLarderDatabase({
      name,
      storage: createLarderStorage(),
      writer: { siteId: pairing.siteId, siteKind: pairing.siteKind },
      onMigration: (migration) => useSessionStore.setState({ migration }),
    }).finally(() => useSessionStore.setState({ migration: null }));
    stopFollowingSite = followSiteZone(db, pairing.siteId);
    const ledger = await LocalLedger.open(db);
    const repaired = await repairPendingPostings(db, ledger);
    if (repaired.length) console.info(`larder: completed ${repaired.length} interrupted posting(s)`, repaired);
    const sync = startSync({
      db,
      endpointUrl: pairing.endpointUrl,
      token: pairing.token,
      pendingPersistence: localStoragePersistence(`larder.pending.${name}`),
      refusedPersistence: localStoragePersistence(`larder.refused.${name}`),
      onStatus: (patch) => useSyncStatusStore.getState().update(patch),
    });
    const files = new FileOutbox(`${name}-files`, db, { url: pairing.endpointUrl, token: pairing.token }, (queuedFiles) => {
      if (useSessionStore.getState().files === files) useSessionStore.setState({ queuedFiles });
    });
    stopStatusReports = startStatusReports(
      { endpointUrl: pairing.endpointUrl, token: pairing.token },
      () => {
        const status = useSyncStatusStore.getState();
        return { pending: status.pendingUploads, refused: status.refused.length };
      },
      appVersion,
    );
    useSessionStore.setState({ db, ledger, sync, files, openError: null });
    files.start();
  } catch (error) {
    console.error('larder: the local store could not be opened', error);
    const message = error instanceof Error ? error.message : String(error);
    useSessionStore.setState({ openError: message });
    useSyncStatusStore.getState().update({ connectivity: 'offline', error: `local store: ${message}` });
  }
}

/** Follows the pairing store for the life of the window. */
/** `appVersion` is what this terminal reports to HQ's fleet view (SYNC-PROTOCOL.md, Terminal status). */
export function startSessionManager(appVersion = 'unknown'): () => void {
  let chain = Promise.resolve();
  const follow = (pairing: Pairing | null) => {
    chain = chain.then(async () => {
      await closeSession();
      if (pairing) await openSession(pairing, appVersion);
      else
        useSyncStatusStore.getState().update({
          connectivity: 'not-paired',
          pendingUploads: 0,
          lastSyncAt: null,
          error: null,
          initialSyncReceived: null,
          revoked: false,
        });
    });
  };
  follow(usePairingStore.getState().pairing);
  // The browser knows first when the network goes: drop the stream so the indicator tells the
  // truth at once, and reconnect without waiting out the backoff when it returns.
  const wentOffline = () => {
    useSessionStore.getState().sync?.dropStream();
    useSyncStatusStore.getState().update({ connectivity: 'offline' });
  };
  const cameOnline = () => {
    useSessionStore.getState().sync?.reconnectNow();
    void useSessionStore.getState().files?.flush();
  };
  window.addEventListener('offline', wentOffline);
  window.addEventListener('online', cameOnline);
  const unsubscribe = usePairingStore.subscribe((state, previous) => {
    if (state.pairing?.token !== previous.pairing?.token || state.pairing?.endpointUrl !== previous.pairing?.endpointUrl)
      follow(state.pairing);
  });
  return () => {
    unsubscribe();
    window.removeEventListener('offline', wentOffline);
    window.removeEventListener('online', cameOnline);
    void chain.then(closeSession);
  };
}
