// Hour-based shelf life keeps its instant (DOMAIN.md "Site time"): a batch whose shelf life ends
// at 00:00 at the site is expired from 00:00, never "near expiry" all that day; the day it is
// dated by is the site's, whatever the computer's zone (site-time-tz.test.ts runs this under several).
import { describe, expect, it } from 'vitest';
import { computeExpiry, expiryStatus, isExpired, postProductionRun, siteInstant } from '../../../shared/domain';
import type { ProductionRunDoc } from '../../../shared/schemas';
import { KITCHEN, batch, doc, ledgerWith, ok, perishable } from './fixtures';

describe('an expiry with hours', () => {
  const salad = perishable('salad', 0, { shelfLifeHours: 12, nearExpiryDays: 1 });

  it('ending at midnight is expired from that midnight, by date as well as by instant', () => {
    const producedAt = siteInstant('2026-12-06', '12:00', 'Asia/Shanghai'); // noon → 00:00 on 12-07
    const expiry = computeExpiry(salad, '2026-12-06', producedAt);
    expect(expiry).toEqual({ expiryDate: '2026-12-06', expiresAt: siteInstant('2026-12-07', '00:00', 'Asia/Shanghai') });
    const made = batch('h', 'salad', expiry);
    expect(expiryStatus(made, salad, '2026-12-06', siteInstant('2026-12-06', '23:30', 'Asia/Shanghai'))).toBe('near-expiry');
    expect(expiryStatus(made, salad, '2026-12-07', siteInstant('2026-12-07', '00:00', 'Asia/Shanghai'))).toBe('expired');
    expect(expiryStatus(made, salad, '2026-12-07', siteInstant('2026-12-07', '00:30', 'Asia/Shanghai'))).toBe('expired');
    // A screen that only knows the date still says expired on 12-07.
    expect(expiryStatus(made, salad, '2026-12-07')).toBe('expired');
  });

  it('is expired from its instant within the day', () => {
    const made = batch('h', 'salad', computeExpiry(salad, '2026-12-06', siteInstant('2026-12-06', '22:00', 'Asia/Shanghai')));
    expect(made.expiryDate).toBe('2026-12-07'); // usable until 10:00 on 12-07
    expect(isExpired(made, '2026-12-07', siteInstant('2026-12-07', '09:59', 'Asia/Shanghai'))).toBe(false);
    expect(isExpired(made, '2026-12-07', siteInstant('2026-12-07', '10:00', 'Asia/Shanghai'))).toBe(true);
  });

  it('is dated by the site zone', () => {
    const producedAt = siteInstant('2026-12-06', '12:00', 'Europe/London');
    expect(computeExpiry(salad, '2026-12-06', producedAt, 'Europe/London').expiryDate).toBe('2026-12-06');
    // The same instant (00:00 London) is 08:00 on 12-07 in Shanghai.
    expect(computeExpiry(salad, '2026-12-06', producedAt, 'Asia/Shanghai').expiryDate).toBe('2026-12-07');
  });
});

describe('a production run at a site outside the default zone', () => {
  it("dates an hour shelf life's expiry by the kitchen's own zone, not Shanghai's", () => {
    const lettuce = perishable('lettuce', 5);
    const salad = perishable('salad', 0, { shelfLifeHours: 12, recipe: { outputQty: 1, lines: [{ productId: 'lettuce', qty: 1 }] } });
    // 12:00 in London: usable until 00:00 London (08:00 next day in Shanghai).
    const at = siteInstant('2026-12-06', '12:00', 'Europe/London');
    const ledger = ledgerWith([salad, lettuce], [batch('l1', 'lettuce', { expiryDate: '2026-12-10' })], [{ batchId: 'l1', qty: 50 }]);
    const run = doc<ProductionRunDoc>({
      type: 'production-run',
      siteId: KITCHEN,
      businessDate: '2026-12-06',
      at,
      outputProductId: 'salad',
      outputQty: 5,
      outputBatchId: 'salad-1',
      outputLotCode: 'S1',
      lines: [],
    });
    expect(ok(postProductionRun(run, ledger)).batches[0]?.expiryDate).toBe('2026-12-07'); // no zone known: Shanghai's day
    ledger.upsertSite({ id: KITCHEN, timeZone: 'Europe/London' });
    const made = ok(postProductionRun(run, ledger)).batches[0];
    expect(made).toMatchObject({ expiryDate: '2026-12-06', expiresAt: siteInstant('2026-12-07', '00:00', 'Europe/London') });
  });
});
