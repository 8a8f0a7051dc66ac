import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../shared/domain';
import type { ConfigDoc } from '../../../shared/schemas';
import {
  certificateBatchUpdates,
  checkReading,
  defaultTemperatureRanges,
  foodSafetyOptionsFromConfig,
  handleTemperatureReading,
  reviewCertificates,
  type StorageArea,
} from '../../../shared/ops/food-safety';
import { batch, KITCHEN, movement, product, STORE, T0 } from './fixtures';

describe('certificate hold', () => {
  const batches = [
    batch('no-cert', 'p', { siteId: STORE, qcStatus: 'released' }),
    batch('with-cert', 'p', { siteId: STORE, qcStatus: 'pending', certificateHashes: ['ab'] }),
    batch('pending-no-cert', 'p', { siteId: STORE, qcStatus: 'pending' }),
    batch('quarantined', 'p', { siteId: STORE, qcStatus: 'quarantined', certificateHashes: ['ab'] }),
    batch('kitchen-no-cert', 'p', { siteId: KITCHEN, qcStatus: 'released' }),
  ];

  it('holds released batches without certificate only when the site asks; releases pending ones with one', () => {
    const on = reviewCertificates(batches, STORE, { holdBatchesWithoutCertificate: true });
    expect([on.toHold.map((b) => b.id), on.toRelease.map((b) => b.id)]).toEqual([['no-cert'], ['with-cert']]);
    const off = reviewCertificates(batches, STORE, { holdBatchesWithoutCertificate: false });
    expect([off.toHold.map((b) => b.id), off.toRelease.map((b) => b.id)]).toEqual([[], ['with-cert']]);
    expect(certificateBatchUpdates(on, '2025-03-02T00:00:00.000Z').map((b) => [b.id, b.qcStatus, b.updatedAt])).toEqual([
      ['no-cert', 'pending', '2025-03-02T00:00:00.000Z'],
      ['with-cert', 'released', '2025-03-02T00:00:00.000Z'],
    ]);
  });

  it('reads the option and ranges from the site-policy config, defaults otherwise', () => {
    const config: ConfigDoc = {
      id: 'c',
      key: 'site-policy',
      siteId: STORE,
      value: { holdBatchesWithoutCertificate: true, temperatureRanges: { chilled: { minC: 1, maxC: 5 } } },
      updatedAt: T0,
    };
    const options = foodSafetyOptionsFromConfig(config);
    expect(options.holdBatchesWithoutCertificate).toBe(true);
    expect(options.temperatureRanges.chilled).toEqual({ minC: 1, maxC: 5 });
    expect(options.temperatureRanges.frozen).toEqual({ maxC: -18 });
    expect(foodSafetyOptionsFromConfig(undefined)).toEqual({
      holdBatchesWithoutCertificate: false,
      temperatureRanges: defaultTemperatureRanges,
    });
  });
});

describe('temperature readings', () => {
  it('checks the default ranges at their edges', () => {
    const r = defaultTemperatureRanges;
    expect([checkReading(0, r.chilled), checkReading(4, r.chilled), checkReading(4.1, r.chilled), checkReading(-0.5, r.chilled)]).toEqual([
      'ok',
      'ok',
      'too-warm',
      'too-cold',
    ]);
    expect([
      checkReading(-18, r.frozen),
      checkReading(-17.9, r.frozen),
      checkReading(60, r['hot-holding']),
      checkReading(59, r['hot-holding']),
    ]).toEqual(['ok', 'too-warm', 'ok', 'too-cold']);
  });

  const milk = product('milk', { storageClass: 'chilled' });
  const beef = product('beef', { storageClass: 'frozen' });
  const ledger = Ledger.fromMovements(
    {
      products: [milk, beef],
      batches: [
        batch('milk-own', 'milk', { siteId: STORE }),
        batch('milk-kitchen', 'milk', { siteId: KITCHEN }),
        batch('milk-gone', 'milk', { siteId: STORE }),
        batch('beef-1', 'beef', { siteId: STORE }),
      ],
    },
    [
      movement({ siteId: STORE, productId: 'milk', batchId: 'milk-own', qty: 6, kind: 'receipt' }),
      movement({ siteId: STORE, productId: 'milk', batchId: 'milk-kitchen', qty: 4, kind: 'dispatch-in' }),
      movement({ siteId: STORE, productId: 'milk', batchId: 'milk-gone', qty: 0, kind: 'receipt' }),
      movement({ siteId: STORE, productId: 'beef', batchId: 'beef-1', qty: 9, kind: 'receipt' }),
      movement({ siteId: KITCHEN, productId: 'milk', batchId: 'milk-kitchen', qty: 50, kind: 'receipt' }),
    ],
  );
  const fridge: StorageArea = { id: 'fridge-1', siteId: STORE, name: '冷藏柜1', areaClass: 'chilled' };
  const inputs = (celsius: number) => ({
    reading: { areaId: 'fridge-1', celsius, at: '2025-03-01T12:00:00.000Z', terminalId: 'term-1' },
    area: fridge,
    options: { temperatureRanges: defaultTemperatureRanges },
    positions: ledger.positions(),
    lookup: ledger,
  });

  it('an in-range reading is logged and nothing else', () => {
    const outcome = handleTemperatureReading(inputs(3));
    expect(outcome).toMatchObject({ status: 'ok', affected: [], batchUpdates: [] });
    expect(outcome.events).toHaveLength(1);
    expect(outcome.events[0]).toMatchObject({ kind: 'temperature', severity: 'info', message: '冷藏柜1: 3 °C (ok)' });
  });

  it('out of range: alert, the chilled batches with stock at this site, quarantine of own batches, request to the origin of others', () => {
    const outcome = handleTemperatureReading(inputs(9));
    expect(outcome.status).toBe('too-warm');
    expect(outcome.affected).toEqual([
      { batchId: 'milk-kitchen', productId: 'milk', qty: 4, originSiteId: KITCHEN },
      { batchId: 'milk-own', productId: 'milk', qty: 6, originSiteId: STORE },
    ]);
    expect(outcome.batchUpdates.map((b) => [b.id, b.qcStatus])).toEqual([['milk-own', 'quarantined']]);
    expect(outcome.events.map((e) => [e.kind, e.severity, e.toSiteId, e.message])).toEqual([
      ['temperature', 'error', undefined, '冷藏柜1: 9 °C (too-warm)'],
      ['temperature', 'error', undefined, '冷藏柜1 out of range at 9 °C: 2 batches to quarantine'],
      ['temperature', 'error', KITCHEN, `冷藏柜1 at ${STORE} read 9 °C: please quarantine 1 of your batches`],
    ]);
    // Deterministic ids: the same reading synced from two terminals is one event.
    expect(handleTemperatureReading(inputs(9)).events.map((e) => e.id)).toEqual(outcome.events.map((e) => e.id));
  });
});
