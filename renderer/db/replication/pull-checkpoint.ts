// The pull checkpoint records the data version its documents were pulled at. A terminal upgraded
// in place (same local store, newer app) holds copies the endpoint projected to its old version
// (SYNC-PROTOCOL.md, Schema evolution): a dispatch without its requestIds, lines without their
// pack units. Its checkpoint is past them, so an ordinary pull would never bring them again; when
// the version it speaks now declares fields the old one did not, that collection is pulled again
// from the start, once — the first page answered carries the new version.
import type { CollectionName } from '../../../shared/schemas';
import { declaresMoreFields } from '../../../shared/schemas/versions';

/** RxDB keeps checkpoints as objects (a bare string is stored spread into {"0": …}). */
export interface WireCheckpoint {
  /** The endpoint's opaque checkpoint; absent before the first document. */
  token: string | undefined;
  /**
   * The data version the documents up to `token` were pulled at. Absent on checkpoints written
   * before it was recorded: those were pulled at version 0, the only version the first release
   * spoke (a current terminal's documents are pulled again once, which costs it one re-pull).
   */
  schemaVersion?: number;
}

/** The data version the first release pulled at, without saying so. */
const UNRECORDED_VERSION = 0;

/** Where a pull speaking `version` starts: the checkpoint's token, or the start when its copies lack fields. */
export function pullStart(collection: CollectionName, checkpoint: WireCheckpoint | undefined, version: number): string | undefined {
  if (!checkpoint) return undefined;
  const pulledAt = checkpoint.schemaVersion ?? UNRECORDED_VERSION;
  return declaresMoreFields(collection, pulledAt, version) ? undefined : checkpoint.token;
}

/** The checkpoint to store after a pull (or a stream event) answered at `version`. */
export function pulledCheckpoint(token: string | undefined, version: number): WireCheckpoint {
  return { token, schemaVersion: version };
}
