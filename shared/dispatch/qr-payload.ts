// The dispatch note's QR code (DOMAIN.md, Kitchen → store dispatch): the whole dispatch, so a
// store whose terminal is offline can receive it by scanning. USB scanners type what they read
// as keystrokes, and only ASCII survives every keyboard layout, so the payload is ASCII JSON
// (ids and numbers only; names come from the store's own product list) in base64url, split into
// parts small enough for a reliable scan, each carrying a checksum of the whole.
import { sha1Hex } from '../domain/ids';
import type { LedgerView } from '../domain/ledger-view';
import type { ShipmentDoc } from '../schemas';

export interface DispatchQrLine {
  productId: string;
  batchId: string;
  lotCode: string;
  expiryDate?: string;
  qty: number;
  unitCost: number;
}

export interface DispatchQrPayload {
  dispatchId: string;
  number: string;
  siteId: string;
  toSiteId: string;
  businessDate: string;
  shippedAt: string;
  lines: DispatchQrLine[];
}

export type DispatchQrErrorReason = 'foreign' | 'damaged' | 'incomplete' | 'mixed';

export class DispatchQrError extends Error {
  override readonly name = 'DispatchQrError';
  constructor(
    readonly reason: DispatchQrErrorReason,
    message: string,
    /** For 'incomplete': the 1-based part numbers still to scan. */
    readonly missingParts: number[] = [],
  ) {
    super(message);
  }
}

const prefix = 'LDR1';
/** Characters of payload per QR part: about QR version 20 at level M, easy for a handheld scanner. */
export const partSize = 600;
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function asciiToBase64Url(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN;
    const n = (a << 16) | ((Number.isNaN(b) ? 0 : b) << 8) | (Number.isNaN(c) ? 0 : c);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    if (!Number.isNaN(b)) out += alphabet[(n >> 6) & 63]!;
    if (!Number.isNaN(c)) out += alphabet[n & 63]!;
  }
  return out;
}

function base64UrlToAscii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    const values = [...chunk].map((ch) => alphabet.indexOf(ch));
    if (values.some((v) => v < 0) || chunk.length === 1)
      throw new DispatchQrError('damaged', 'the code contains characters a Larder dispatch code never has');
    const n = ((values[0] ?? 0) << 18) | ((values[1] ?? 0) << 12) | ((values[2] ?? 0) << 6) | (values[3] ?? 0);
    out += String.fromCharCode((n >> 16) & 255);
    if (chunk.length > 2) out += String.fromCharCode((n >> 8) & 255);
    if (chunk.length > 3) out += String.fromCharCode(n & 255);
  }
  return out;
}

type WireLine = [string, string, string, string, number, number];
type Wire = [1, string, string, string, string, string, string, WireLine[]];

/** The QR texts for a dispatch: one per part, printed side by side on the dispatch note. */
export function encodeDispatchQr(payload: DispatchQrPayload): string[] {
  const wire: Wire = [
    1,
    payload.dispatchId,
    payload.number,
    payload.siteId,
    payload.toSiteId,
    payload.businessDate,
    payload.shippedAt,
    payload.lines.map((l) => [l.productId, l.batchId, l.lotCode, l.expiryDate ?? '', l.qty, l.unitCost]),
  ];
  const json = JSON.stringify(wire);
  if (/[^\x20-\x7e]/.test(json)) throw new Error('a dispatch QR carries ASCII ids only');
  const body = asciiToBase64Url(json);
  const checksum = sha1Hex(body).slice(0, 8);
  const total = Math.max(1, Math.ceil(body.length / partSize));
  return Array.from({ length: total }, (_, i) => `${prefix}.${i + 1}/${total}.${checksum}.${body.slice(i * partSize, (i + 1) * partSize)}`);
}

interface ParsedPart {
  index: number;
  total: number;
  checksum: string;
  chunk: string;
}

