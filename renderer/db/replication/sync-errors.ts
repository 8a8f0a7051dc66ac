// How sync failures read to the person at the terminal, and which of them mean "update something".
import type { CollectionName } from '../../../shared/schemas';
import type { SchemaMismatchDetails, UpgradeRequiredDetails } from '../../../shared/protocol';
import { SyncHttpError } from './transport';

export function describeSyncError(error: unknown): string {
  // RxDB hands errors from handlers on as plain JSON ({name, message, stack}) inside its RxError.
  const cause = (error as { parameters?: { errors?: unknown[] } })?.parameters?.errors?.[0] ?? error;
  if (cause instanceof SyncHttpError) {
    if (cause.reason === 'schema-mismatch') {
      const { terminal, server } = (cause.details ?? {}) as Partial<SchemaMismatchDetails>;
      const side = (terminal ?? 0) > (server ?? 0) ? 'the endpoint needs updating' : 'this terminal needs updating';
      return `data format differs (terminal v${terminal}, endpoint v${server}): ${side}`;
    }
    if (cause.reason === 'upgrade-required') {
      const { terminal, minimum } = (cause.details ?? {}) as Partial<UpgradeRequiredDetails>;
      return `this app is too old for the endpoint (data version ${terminal}, oldest accepted ${minimum}): update the app`;
    }
    if (cause.reason === 'revoked')
      return 'this terminal was revoked at HQ: it no longer uploads or receives anything; ask HQ for a new pairing';
    if (cause.status === 401) return 'the endpoint no longer accepts this terminal (token revoked or unknown): pair again in Settings';
    return `${cause.message} (${cause.reason})`;
  }
  const message = (cause as { message?: unknown })?.message;
  return typeof message === 'string' ? message.trim() : String(cause);
}

/** Whether HQ revoked this terminal (SYNC-PROTOCOL.md v1.2: `401 {"error":"revoked"}`). */
export function isRevokedError(error: unknown): boolean {
  const cause = (error as { parameters?: { errors?: unknown[] } })?.parameters?.errors?.[0] ?? error;
  return cause instanceof SyncHttpError && cause.status === 401 && cause.reason === 'revoked';
}

/** Why the endpoint will not sync a collection with this app until one of them is updated. */
export interface VersionProblem {
  /** `update-app`: this app is older than the endpoint's minimum; `update-endpoint`: newer than the endpoint. */
  kind: 'update-app' | 'update-endpoint';
  collection: CollectionName;
  terminal: number;
  /** The endpoint's minimum (update-app) or current version (update-endpoint). */
  endpoint: number;
}

/** The version problem a sync error stands for, if it is one. */
export function versionProblemOf(collection: CollectionName, error: unknown): VersionProblem | null {
  const cause = (error as { parameters?: { errors?: unknown[] } })?.parameters?.errors?.[0] ?? error;
  if (!(cause instanceof SyncHttpError) || cause.status !== 409) return null;
  if (cause.reason === 'upgrade-required') {
    const { terminal, minimum } = (cause.details ?? {}) as Partial<UpgradeRequiredDetails>;
    return { kind: 'update-app', collection, terminal: terminal ?? 0, endpoint: minimum ?? 0 };
  }
  if (cause.reason === 'schema-mismatch') {
    const { terminal, server } = (cause.details ?? {}) as Partial<SchemaMismatchDetails>;
    return {
      kind: (terminal ?? 0) > (server ?? 0) ? 'update-endpoint' : 'update-app',
      collection,
      terminal: terminal ?? 0,
      endpoint: server ?? 0,
    };
  }
  return null;
}
