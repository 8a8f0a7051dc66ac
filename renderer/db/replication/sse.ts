// Server-Sent Events over fetch (EventSource cannot send the Authorization header).

export interface SseMessage {
  event: string;
  data: string;
}

/** Incremental SSE parser (WHATWG HTML §9.2): feed text chunks, get complete messages. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const messages: SseMessage[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      if (line === '') {
        if (this.data.length > 0) messages.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue; // comment: keep-alive
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return messages;
  }
}

export class StreamSilentError extends Error {
  override readonly name = 'StreamSilentError';
}

/**
 * Reads a streaming response body until it ends, the signal aborts, or nothing — not even the
 * endpoint's keep-alive comment (every ≤ 25 s, SYNC-PROTOCOL.md) — arrives for `silenceMs`: a
 * connection a NAT or Wi-Fi drop left half-open never ends by itself, and the stream must be
 * reopened (with its RESYNC) instead of waiting forever.
 */
export async function readSse(
  response: Response,
  onMessage: (message: SseMessage) => void,
  signal: AbortSignal,
  silenceMs = 60_000,
  /** Called on every chunk, keep-alive comments included: the endpoint is there and answering. */
  onAlive: () => void = () => undefined,
): Promise<void> {
  if (!response.body) throw new Error('stream response has no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  let silent = false;
  const cancel = () => void reader.cancel().catch(() => undefined);
  let watchdog = setTimeout(() => ((silent = true), cancel()), silenceMs);
  signal.addEventListener('abort', cancel);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (silent) throw new StreamSilentError(`no data from the live stream for ${silenceMs / 1000} s`);
      if (done) return;
      clearTimeout(watchdog);
      watchdog = setTimeout(() => ((silent = true), cancel()), silenceMs);
      onAlive();
      for (const message of parser.push(value)) onMessage(message);
    }
  } finally {
    clearTimeout(watchdog);
    signal.removeEventListener('abort', cancel);
  }
}
