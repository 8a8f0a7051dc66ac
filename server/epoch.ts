// The database's epoch (SYNC-PROTOCOL.md, Epochs, backup and restore): an opaque id, new when the
// database is created or restored. A restored database reuses sequence numbers terminals have
// already seen, so a checkpoint names the epoch it was given in, and a checkpoint of another epoch
// is refused instead of silently skipping whatever the restore brought back under old numbers.
import { randomUUID } from 'node:crypto';
import { BadRequestError, EpochChangedError, StorageError } from './errors.js';
import type { Storage } from './storage/types.js';

const EPOCH_KEY = 'epoch';
/** How long a process trusts the epoch it read: `admin epoch new` on a shared PostgreSQL reaches every process within it. */
const EPOCH_TTL_MS = 1000;

export function newEpochId(): string {
  return randomUUID();
}

/** Gives a database made before epochs existed its first one; checkpoints without one are of it. */
export async function ensureEpoch(storage: Storage): Promise<string> {
  return storage.exclusive('epoch', async () => {
    const existing = await storage.getMeta(EPOCH_KEY);
    if (existing !== null) return existing;
    const epoch = newEpochId();
    await storage.setMeta(EPOCH_KEY, epoch);
    return epoch;
  });
}

/** `admin epoch new` and `admin restore`: every terminal's checkpoint becomes one of another epoch. */
export async function startNewEpoch(storage: Storage): Promise<string> {
  const epoch = newEpochId();
  await storage.setMeta(EPOCH_KEY, epoch);
  return epoch;
}

/** The current epoch, read again at most every EPOCH_TTL_MS. */
export class EpochClock {
  private cached: { epoch: string; at: number } | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly ttlMs = EPOCH_TTL_MS,
  ) {}

  async current(): Promise<string> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.epoch;
    const epoch = await this.storage.getMeta(EPOCH_KEY);
    if (epoch === null) throw new StorageError('the database has no epoch');
    this.cached = { epoch, at: now };
    return epoch;
  }
}

const CHECKPOINT = /^(?:([0-9A-Za-z-]{1,64}):)?(\d{1,15})$/;

export function formatCheckpoint(epoch: string, seq: number): string {
  return `${epoch}:${seq}`;
}

/**
 * The sequence a pull resumes after. A checkpoint without an epoch was given by a v1 endpoint and
 * is taken as of the current epoch; one of another epoch is the protocol's 409.
 */
export function parseCheckpoint(value: unknown, currentEpoch: string): number {
  if (value === undefined) return 0;
  const match = typeof value === 'string' ? CHECKPOINT.exec(value) : null;
  if (!match) throw new BadRequestError('checkpoint must be a value this endpoint returned');
  const epoch = match[1];
  if (epoch !== undefined && epoch !== currentEpoch) throw new EpochChangedError(currentEpoch);
  return Number(match[2]);
}
