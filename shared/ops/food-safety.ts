/**
 * Quarantine and temperature control (issue 6). Batches without a certificate can be held at
 * `pending` until one is attached; a temperature reading outside its storage area's range raises
 * an alert and quarantines the batches stored there.
 *
 * Schema gaps worked around here: the site option lives in the free-form `site-policy` config
 * value (`holdBatchesWithoutCertificate`, `temperatureRanges`), and storage areas are passed in
 * (there is no collection for them). A batch's `qcStatus` is one value for every site and only its
 * site of origin may write it, so for batches another site created this returns events addressed
 * to that site instead of updates.
 */
import { derivedId, QTY_EPSILON, roundQty, type StockPosition } from '../domain';
import type { BatchDoc, ConfigDoc, EventDoc, ProductDoc, StorageClass } from '../schemas';

/** Product storage classes plus hot-holding (保温) areas, which hold cooked food, not stock. */
export type AreaClass = StorageClass | 'hot-holding';

export interface TemperatureRange {
  minC?: number;
  maxC?: number;
}

export const defaultTemperatureRanges: Readonly<Record<AreaClass, TemperatureRange>> = {
  ambient: {},
  chilled: { minC: 0, maxC: 4 },
  frozen: { maxC: -18 },
  'hot-holding': { minC: 60 },
};

export interface FoodSafetyOptions {
  holdBatchesWithoutCertificate: boolean;
  temperatureRanges: Readonly<Record<AreaClass, TemperatureRange>>;
}

function readRange(value: unknown, fallback: TemperatureRange): TemperatureRange {
  if (typeof value !== 'object' || value === null) return fallback;
  const record = value as Record<string, unknown>;
  const range: TemperatureRange = {};
  if (typeof record.minC === 'number') range.minC = record.minC;
  if (typeof record.maxC === 'number') range.maxC = record.maxC;
  return range;
}

/** Reads the options from a `site-policy` config document, falling back to the defaults. */
export function foodSafetyOptionsFromConfig(config: ConfigDoc | undefined): FoodSafetyOptions {
  const value = config?.key === 'site-policy' ? config.value : {};
  const ranges = (typeof value.temperatureRanges === 'object' && value.temperatureRanges !== null ? value.temperatureRanges : {}) as Record<
    string,
    unknown
  >;
  const temperatureRanges = { ...defaultTemperatureRanges };
  for (const areaClass of Object.keys(defaultTemperatureRanges) as AreaClass[]) {
    temperatureRanges[areaClass] = readRange(ranges[areaClass], defaultTemperatureRanges[areaClass]);
  }
  return { holdBatchesWithoutCertificate: value.holdBatchesWithoutCertificate === true, temperatureRanges };
}

export interface CertificateReview {
  /** Released batches without a certificate: set to `pending` (held out of every selection). */
  toHold: BatchDoc[];
  /** Pending batches that now carry a certificate: set to `released`. */
  toRelease: BatchDoc[];
}

/**
 * Which of the site's own batches (those it writes) the certificate rule holds or releases.
 * `quarantined` and `rejected` batches are left alone: they were held for another reason.
 */
export function reviewCertificates(
  batches: Iterable<BatchDoc>,
  siteId: string,
  options: Pick<FoodSafetyOptions, 'holdBatchesWithoutCertificate'>,
): CertificateReview {
  const toHold: BatchDoc[] = [];
  const toRelease: BatchDoc[] = [];
  for (const batch of batches) {
    if (batch.siteId !== siteId) continue;
    const certified = batch.certificateHashes.length > 0;
    if (options.holdBatchesWithoutCertificate && !certified && batch.qcStatus === 'released') toHold.push(batch);
    else if (certified && batch.qcStatus === 'pending') toRelease.push(batch);
  }
  return { toHold, toRelease };
}

/** The batch documents to write for a certificate review. */
export function certificateBatchUpdates(review: CertificateReview, at: string): BatchDoc[] {
  return [
    ...review.toHold.map((batch): BatchDoc => ({ ...batch, qcStatus: 'pending', updatedAt: at })),
    ...review.toRelease.map((batch): BatchDoc => ({ ...batch, qcStatus: 'released', updatedAt: at })),
  ];
}

export interface StorageArea {
  id: string;
  siteId: string;
  name: string;
  areaClass: AreaClass;
}

export interface TemperatureReading {
  areaId: string;
  celsius: number;
  at: string;
  terminalId?: string;
}

export type ReadingStatus = 'ok' | 'too-warm' | 'too-cold';

