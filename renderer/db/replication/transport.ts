// HTTP to the endpoint with the protocol's retry rule: exponential backoff with full jitter on
// 429 (honouring Retry-After), 5xx and network failure; queued writes are never dropped, the
// caller simply waits. Other 4xx answers are final and surface as SyncHttpError.

export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface TransportEvents {
  /** A request reached the endpoint (whatever it answered). */
  onReachable(): void;
  /** A request could not reach the endpoint, or it is overloaded; `attempt` counts from 1. */
  onUnreachable(reason: string, attempt: number): void;
}

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  random(): number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 500, capMs: 30_000, random: Math.random };

/** Full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^attempt)]. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, retryAfterSeconds?: number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = policy.random() * ceiling;
  return retryAfterSeconds !== undefined ? Math.max(retryAfterSeconds * 1000, jittered) : jittered;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });

/**
 * A request with no complete answer after this long is abandoned and retried. Without it, a
 * connection left half-open (a NAT or Wi-Fi drop, a proxy that swallows the answer) hangs the
 * request forever — and with it that collection's replication, and, once the browser's six
 * connections per host are all hung, every request to the endpoint.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

export class SyncTransport {
  constructor(
    readonly endpointUrl: string,
    private readonly token: string,
    private readonly events: TransportEvents,
    private readonly backoff: BackoffPolicy = defaultBackoff,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, ...extra };
  }

  /** Raw fetch for the stream: no retry here, the stream reconnects itself. */
  open(path: string, init: RequestInit = {}): Promise<Response> {
    return this.fetchImpl(`${this.endpointUrl}${path}`, { ...init, headers: this.headers(init.headers as Record<string, string>) });
  }

  async json<T>(path: string, init: RequestInit = {}, signal?: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(this.timeoutMs);
      const requestSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let response: Response;
      let body: unknown;
      try {
        response = await this.open(path, { ...init, signal: requestSignal, cache: 'no-store' });
        // The body is read under the same deadline: an answer can stall half-way too.
        body = response.ok ? await response.json() : await response.json().catch(() => ({}));
      } catch (error) {
        if (signal?.aborted) throw error;
        const reason = timeout.aborted
          ? `no answer within ${this.timeoutMs / 1000} s`
          : error instanceof Error
            ? error.message
            : String(error);
        this.events.onUnreachable(reason, attempt);
        await sleep(backoffDelay(attempt, this.backoff), signal);
        continue;
      }
      this.events.onReachable();
      if (response.ok) return body as T;
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
        this.events.onUnreachable(`HTTP ${response.status}`, attempt);
        await sleep(backoffDelay(attempt, this.backoff, Number.isFinite(retryAfter) ? retryAfter : undefined), signal);
        continue;
      }
      // A non-JSON error page (a proxy) leaves `body` empty; the status says enough.
      const error = body as { error?: string; message?: string; details?: unknown };
      throw new SyncHttpError(response.status, error.error ?? 'http-error', error.message ?? `HTTP ${response.status}`, error.details);
    }
  }
}
