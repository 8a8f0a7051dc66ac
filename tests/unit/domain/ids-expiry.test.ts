import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { businessDateOf, computeExpiry, derivedId, expiryAlerts, expiryStatus, isExpired, sha1Hex } from '../../../shared/domain';
import { batch, perishable, product } from './fixtures';

describe('deterministic ids', () => {
  it('sha1 matches the standard test vectors', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    for (const text of ['牛奶 1L 批次', 'émoji 🍜', 'x'.repeat(1000)]) {
      expect(sha1Hex(text)).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
    }
  });

  it('derivedId is a stable v5-style UUID that changes with any part', () => {
    const id = derivedId('doc-1', 'movement', 0, 'sale');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedId('doc-1', 'movement', 0, 'sale')).toBe(id);
    expect(derivedId('doc-1', 'movement', 1, 'sale')).not.toBe(id);
    expect(derivedId('doc-10', 'movement', 0, 'sale')).not.toBe(derivedId('doc-1', 'movement0', 0, 'sale'));
  });
});

describe('expiry', () => {
  it('computes expiry from production date and shelf life in days', () => {
    expect(computeExpiry(perishable('milk', 7), '2025-03-01')).toEqual({ expiryDate: '2025-03-08' });
    expect(computeExpiry(perishable('milk', 3), '2024-02-27')).toEqual({ expiryDate: '2024-03-01' }); // leap year
    expect(computeExpiry(product('salt'), '2025-03-01')).toEqual({});
  });

  it('keeps the exact instant for shelf lives in hours, and dates it by the local (UTC+8) day', () => {
    const salad = perishable('salad', 0, { shelfLifeHours: 12 });
    // Made 14:00 local, expires 02:00 local the next day.
    expect(computeExpiry(salad, '2025-03-01', '2025-03-01T06:00:00.000Z')).toEqual({
      expiryDate: '2025-03-02',
      expiresAt: '2025-03-01T18:00:00.000Z',
    });
    // Made 07:30 local (23:30 UTC the day before), 24 h: expires 07:30 local on 2 March.
    const cucumber = perishable('cucumber', 0, { shelfLifeHours: 24 });
    expect(computeExpiry(cucumber, '2025-03-01', '2025-02-28T23:30:00.000Z').expiryDate).toBe('2025-03-02');
  });

  it('reads the business date of an instant in local time (UTC+8)', () => {
    expect(businessDateOf('2025-02-28T23:30:00.000Z')).toBe('2025-03-01');
    expect(businessDateOf('2025-03-01T15:59:59.000Z')).toBe('2025-03-01');
    expect(businessDateOf('2025-03-01T16:00:00.000Z')).toBe('2025-03-02');
    expect(businessDateOf('2025-03-01T16:00:00.000Z', 'UTC')).toBe('2025-03-01');
  });

  it('is ok, near-expiry within the window, and expired only after the expiry date', () => {
    const milk = perishable('milk', 7, { nearExpiryDays: 2 });
    const b = batch('b', 'milk', { expiryDate: '2025-03-10' });
    expect(expiryStatus(b, milk, '2025-03-07')).toBe('ok');
    expect(expiryStatus(b, milk, '2025-03-08')).toBe('near-expiry');
    expect(expiryStatus(b, milk, '2025-03-10')).toBe('near-expiry'); // usable on its expiry day
    expect(expiryStatus(b, milk, '2025-03-11')).toBe('expired');
    expect(expiryStatus(batch('n', 'salt'), product('salt'), '2030-01-01')).toBe('ok');
    const hourly = batch('h', 'salad', { expiryDate: '2025-03-01', expiresAt: '2025-03-01T18:00:00.000Z' });
    expect(isExpired(hourly, '2025-03-01', '2025-03-01T18:30:00.000Z')).toBe(true);
    expect(isExpired(hourly, '2025-03-01', '2025-03-01T17:30:00.000Z')).toBe(false);
  });

  it('lists near-expiry and expired stock soonest first, skipping empty batches', () => {
    const milk = perishable('milk', 7, { nearExpiryDays: 2 });
    const batches = [
      batch('b1', 'milk', { expiryDate: '2025-03-09' }),
      batch('b2', 'milk', { expiryDate: '2025-03-05' }),
      batch('b3', 'milk', { expiryDate: '2025-03-30' }),
      batch('b4', 'milk', { expiryDate: '2025-03-04' }),
    ];
    const stock = [
      { siteId: 's', productId: 'milk', batchId: 'b1', qty: 5, value: 5 },
      { siteId: 's', productId: 'milk', batchId: 'b2', qty: 3, value: 3 },
      { siteId: 's', productId: 'milk', batchId: 'b3', qty: 9, value: 9 },
      { siteId: 's', productId: 'milk', batchId: 'b4', qty: 0, value: 0 },
    ];
    const lookup = { batch: (id: string) => batches.find((b) => b.id === id), product: () => milk };
    const alerts = expiryAlerts(stock, lookup, '2025-03-07');
    expect(alerts.map((a) => [a.batchId, a.status, a.daysLeft])).toEqual([
      ['b2', 'expired', -2],
      ['b1', 'near-expiry', 2],
    ]);
  });
});

describe('business dates west of UTC and in fixed-offset zones', () => {
  it('agrees with the slow path', () => {
    // Etc/GMT+10 is UTC−10 (POSIX signs are inverted).
    const zones: [string, number][] = [
      ['Etc/GMT+10', -600],
      ['Etc/GMT+5', -300],
      ['UTC', 0],
      ['Asia/Kolkata', 330],
      ['Asia/Shanghai', 480],
      ['Etc/GMT-14', 840],
    ];
    for (const instant of ['2025-03-01T00:00:00.000Z', '2025-03-01T15:59:00Z', '2025-03-01T16:00:00.000Z', '2025-12-31T23:30:00.000Z']) {
      for (const [zone, offset] of zones) {
        const slow = new Date(Date.parse(instant) + offset * 60_000).toISOString().slice(0, 10);
        expect(businessDateOf(instant, zone)).toBe(slow);
      }
    }
    expect(businessDateOf('2025-03-01T06:00:00+08:00')).toBe('2025-03-01');
  });
});
