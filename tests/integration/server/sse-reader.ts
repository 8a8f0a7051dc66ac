// Reads the endpoint's SSE stream with fetch, as the terminals do (the token travels in a header).
import type { Doc } from './helpers';
import { streamVersionsHeader, type TerminalVersion } from './terminal-version';

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads an SSE stream with fetch, as the terminals do (the token travels in a header). */
export class SseReader {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  closed = false;
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];

  /** An answer other than 200 keeps its JSON body in `refusal`. */
  refusal: { error?: string; message?: string; details?: unknown } | null = null;

  static async open(url: string, token: string, version: TerminalVersion = 'current'): Promise<SseReader & { status: number }> {
    const reader = new SseReader();
    const res = await fetch(`${url}/api/v1/sync/stream`, {
      headers: { authorization: `Bearer ${token}`, ...streamVersionsHeader(version) },
      signal: reader.controller.signal,
    });
    const out = Object.assign(reader, { status: res.status });
    if (res.status === 200 && res.body) void reader.consume(res.body);
    else {
      reader.closed = true;
      reader.refusal = (await res.json()) as { error?: string; message?: string; details?: unknown };
    }
    return out;
  }

  private async consume(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value: chunk } = await reader.read();
        if (done) break;
        buffer += decoder.decode(chunk, { stream: true });
        let idx: number;
        while ((idx = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
            else if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trim());
          }
          if (data.length > 0) this.events.push({ event, data: data.join('\n') });
          this.wake();
        }
      }
    } catch {
      // aborted or reset: treated like an end of stream
    }
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  changes(): { collection: string; documents: Doc[]; checkpoint: string }[] {
    return this.events
      .filter((e) => e.event === 'change')
      .map((e) => JSON.parse(e.data) as { collection: string; documents: Doc[]; checkpoint: string });
  }

  async waitFor(pred: (r: SseReader) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred(this)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SSE condition not met within ${timeoutMs} ms (${this.events.length} events, closed=${this.closed})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}
