import type { StorageEvents } from './types.js';

/** Listener lists shared by both adapters; a throwing listener must not break a commit. */
export class StorageEmitter implements StorageEvents {
  private readonly commitListeners = new Set<(maxSeq: number) => void>();
  private readonly revokeListeners = new Set<(terminalId: string) => void>();

  onCommit(listener: (maxSeq: number) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  onRevoke(listener: (terminalId: string) => void): () => void {
    this.revokeListeners.add(listener);
    return () => this.revokeListeners.delete(listener);
  }

  emitCommit(maxSeq: number): void {
    for (const l of this.commitListeners) l(maxSeq);
  }

  emitRevoke(terminalId: string): void {
    for (const l of this.revokeListeners) l(terminalId);
  }
}