/** One scanned text → its part, or a typed error saying why it is not one. */
export function parseDispatchQrPart(text: string): ParsedPart {
  const trimmed = text.trim();
  if (!trimmed.startsWith(`${prefix}.`)) throw new DispatchQrError('foreign', 'this is not a Larder dispatch code');
  const match = /^LDR1\.(\d{1,3})\/(\d{1,3})\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/.exec(trimmed);
  if (!match) throw new DispatchQrError('damaged', 'the dispatch code is damaged (its parts could not be read)');
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (index < 1 || index > total) throw new DispatchQrError('damaged', `part ${index} of ${total} cannot exist`);
  return { index, total, checksum: match[3]!, chunk: match[4]! };
}

/** Decodes the scanned parts of one dispatch (any order, duplicates ignored). */
export function decodeDispatchQr(texts: readonly string[]): DispatchQrPayload {
  const parts = texts.map(parseDispatchQrPart);
  const first = parts[0];
  if (!first) throw new DispatchQrError('incomplete', 'scan the dispatch code', [1]);
  if (parts.some((p) => p.checksum !== first.checksum || p.total !== first.total))
    throw new DispatchQrError('mixed', 'these codes belong to different dispatches');
  const byIndex = new Map(parts.map((p) => [p.index, p.chunk]));
  const missing = Array.from({ length: first.total }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) throw new DispatchQrError('incomplete', `scan part ${missing.join(', ')} of ${first.total}`, missing);
  const body = Array.from({ length: first.total }, (_, i) => byIndex.get(i + 1)).join('');
  if (sha1Hex(body).slice(0, 8) !== first.checksum)
    throw new DispatchQrError('damaged', 'the dispatch code is damaged (checksum mismatch); scan it again');
  let wire: unknown;
  try {
    wire = JSON.parse(base64UrlToAscii(body));
  } catch {
    throw new DispatchQrError('damaged', 'the dispatch code is damaged (unreadable content)');
  }
  return fromWire(wire);
}

function fromWire(wire: unknown): DispatchQrPayload {
  const bad = () => new DispatchQrError('damaged', 'the dispatch code is damaged (unexpected content)');
  if (!Array.isArray(wire) || wire[0] !== 1 || wire.length !== 8 || !Array.isArray(wire[7])) throw bad();
  const [, dispatchId, number, siteId, toSiteId, businessDate, shippedAt, lines] = wire as Wire;
  if (![dispatchId, number, siteId, toSiteId, businessDate, shippedAt].every((v) => typeof v === 'string' && v.length > 0)) throw bad();
  return {
    dispatchId,
    number,
    siteId,
    toSiteId,
    businessDate,
    shippedAt,
    lines: lines.map((line) => {
      if (!Array.isArray(line) || line.length !== 6) throw bad();
      const [productId, batchId, lotCode, expiryDate, qty, unitCost] = line;
      if (typeof productId !== 'string' || typeof batchId !== 'string' || typeof lotCode !== 'string' || typeof expiryDate !== 'string')
        throw bad();
      if (typeof qty !== 'number' || !(qty > 0) || typeof unitCost !== 'number' || !(unitCost >= 0)) throw bad();
      return { productId, batchId, lotCode, ...(expiryDate ? { expiryDate } : {}), qty, unitCost };
    }),
  };
}

/** The QR payload of a shipped dispatch: its resolved lines with batch, lot, expiry and cost. */
export function dispatchQrPayload(dispatch: ShipmentDoc, view: Pick<LedgerView, 'batch'>): DispatchQrPayload {
  return {
    dispatchId: dispatch.id,
    number: dispatch.number,
    siteId: dispatch.siteId,
    toSiteId: dispatch.toSiteId,
    businessDate: dispatch.businessDate,
    shippedAt: dispatch.at,
    lines: dispatch.lines.map((line) => {
      const batch = line.batchId === undefined ? undefined : view.batch(line.batchId);
      return {
        productId: line.productId,
        batchId: line.batchId ?? '',
        lotCode: batch?.lotCode ?? line.lotCode ?? '',
        ...(batch?.expiryDate === undefined ? {} : { expiryDate: batch.expiryDate }),
        qty: line.qty,
        unitCost: line.unitCost ?? batch?.unitCost ?? 0,
      };
    }),
  };
}
