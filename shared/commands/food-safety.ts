// Food safety (DOMAIN.md: quarantined batches are held out of every selection until released):
// QC holds and releases with their audit trail, the certificate hold rule, temperature readings,
// markdown notes and the once-a-day near-expiry notice. Batches are written only by the site that
// created them; the executor's write guard refuses anything else.
import { QTY_EPSILON, UnknownReferenceError, ValidationError } from '../domain';
import { markdownEvent } from '../ops/expiry-actions';
import {
  buildExpiryBoard,
  dailyExpiryNotice,
  expiryNoticeEvent,
  expiryNoticeKey,
  type ExpiryBoardLine,
  type ExpiryNotice,
} from '../ops/expiry-board';
import {
  certificateBatchUpdates,
  foodSafetyOptionsFromConfig,
  handleTemperatureReading,
  reviewCertificates,
  type StorageArea,
} from '../ops/food-safety';
import type { BatchDoc, ConfigDoc, EventDoc, QcStatus } from '../schemas';
import { defineCommand, type CommandContext, type CommandOutcome } from './types';

function qcChange(context: CommandContext, batchId: string, qcStatus: QcStatus, reason: string) {
  const batch = context.ledger.batch(batchId);
  if (!batch) throw new UnknownReferenceError('batches', batchId);
  const trimmed = reason.trim();
  if (!trimmed) throw new ValidationError('reason', 'say why the QC status changes');
  const { stamp } = context;
  const updated: BatchDoc = { ...batch, qcStatus, updatedAt: stamp.at };
  // Who released or held what stays in the audit trail (events are append-only).
  const audit: EventDoc = {
    id: stamp.newId(),
    siteId: stamp.siteId,
    kind: 'audit',
    severity: 'info',
    at: stamp.at,
    productId: batch.productId,
    batchId,
    message: `QC ${batch.qcStatus} → ${qcStatus} for lot ${batch.lotCode}: ${trimmed}`,
    data: {
      action: 'qc-status',
      from: batch.qcStatus,
      to: qcStatus,
      reason: trimmed,
      ...(stamp.operator ? { operator: stamp.operator } : {}),
    },
    terminalId: stamp.terminalId,
    updatedAt: stamp.at,
  };
  return { writes: { batches: [updated], events: [audit] }, result: { lotCode: batch.lotCode } };
}

export const batchHold = defineCommand({
  run(input: { batchId: string; reason: string; status?: 'pending' | 'quarantined' }, context) {
    return qcChange(context, input.batchId, input.status ?? 'pending', input.reason);
  },
});

export const batchRelease = defineCommand({
  run(input: { batchId: string; reason: string }, context) {
    return qcChange(context, input.batchId, 'released', input.reason);
  },
});

function sitePolicy(config: readonly ConfigDoc[], siteId: string): ConfigDoc | undefined {
  return config.find((doc) => doc.key === 'site-policy' && doc.siteId === siteId);
}

/**
 * The certificate hold rule: with the site's policy on, this site's supplier batches in stock
 * without a certificate go to QC pending. Running it again finds nothing more to hold.
 */
export const batchHoldUncertified = defineCommand({
  reads: () => ({ config: true }),
  run(_input: Record<string, never>, { stamp, ledger, config }) {
    const options = foodSafetyOptionsFromConfig(sitePolicy(config, stamp.siteId));
    if (!options.holdBatchesWithoutCertificate) return { result: { held: 0 } };
    const received: BatchDoc[] = [];
    for (const position of ledger.positions()) {
      if (position.siteId !== stamp.siteId || position.qty <= QTY_EPSILON) continue;
      const batch = ledger.batch(position.batchId);
      if (batch?.supplierId !== undefined) received.push(batch);
    }
    const { toHold } = reviewCertificates(received, stamp.siteId, { holdBatchesWithoutCertificate: true });
    const batches = certificateBatchUpdates({ toHold, toRelease: [] }, stamp.at);
    return { writes: { batches }, result: { held: batches.length } };
  },
});

interface ReadingInput {
  area: StorageArea;
  celsius: number;
}

function temperatureOutcome(input: ReadingInput & { at: string }, context: CommandContext) {
  if (!Number.isFinite(input.celsius)) throw new ValidationError('celsius', 'must be a number');
  return handleTemperatureReading({
    reading: { areaId: input.area.id, celsius: input.celsius, at: input.at, terminalId: context.stamp.terminalId },
    area: input.area,
    options: foodSafetyOptionsFromConfig(sitePolicy(context.config, input.area.siteId)),
    positions: context.ledger.positions(),
    lookup: context.ledger,
  });
}

/** Logs a reading; out of range, the alert naming the batches stored there (a fact, whatever is decided next). */
export const temperatureRecord = defineCommand({
  reads: () => ({ config: true }),
  run(input: ReadingInput, context) {
    const outcome = temperatureOutcome({ ...input, at: context.stamp.at }, context);
    const events = outcome.events.filter((event) => event.toSiteId === undefined);
    return { writes: { events }, result: { outcome, readingAt: context.stamp.at } };
  },
});

/** Quarantines what an out-of-range reading named: own batches at once, other sites' by a request to them. */
export const temperatureQuarantine = defineCommand({
  reads: () => ({ config: true }),
  run(input: ReadingInput & { readingAt: string }, context) {
    const outcome = temperatureOutcome({ ...input, at: input.readingAt }, context);
    const requests = outcome.events.filter((event) => event.toSiteId !== undefined);
    return { writes: { batches: outcome.batchUpdates, events: requests }, result: { quarantined: outcome.batchUpdates.length } };
  },
});

/** 打折处理: a markdown note about a near-expiry batch; it moves no stock. */
export const expiryMarkdown = defineCommand({
  run(input: { line: ExpiryBoardLine; discountPct: number; note: string }, { stamp }) {
    if (!(input.discountPct > 0 && input.discountPct < 100)) throw new ValidationError('discountPct', 'must be between 0 and 100');
    const event = markdownEvent(
      input.line,
      { id: stamp.newId(), siteId: stamp.siteId, terminalId: stamp.terminalId, businessDate: stamp.businessDate, at: stamp.at },
      input.discountPct,
      input.note.trim(),
    );
    return { writes: { events: [event] }, result: null };
  },
});

export type NoticeResult = { raised: false } | { raised: true; notice: ExpiryNotice };

/**
 * The once-a-day near-expiry notice (DOMAIN.md, Expiry): an event whose id derives from site and
 * business date, so whichever terminal of the site writes it first raises the notification and
 * every later run that day finds it and stays quiet. HQ holds no stock of its own.
 */
export const expiryNotice = defineCommand({
  reads: (_input: Record<string, never>, stamp) => ({ eventIds: [expiryNoticeKey(stamp.siteId, stamp.businessDate)] }),
  run(_input, { stamp, ledger, events }): CommandOutcome<NoticeResult> {
    const quiet = { result: { raised: false } } as const;
    if (stamp.siteKind === 'hq') return quiet;
    if (events.some((event) => event.id === expiryNoticeKey(stamp.siteId, stamp.businessDate))) return quiet;
    const notice = dailyExpiryNotice(buildExpiryBoard(stamp.siteId, stamp.businessDate, ledger.positions(), ledger, stamp.at));
    if (!notice) return quiet; // nothing to say yet; stock may still be arriving from sync
    return { writes: { events: [expiryNoticeEvent(notice, stamp.at, stamp.terminalId)] }, result: { raised: true, notice } };
  },
});
