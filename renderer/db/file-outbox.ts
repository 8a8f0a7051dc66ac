/**
 * Files (batch certificates, waste photos) are content-addressed blobs uploaded beside sync
 * (SYNC-PROTOCOL.md, Files), and a record may name a file only once the endpoint holds it. When
 * the endpoint cannot be reached, the file waits here — in IndexedDB, so it survives a restart —
 * and the record naming it is written after the upload succeeds. Nothing the clerk attached
 * offline is lost, and nothing pushed points at a file the endpoint lacks.
 */
import Dexie, { type Table } from 'dexie';
import type { LarderDatabase } from './database';

export type FilePurpose =
  /** Attach to the batch's certificate list (the batch's own site writes it). */
  | { kind: 'certificate'; batchId: string; lotCode: string }
  /** Record the photo of a posted waste document (an audit event naming doc and file). */
  | { kind: 'waste-photo'; docId: string; docNumber: string; siteId: string; terminalId: string };

export interface QueuedFile {
  id: string;
  hash: string;
  bytes: ArrayBuffer;
  type: string;
  name: string;
  purpose: FilePurpose;
  queuedAt: string;
  attempts: number;
  /** Why the endpoint refused it (not set while merely offline). */
  lastError?: string;
}

export type QueuedFileSummary = Omit<QueuedFile, 'bytes'>;

export class FileUploadError extends Error {
  override readonly name = 'FileUploadError';
  constructor(
    readonly reason: 'offline' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** PUTs the bytes under their hash; resolves once the endpoint holds them. */
export async function uploadFile(
  endpointUrl: string,
  token: string,
  file: { hash: string; bytes: ArrayBuffer; type: string },
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${endpointUrl.replace(/\/$/, '')}/api/v1/files/${file.hash}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': file.type || 'application/octet-stream' },
      body: file.bytes,
    });
  } catch (error) {
    throw new FileUploadError('offline', error instanceof Error ? error.message : String(error));
  }
  if (response.status >= 500) throw new FileUploadError('offline', `the endpoint answered HTTP ${response.status}`);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
    throw new FileUploadError('refused', body.message ?? body.error ?? `HTTP ${response.status}`);
  }
}

class OutboxStore extends Dexie {
  files!: Table<QueuedFile, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ files: 'id, queuedAt' });
  }
}

const RETRY_MS = 20_000;

export class FileOutbox {
  private readonly store: OutboxStore;
  private timer: ReturnType<typeof setInterval> | undefined;
  private flushing: Promise<void> | null = null;
  /** What is waiting, without the bytes: read from the store once, then kept in step with it. */
  private waiting: QueuedFileSummary[] | null = null;

  constructor(
    storeName: string,
    private readonly db: LarderDatabase,
    private readonly endpoint: { url: string; token: string },
    private readonly onChange: (queued: QueuedFileSummary[]) => void,
  ) {
    this.store = new OutboxStore(storeName);
  }

  /**
   * Uploads and records the file now, or keeps it for later when the endpoint cannot be reached.
   * A refusal (wrong type, too large, revoked token) is thrown: keeping it would not help.
   */
  async add(file: { bytes: ArrayBuffer; type: string; name: string }, purpose: FilePurpose): Promise<{ hash: string; queued: boolean }> {
    const hash = await sha256Hex(file.bytes);
    try {
      await uploadFile(this.endpoint.url, this.endpoint.token, { hash, ...file });
    } catch (error) {
      if (!(error instanceof FileUploadError && error.reason === 'offline')) throw error;
      const waiting = await this.summaries(); // loaded before the put, so the entry is not read back too
      const entry: QueuedFile = { id: crypto.randomUUID(), hash, ...file, purpose, queuedAt: new Date().toISOString(), attempts: 1 };
      await this.store.files.put(entry);
      const { bytes: _bytes, ...summary } = entry;
      waiting.push(summary);
      this.publish();
      return { hash, queued: true };
    }
    await this.record(hash, purpose);
    return { hash, queued: false };
  }

  /** Tries every waiting file, oldest first; stops at the first sign the endpoint is still away. */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = null));
    return this.flushing;
  }

  start(): void {
    // What an earlier session left waiting shows at once, before any upload is tried.
    void this.summaries().then(() => this.publish());
    void this.flush();
    this.timer = setInterval(() => void this.flush(), RETRY_MS);
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.flushing?.catch(() => undefined);
    this.store.close();
  }

  /** Reads one file's bytes at a time: offline, a retry touches only the oldest. */
  private async flushOnce(): Promise<void> {
    const waiting = await this.summaries();
    for (const summary of [...waiting]) {
      const entry = await this.store.files.get(summary.id);
      if (!entry) continue;
      try {
        await uploadFile(this.endpoint.url, this.endpoint.token, entry);
      } catch (error) {
        if (error instanceof FileUploadError && error.reason === 'offline') break;
        const refused = { attempts: entry.attempts + 1, lastError: error instanceof Error ? error.message : String(error) };
        await this.store.files.update(entry.id, refused);
        Object.assign(summary, refused);
        continue;
      }
      await this.record(entry.hash, entry.purpose);
      await this.store.files.delete(entry.id);
      waiting.splice(waiting.indexOf(summary), 1);
    }
    this.publish();
  }

  /** Writes the record naming the file — only ever after the endpoint holds it. */
  private async record(hash: string, purpose: FilePurpose): Promise<void> {
    const at = new Date().toISOString();
    if (purpose.kind === 'certificate') {
      const batch = await this.db.batches.findOne(purpose.batchId).exec();
      if (!batch) throw new Error(`batch ${purpose.lotCode} (${purpose.batchId}) is not in the local store`);
      if (!batch.certificateHashes.includes(hash))
        await batch.incrementalPatch({ certificateHashes: [...batch.certificateHashes, hash], updatedAt: at });
      return;
    }
    await this.db.events.insert({
      id: crypto.randomUUID(),
      siteId: purpose.siteId,
      kind: 'audit',
      severity: 'info',
      at,
      docType: 'waste',
      docId: purpose.docId,
      message: `photo attached to waste ${purpose.docNumber}`,
      data: { action: 'photo', fileHash: hash },
      terminalId: purpose.terminalId,
      updatedAt: at,
    });
  }

  private async summaries(): Promise<QueuedFileSummary[]> {
    if (!this.waiting) {
      const keys = await this.store.files.orderBy('queuedAt').primaryKeys();
      const stored = await this.store.files.bulkGet(keys);
      this.waiting ??= stored.flatMap((file) => {
        if (!file) return [];
        const { bytes: _bytes, ...summary } = file;
        return [summary];
      });
    }
    return this.waiting;
  }

  private publish(): void {
    this.onChange((this.waiting ?? []).map((summary) => ({ ...summary })));
  }
}
