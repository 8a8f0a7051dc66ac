// What the endpoint accepts and keeps as files (SYNC-PROTOCOL.md v1.1, Files): content types from
// an allowlist, a storage quota per site, and removal of files no document names after a grace
// period.
import { ConfigError } from './errors.js';
import type { Storage } from './storage/types.js';

export interface FileLimits {
  /** Bytes of files one site may hold (each file counted once per site that uploaded it). */
  quotaBytes: number;
  /** How long a file no document names is kept: its uploader pushes the naming document after the upload. */
  graceMs: number;
  /** How often files past their grace period are looked for. */
  sweepMs: number;
}

const HOUR_MS = 3_600_000;

/**
 * 2 GiB a site: a store's certificates and waste photos (a few hundred KiB each) for years,
 * while one site alone cannot fill the endpoint's disk. An operator changes it with
 * LARDER_FILE_QUOTA_BYTES.
 */
export const DEFAULT_FILE_LIMITS: Readonly<FileLimits> = { quotaBytes: 2 * 1024 ** 3, graceMs: 7 * 24 * HOUR_MS, sweepMs: HOUR_MS };

function envWhole(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  if (!/^\d{1,15}$/.test(v)) throw new ConfigError(`${name} must be a whole number, not ${JSON.stringify(v)}`);
  return Number(v);
}

/** The limits with LARDER_FILE_QUOTA_BYTES, LARDER_FILE_GRACE_MS and LARDER_FILE_SWEEP_MS applied, then `over`. */
export function fileLimits(over: Partial<FileLimits> = {}, env: NodeJS.ProcessEnv = process.env): FileLimits {
  const quotaBytes = over.quotaBytes ?? envWhole(env, 'LARDER_FILE_QUOTA_BYTES') ?? DEFAULT_FILE_LIMITS.quotaBytes;
  const graceMs = over.graceMs ?? envWhole(env, 'LARDER_FILE_GRACE_MS') ?? DEFAULT_FILE_LIMITS.graceMs;
  // A short grace needs sweeps at least as often, or files outlive it by up to an hour.
  const sweepMs = over.sweepMs ?? envWhole(env, 'LARDER_FILE_SWEEP_MS') ?? Math.max(1000, Math.min(DEFAULT_FILE_LIMITS.sweepMs, graceMs));
  return { quotaBytes, graceMs, sweepMs: Math.max(10, sweepMs) };
}

/**
 * Types served as they were uploaded. Not SVG (it runs scripts), not HTML, text or JSON: a blob
 * opened in the endpoint's origin must never be a page. Anything else is kept as bytes.
 */
const ALLOWED_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/heic',
  'image/bmp',
  'application/pdf',
]);
export const OPAQUE_TYPE = 'application/octet-stream';

/** The content type a file is stored and served with, from what the uploader sent. */
export function allowedContentType(sent: string | undefined): string {
  const type = (sent ?? '').split(';')[0]!.trim().toLowerCase();
  return ALLOWED_TYPES.has(type) ? type : OPAQUE_TYPE;
}

/** Only images are shown inline; everything else (PDF included) downloads. */
export function servedInline(type: string): boolean {
  return type.startsWith('image/') && ALLOWED_TYPES.has(type);
}

/** Removes files past their grace period, on a timer; every endpoint process may run one (the sweep is idempotent). */
export class FileSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly storage: Storage,
    private readonly limits: FileLimits,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.limits.sweepMs);
    this.timer.unref();
  }

  async sweep(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      return await this.storage.sweepFiles(Date.now() - this.limits.graceMs);
    } catch {
      // The storage closing under a shutdown, or a lost connection: the next tick tries again.
      return 0;
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
