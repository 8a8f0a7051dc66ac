/**
 * Per-token token bucket. Generous by default (a terminal syncing nine collections bursts a
 * few dozen requests at start-up); `LARDER_RATE_LIMIT` lowers it for tests and operators.
 */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 200 };

/** Accepts `50`, `50/200`, `50,200` or `50:200` (rate per second, then burst); `off` disables. */
export function parseRateLimit(text: string | undefined): RateLimit | null {
  if (text === undefined || text.trim() === '') return DEFAULT_RATE_LIMIT;
  if (/^(off|none|0)$/i.test(text.trim())) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:[/,:]\s*(\d+))?\s*$/.exec(text);
  if (!m) throw new Error(`LARDER_RATE_LIMIT must look like "50/200" (per second / burst), not ${JSON.stringify(text)}`);
  const perSecond = Number(m[1]);
  const burst = m[2] === undefined ? Math.max(1, Math.ceil(perSecond * 4)) : Math.max(1, Number(m[2]));
  return { perSecond, burst };
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit | null,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Seconds to wait before retrying, or 0 when the request may go ahead. */
  take(key: string): number {
    if (!this.limit) return 0;
    const { perSecond, burst } = this.limit;
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: burst, at: t };
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
    b.at = t;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.prune(t);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
  }

  /** Full buckets carry no state worth keeping; dropping them bounds memory. */
  private prune(t: number): void {
    if (!this.limit) return;
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(k);
    }
  }
}
