/**
 * Batch documents are reference data written only by their site of origin (ARCHITECTURE.md); the
 * screens check that before calling these. Patches go through RxDB so sync pushes them.
 */
import type { QcStatus } from '../../../shared/schemas';
import type { LarderDatabase } from '../../db/database';

export class BatchNotFoundError extends Error {
  override readonly name = 'BatchNotFoundError';
}

async function batchDocument(db: LarderDatabase, batchId: string) {
  const doc = await db.batches.findOne(batchId).exec();
  if (!doc) throw new BatchNotFoundError(`batch ${batchId} is not in the local store`);
  return doc;
}

export async function setQcStatus(
  db: LarderDatabase,
  batchId: string,
  qcStatus: QcStatus,
  audit: { siteId: string; terminalId: string; reason: string },
): Promise<void> {
  const doc = await batchDocument(db, batchId);
  const at = new Date().toISOString();
  const before = doc.qcStatus;
  await doc.incrementalPatch({ qcStatus, updatedAt: at });
  // Who released or held what stays in the audit trail (events are append-only).
  await db.events.insert({
    id: crypto.randomUUID(),
    siteId: audit.siteId,
    kind: 'audit',
    severity: 'info',
    at,
    productId: doc.productId,
    batchId,
    message: `QC ${before} → ${qcStatus} for lot ${doc.lotCode}: ${audit.reason}`,
    data: { action: 'qc-status', from: before, to: qcStatus, reason: audit.reason },
    terminalId: audit.terminalId,
    updatedAt: at,
  });
}
