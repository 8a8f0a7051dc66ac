import type { JsonObject } from '../json.js';

export type SiteKind = 'hq' | 'kitchen' | 'store';

export interface SiteRow {
  id: string;
  kind: SiteKind;
  name: string;
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
  getSite(id: string): Promise<SiteRow | null>;
  listSites(): Promise<SiteRow[]>;
  addTerminal(t: { id: string; siteId: string; name: string; tokenHash: string }): Promise<void>;
  /** Returns false when no such terminal exists. */
  revokeTerminal(id: string): Promise<boolean>;
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
  /** The printed numbers of these `documents` ids (those that exist and have one). */
  documentNumbers(ids: readonly string[]): Promise<Map<string, string>>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /**
   * Runs `fn` while no other endpoint process sharing this database runs one of the same name
   * (start-up migrations). On SQLite, which serves from one process, `fn` just runs.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;

  putFile(file: FileRow, bytes: Buffer, siteId: string): Promise<void>;
  getFile(hash: string): Promise<(FileRow & { bytes: Buffer; siteIds: string[] }) | null>;
  /** Whether a document readable in `scope` names the hash (see SYNC-PROTOCOL.md, Files). */
  fileNamedInReadableDoc(hash: string, transactional: readonly string[], scope: ReadScope): Promise<boolean>;

  close(): Promise<void>;
}
