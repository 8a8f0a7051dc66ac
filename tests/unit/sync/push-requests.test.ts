import { describe, expect, it } from 'vitest';
import { requestsUnderLimit } from '../../../renderer/db/replication';

const row = (id: string, size: number) => ({ newDocumentState: { id, note: '盘'.repeat(size) } });

describe('push requests under the body limit', () => {
  it('keeps every row once, in order, and each body under the limit in bytes (not characters)', () => {
    const rows = Array.from({ length: 40 }, (_, n) => row(`r${n}`, n % 5 === 0 ? 3_000 : 50));
    const requests = requestsUnderLimit(rows, 20_000);
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.flatMap((r) => r.rows)).toEqual(rows);
    for (const request of requests) {
      expect(new TextEncoder().encode(request.body).length).toBeLessThanOrEqual(20_000);
      expect(JSON.parse(request.body)).toEqual(request.rows);
    }
  });

  it('sends a batch well under the limit as one request with one body', () => {
    const rows = Array.from({ length: 500 }, (_, n) => row(`r${n}`, 10));
    const requests = requestsUnderLimit(rows, 4 * 1024 * 1024);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.rows).toEqual(rows);
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual(rows);
    expect(requestsUnderLimit([], 1_000)).toEqual([]);
  });

  it('sends a row larger than the limit alone, so the endpoint can say it is too large', () => {
    const requests = requestsUnderLimit([row('small', 1), row('huge', 10_000), row('after', 1)], 5_000);
    expect(requests.map((r) => r.rows.map((x) => x.newDocumentState.id))).toEqual([['small'], ['huge'], ['after']]);
  });
});