export function checkReading(celsius: number, range: TemperatureRange): ReadingStatus {
  if (range.maxC !== undefined && celsius > range.maxC) return 'too-warm';
  if (range.minC !== undefined && celsius < range.minC) return 'too-cold';
  return 'ok';
}

export interface AffectedBatch {
  batchId: string;
  productId: string;
  qty: number;
  /** Site that created the batch; only it may change `qcStatus`. */
  originSiteId: string;
}

export interface TemperatureOutcome {
  status: ReadingStatus;
  range: TemperatureRange;
  /** The reading itself, then (out of range) one alert naming the batches to quarantine. */
  events: EventDoc[];
  affected: AffectedBatch[];
  /** `quarantined` batch documents the reading site may write (batches it created). */
  batchUpdates: BatchDoc[];
}

export interface TemperatureInputs {
  reading: TemperatureReading;
  area: StorageArea;
  options: Pick<FoodSafetyOptions, 'temperatureRanges'>;
  /** Stock positions (any sites); those of the area's site with on-hand > 0 count. */
  positions: Iterable<StockPosition>;
  lookup: { batch(id: string): BatchDoc | undefined; product(id: string): ProductDoc | undefined };
}

/**
 * Logs a reading; out of range, lists the batches stored in that area (products of the area's
 * storage class with stock at the site) and builds their quarantine. Hot-holding areas hold no
 * stocked batches, so they alert without quarantining.
 */
export function handleTemperatureReading(inputs: TemperatureInputs): TemperatureOutcome {
  const { reading, area } = inputs;
  const range = inputs.options.temperatureRanges[area.areaClass];
  const status = checkReading(reading.celsius, range);
  const stamp = {
    siteId: area.siteId,
    at: reading.at,
    updatedAt: reading.at,
    ...(reading.terminalId === undefined ? {} : { terminalId: reading.terminalId }),
  };
  const events: EventDoc[] = [
    {
      id: derivedId('temperature', area.siteId, area.id, reading.at),
      kind: 'temperature',
      severity: status === 'ok' ? 'info' : 'error',
      message: `${area.name}: ${reading.celsius} °C (${status})`,
      data: { areaId: area.id, areaClass: area.areaClass, celsius: reading.celsius, status, ...range },
      ...stamp,
    },
  ];
  if (status === 'ok') return { status, range, events, affected: [], batchUpdates: [] };

  const affected: AffectedBatch[] = [];
  const batchUpdates: BatchDoc[] = [];
  for (const position of inputs.positions) {
    if (position.siteId !== area.siteId || position.qty <= QTY_EPSILON) continue;
    const product = inputs.lookup.product(position.productId);
    const batch = inputs.lookup.batch(position.batchId);
    if (!product || !batch || product.storageClass !== area.areaClass) continue;
    affected.push({ batchId: batch.id, productId: product.id, qty: roundQty(position.qty), originSiteId: batch.siteId });
    if (batch.siteId === area.siteId && batch.qcStatus !== 'quarantined' && batch.qcStatus !== 'rejected') {
      batchUpdates.push({ ...batch, qcStatus: 'quarantined', updatedAt: reading.at });
    }
  }
  affected.sort((a, b) => (a.batchId < b.batchId ? -1 : 1));
  events.push({
    id: derivedId('temperature-alert', area.siteId, area.id, reading.at),
    kind: 'temperature',
    severity: 'error',
    message: `${area.name} out of range at ${reading.celsius} °C: ${affected.length} batches to quarantine`,
    data: { areaId: area.id, celsius: reading.celsius, status, batchIds: affected.map((entry) => entry.batchId), ...range },
    ...stamp,
  });
  // Batches created elsewhere: ask their origin site to quarantine them (single-writer batches).
  const foreignOrigins = new Set(affected.filter((entry) => entry.originSiteId !== area.siteId).map((entry) => entry.originSiteId));
  for (const origin of [...foreignOrigins].sort()) {
    const batchIds = affected.filter((entry) => entry.originSiteId === origin).map((entry) => entry.batchId);
    events.push({
      id: derivedId('temperature-quarantine-request', area.siteId, area.id, reading.at, origin),
      kind: 'temperature',
      severity: 'error',
      toSiteId: origin,
      message: `${area.name} at ${area.siteId} read ${reading.celsius} °C: please quarantine ${batchIds.length} of your batches`,
      data: { areaId: area.id, celsius: reading.celsius, batchIds },
      ...stamp,
    });
  }
  return { status, range, events, affected, batchUpdates };
}
