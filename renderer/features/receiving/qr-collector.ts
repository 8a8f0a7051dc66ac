// A dispatch note may carry its QR in several parts (LDR1.1/2…, LDR1.2/2…). A USB scanner types
// one part per scan; this collects them until the dispatch is whole.
import {
  DispatchQrError,
  decodeDispatchQr,
  parseDispatchQrPart,
  type DispatchQrErrorReason,
  type DispatchQrPayload,
} from '../../../shared/dispatch/qr-payload';

export type QrScanOutcome =
  | { status: 'complete'; payload: DispatchQrPayload; parts: string[] }
  | { status: 'need-more'; parts: string[]; scanned: number; total: number; next: number }
  | { status: 'error'; parts: string[]; reason: DispatchQrErrorReason; message: string };

/** Looks like a Larder dispatch code (so the scan box treats it as one, not as a number). */
export function isDispatchQrText(text: string): boolean {
  return text.trim().startsWith('LDR');
}

/**
 * Adds one scanned text to the parts collected so far. A part of another dispatch restarts the
 * collection with it (the clerk picked up the next note), a damaged part is dropped and named.
 */
export function collectQrPart(collected: readonly string[], text: string): QrScanOutcome {
  const trimmed = text.trim();
  let part: ReturnType<typeof parseDispatchQrPart>;
  try {
    part = parseDispatchQrPart(trimmed);
  } catch (error) {
    if (error instanceof DispatchQrError) return { status: 'error', parts: [...collected], reason: error.reason, message: error.message };
    throw error;
  }
  const sameDispatch = collected.filter((earlier) => {
    const previous = parseDispatchQrPart(earlier);
    return previous.checksum === part.checksum && previous.total === part.total;
  });
  const parts = sameDispatch.some((earlier) => parseDispatchQrPart(earlier).index === part.index)
    ? sameDispatch
    : [...sameDispatch, trimmed];
  try {
    return { status: 'complete', payload: decodeDispatchQr(parts), parts };
  } catch (error) {
    if (!(error instanceof DispatchQrError)) throw error;
    if (error.reason === 'incomplete') {
      return { status: 'need-more', parts, scanned: parts.length, total: part.total, next: error.missingParts[0] ?? part.total };
    }
    return { status: 'error', parts: [], reason: error.reason, message: error.message };
  }
}
