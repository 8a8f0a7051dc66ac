import type { FleetTerminal, TerminalStatusReport } from '../../shared/protocol/admin.js';
import type { JsonObject } from '../json.js';

export type SiteKind = 'hq' | 'kitchen' | 'store';

export interface SiteRow {
  id: string;
  kind: SiteKind;
  name: string;
}

/** What a terminal's authenticated request tells about it (recorded at most once a minute). */
export interface TerminalContact {
  at: Date;
  appVersion: string | null;
  schemaVersions: Record<string, number> | null;
}

/** A fleet row as both stores read it (timestamps as ISO text). */
export interface FleetDbRow {
  id: string;
  site_id: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  app_version: string | null;
  schema_versions: string | null;
  pending: number | null;
  refused: number | null;
  status_at: string | null;
}

function parseVersions(text: string | null): Record<string, number> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, number>) : null;
  } catch {
    return null;
  }
}

export function fleetRow(r: FleetDbRow): FleetTerminal {
  return {
    terminalId: r.id,
    siteId: r.site_id,
    name: r.name,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastSeenAt: r.last_seen_at,
    appVersion: r.app_version,
    schemaVersions: parseVersions(r.schema_versions),
    pending: r.pending,
    refused: r.refused,
    statusAt: r.status_at,
  };
}

export interface TerminalRow {
  id: string;
  siteId: string;
  name: string;
  revoked: boolean;
}

/** A terminal as authenticated for one request: its site is joined in. */
export interface AuthTerminal {
  terminalId: string;
  siteId: string;
  siteKind: SiteKind;
}

/** One stored document version; `doc` always carries `_deleted` as a boolean. */
export interface StoredDoc {
  collection: string;
  id: string;
  seq: number;
  siteId: string | null;
  toSiteId: string | null;
  deleted: boolean;
  doc: JsonObject;
}

export interface PulledPage {
  /** Each document's stored JSON (as validated and written; `_deleted` included). */
  bodies: string[];
  /** Sequence of the last document in the page; null for an empty page. */
  lastSeq: number | null;
  /**
   * The sequence the pull checkpoint may advance to: the page's lastSeq when the page is full,
   * otherwise the highest sequence visible to this read (below the visibility horizon), so an
   * empty page still moves the checkpoint past rows the reader may not read.
   */
  scannedToSeq: number;
}

/** What a write turns into: the storage assigns the sequence. */
export interface DocWrite {
  id: string;
  siteId: string | null;
  toSiteId: string | null;
  deleted: boolean;
  doc: JsonObject;
}

/**
 * Decides, inside the storage transaction, what a push does given the stored versions of its
 * ids. Throwing aborts the transaction, so nothing of the push is stored.
 */
export type PushPlanner<T> = (stored: ReadonlyMap<string, StoredDoc>) => { writes: DocWrite[]; result: T };

/** `null` means every site (an hq terminal, or a reference collection). */
export type ReadScope = { siteId: string } | null;

export interface FileRow {
  hash: string;
  contentType: string;
  size: number;
}

export interface StorageEvents {
  /** After a commit that wrote documents; `maxSeq` is the highest sequence written. */
  onCommit(listener: (maxSeq: number) => void): () => void;
  /** After a terminal was revoked (in this process, or announced by another on PostgreSQL). */
  onRevoke(listener: (terminalId: string) => void): () => void;
}

export interface Storage extends StorageEvents {
  readonly kind: 'sqlite' | 'postgres';
  orgId(): Promise<string>;

  addSite(site: SiteRow, mirror: DocWrite): Promise<StoredDoc>;
  /** Renames a site and writes its new mirror document; false when no such site exists. */
  updateSite(site: SiteRow, mirror: DocWrite): Promise<boolean>;
  getSite(id: string): Promise<SiteRow | null>;
  listSites(): Promise<SiteRow[]>;
  addTerminal(t: { id: string; siteId: string; name: string; tokenHash: string }): Promise<void>;
  /** Returns false when no such terminal exists. */
  revokeTerminal(id: string): Promise<boolean>;
  /** Returns false when no such terminal exists. */
  renameTerminal(id: string, name: string): Promise<boolean>;
  recordTerminalContact(id: string, contact: TerminalContact): Promise<void>;
  recordTerminalStatus(id: string, status: TerminalStatusReport, at: Date): Promise<void>;
  /** Every terminal, revoked ones included, with its last contact and status (never a token hash). */
  listTerminals(): Promise<FleetTerminal[]>;
  /** Whether this token belonged to a terminal that was revoked (asked only after a failed lookup). */
  tokenRevoked(tokenHash: string): Promise<boolean>;
  terminalByTokenHash(tokenHash: string): Promise<AuthTerminal | null>;
  /** Of the given ids, those not revoked (used to close revoked terminals' streams). */
  activeTerminals(ids: readonly string[]): Promise<Set<string>>;

  /**
   * One pull page, in sequence order, as the stored JSON texts: the endpoint splices them into
   * its answer instead of parsing and re-serialising every document of an initial sync.
   */
  pull(collection: string, afterSeq: number, limit: number, scope: ReadScope): Promise<PulledPage>;
  /** Every document of every collection written after `afterSeq`, ascending (for the live stream). */
  readSince(afterSeq: number, limit: number): Promise<StoredDoc[]>;
  maxSeq(): Promise<number>;
  push<T>(collection: string, ids: readonly string[], plan: PushPlanner<T>): Promise<{ result: T; written: StoredDoc[] }>;
  /** Writes documents as given (insert or replace), each with a new sequence; for seeds and the server's own mirrors. */
  putDocuments(collection: string, docs: readonly DocWrite[]): Promise<StoredDoc[]>;
  /** The stored documents of these ids (those that exist), read outside any push transaction. */
  getDocuments(collection: string, ids: readonly string[]): Promise<StoredDoc[]>;

  /**
   * Ids of `documents` of this type and site by their printed number, for the links v0 terminals
   * wrote as numbers (SYNC-PROTOCOL.md, Schema evolution). A number matching more than one live
   * document is left out: a wrong link is worse than the tag kept in the note.
   */
  documentIdsByNumber(type: string, siteId: string, numbers: readonly string[]): Promise<Map<string, string>>;
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /**
   * Runs `fn` while no other endpoint process sharing this database runs one of the same name
   * (start-up migrations). On SQLite, which serves from one process, `fn` just runs.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;

  /**
   * Stores a blob for `siteId` (a no-op when that site holds it already). Throws QuotaError when
   * the site's files would pass `quotaBytes` (SYNC-PROTOCOL.md v1.1, Files).
   */
  putFile(file: FileRow, bytes: Buffer, siteId: string, quotaBytes: number): Promise<void>;
  /** The file's row and the sites that uploaded it, without its bytes. */
  getFile(hash: string): Promise<(FileRow & { siteIds: string[] }) | null>;
  readFileBytes(hash: string): Promise<Buffer | null>;
  /**
   * Whether `siteId` may read the file through a document: one naming it in a declared file field
   * (the file index), readable by the site, and not written by the site itself. `transactional`
   * are the collections read by site; the others every site reads.
   */
  fileGrantedByDocument(hash: string, siteId: string, transactional: readonly string[]): Promise<boolean>;
  /** Removes files no document has named since before `cutoffMs` (epoch ms); returns how many. */
  sweepFiles(cutoffMs: number): Promise<number>;

  close(): Promise<void>;
}
