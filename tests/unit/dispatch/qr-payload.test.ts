import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDispatchQr, DispatchQrError, encodeDispatchQr, partSize, type DispatchQrPayload } from '../../../shared/dispatch/qr-payload';

const payload = (lines: number): DispatchQrPayload => ({
  dispatchId: '7f1c2a9e-0000-4000-8000-000000000001',
  number: 'PS-20261130-K001-001',
  siteId: 'kitchen',
  toSiteId: 'store-renmin',
  businessDate: '2026-11-30',
  shippedAt: '2026-11-30T06:30:00.000Z',
  lines: Array.from({ length: lines }, (_, i) => ({
    productId: `prod-${i}-aaaaaaaaaaaaaaaaaaaaaaaa`,
    batchId: `batch-${i}-bbbbbbbbbbbbbbbbbbbbbbbbbbb`,
    lotCode: `L2026113${i}`,
    ...(i % 2 ? { expiryDate: '2026-12-03' } : {}),
    qty: 1000 + i,
    unitCost: 0.0125 * (i + 1),
  })),
});

describe('dispatch QR payload', () => {
  it('round-trips a dispatch, in any part order', () => {
    const original = payload(30);
    const parts = encodeDispatchQr(original);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= partSize + 24 && /^[\x20-\x7e]+$/.test(p))).toBe(true);
    expect(decodeDispatchQr([...parts].reverse())).toEqual(original);
  });

  it('round-trips arbitrary ASCII ids and quantities (property)', () => {
    const ascii = fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'x') || 'x');
    const line = fc.record({
      productId: ascii,
      batchId: ascii,
      lotCode: ascii,
      qty: fc.double({ min: 0.001, max: 1e6, noNaN: true }),
      unitCost: fc.double({ min: 0, max: 1e4, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), (lines) => {
        const original = { ...payload(0), lines };
        expect(decodeDispatchQr(encodeDispatchQr(original))).toEqual(original);
      }),
      { numRuns: 1000 },
    );
  });

  it('says what is wrong with a foreign, damaged, partial or mixed scan', () => {
    const parts = encodeDispatchQr(payload(30));
    const reason = (texts: string[]) => {
      try {
        decodeDispatchQr(texts);
        return 'decoded';
      } catch (error) {
        return error instanceof DispatchQrError ? `${error.reason}:${error.missingParts.join(',')}` : 'other';
      }
    };
    expect(reason(['6901234567892'])).toBe('foreign:');
    expect(reason([parts[0]!.slice(0, -3) + 'zzz', ...parts.slice(1)])).toBe('damaged:');
    expect(reason([parts[0]!.replace('LDR1.1/', 'LDR1.1')])).toBe('damaged:');
    expect(reason([parts[0]!])).toBe(
      `incomplete:${parts
        .slice(1)
        .map((_, i) => i + 2)
        .join(',')}`,
    );
    expect(reason([parts[0]!, encodeDispatchQr(payload(3))[0]!])).toBe('mixed:');
  });
});
