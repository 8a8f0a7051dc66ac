/**
 * Runtime validation of every IPC payload (pure, no electron import, unit-tested).
 *
 * The renderer is not trusted: TypeScript types vanish at the process boundary, and a
 * compromised or buggy renderer can send anything. Each validator checks types and sizes,
 * rejects unknown keys (a typo such as `pagesize` is a bug, not an option to ignore) and
 * returns a fresh object holding only known fields.
 */
import type { NotifyRequest, PrintPageSize, PrintRequest, SaveFileFilter, SaveFileRequest } from '../../shared/bridge';
import { MAX_URL_LENGTH } from '../../shared/trusted-url';

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const LIMITS = {
  /** Bytes, or UTF-16 code units for text: an Excel export of a chain's year is far below this. */
  saveFileData: 64 * 1024 * 1024,
  fileName: 200,
  filters: 16,
  filterExtensions: 16,
  /** Label sheets embed QR codes as data: URLs, hence generous. */
  printHtml: 20 * 1024 * 1024,
  /** Chromium refuses custom page sizes below ~0.35 mm; labels are never below 10 mm. */
  pageMm: { min: 10, max: 2000 },
  /**
   * Copies of one whole print job. A job is already complete: a label sheet holds one label per
   * unit, a note its pages, so the renderer asks for none today. The cap is for a silent job
   * to a label printer, which has no dialog to stop it: 999 copies of a 40-label sheet would
   * empty dozens of rolls. 20 still covers a note for each van or shelf of a round.
   */
  copies: 20,
  deviceName: 256,
  notifyTitle: 256,
  notifyBody: 4096,
} as const;

const ok = <T>(value: T): Validation<T> => ({ ok: true, value });
const fail = <T>(error: string): Validation<T> => ({ ok: false, error });

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function unknownKey(value: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(value).find((k) => !allowed.includes(k));
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

function isBoundedString(value: unknown, max: number, min = 1): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

/** A bare, portable file name: no folders, no characters Windows refuses, not `.`/`..`. */
export function isSafeFileName(value: unknown): value is string {
  return (
    isBoundedString(value, LIMITS.fileName) &&
    !CONTROL_CHARS.test(value) &&
    !/[<>:"/\\|?*]/.test(value) &&
    value !== '.' &&
    value !== '..' &&
    value.trim() === value
  );
}

function validateFilters(value: unknown): Validation<SaveFileFilter[]> {
  if (!Array.isArray(value) || value.length > LIMITS.filters) return fail('filters must be an array of at most 16');
  const filters: SaveFileFilter[] = [];
  for (const f of value) {
    if (!isRecord(f) || unknownKey(f, ['name', 'extensions']) !== undefined) return fail('filter must be {name, extensions}');
    if (!isBoundedString(f.name, 100) || CONTROL_CHARS.test(f.name)) return fail('filter name must be 1–100 characters');
    const exts = f.extensions;
    if (!Array.isArray(exts) || exts.length === 0 || exts.length > LIMITS.filterExtensions) {
      return fail('filter extensions must be a non-empty array');
    }
    if (!exts.every((e): e is string => typeof e === 'string' && /^(\*|[A-Za-z0-9]{1,16})$/.test(e))) {
      return fail('filter extension must be alphanumeric without a dot, or *');
    }
    filters.push({ name: f.name, extensions: [...exts] });
  }
  return ok(filters);
}

export function validateSaveFileRequest(input: unknown): Validation<SaveFileRequest> {
  if (!isRecord(input)) return fail('save-file payload must be an object');
  const extra = unknownKey(input, ['suggestedName', 'data', 'mimeType', 'filters']);
  if (extra !== undefined) return fail(`unknown key: ${extra}`);
  if (!isSafeFileName(input.suggestedName)) return fail('suggestedName must be a bare file name');
  const { data } = input;
  if (typeof data === 'string') {
    if (data.length > LIMITS.saveFileData) return fail('data too large');
  } else if (data instanceof Uint8Array) {
    if (data.byteLength > LIMITS.saveFileData) return fail('data too large');
  } else {
    return fail('data must be a string or a Uint8Array');
  }
  if (
    input.mimeType !== undefined &&
    !(isBoundedString(input.mimeType, 100) && /^[\w.+-]+\/[\w.+-]+(; ?charset=[\w-]+)?$/.test(input.mimeType))
  ) {
    return fail('mimeType must be a MIME type');
  }
  let filters: SaveFileFilter[] | undefined;
  if (input.filters !== undefined) {
    const checked = validateFilters(input.filters);
    if (!checked.ok) return fail(checked.error);
    filters = checked.value;
  }
  return ok({
    suggestedName: input.suggestedName,
    data,
    ...(typeof input.mimeType === 'string' ? { mimeType: input.mimeType } : {}),
    ...(filters ? { filters } : {}),
  });
}

function isMm(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= LIMITS.pageMm.min && value <= LIMITS.pageMm.max;
}

export function validatePageSize(value: unknown): Validation<PrintPageSize> {
  if (value === 'A4' || value === 'A5') return ok(value);
  if (isRecord(value) && unknownKey(value, ['widthMm', 'heightMm']) === undefined && isMm(value.widthMm) && isMm(value.heightMm)) {
    return ok({ widthMm: value.widthMm, heightMm: value.heightMm });
  }
  return fail(`pageSize must be 'A4', 'A5' or {widthMm, heightMm} within ${LIMITS.pageMm.min}–${LIMITS.pageMm.max} mm`);
}

export function validatePrintRequest(input: unknown): Validation<PrintRequest> {
  if (!isRecord(input)) return fail('print payload must be an object');
  const extra = unknownKey(input, ['html', 'mode', 'pageSize', 'landscape', 'margins', 'silent', 'deviceName', 'copies', 'suggestedName']);
  if (extra !== undefined) return fail(`unknown key: ${extra}`);
  if (!isBoundedString(input.html, LIMITS.printHtml)) return fail('html must be a non-empty string within the size limit');
  if (input.mode !== 'printer' && input.mode !== 'pdf') return fail("mode must be 'printer' or 'pdf'");
  const pageSize = validatePageSize(input.pageSize);
  if (!pageSize.ok) return fail(pageSize.error);
  for (const key of ['landscape', 'silent'] as const) {
    if (input[key] !== undefined && typeof input[key] !== 'boolean') return fail(`${key} must be a boolean`);
  }
  if (input.margins !== undefined && input.margins !== 'default' && input.margins !== 'none') {
    return fail("margins must be 'default' or 'none'");
  }
  if (input.deviceName !== undefined && !(isBoundedString(input.deviceName, LIMITS.deviceName) && !CONTROL_CHARS.test(input.deviceName))) {
    return fail('deviceName must be a printer name');
  }
  if (
    input.copies !== undefined &&
    !(Number.isInteger(input.copies) && (input.copies as number) >= 1 && (input.copies as number) <= LIMITS.copies)
  ) {
    return fail(`copies must be an integer 1–${LIMITS.copies}`);
  }
  if (input.suggestedName !== undefined && !isSafeFileName(input.suggestedName)) return fail('suggestedName must be a bare file name');
  const request: PrintRequest = {
    html: input.html,
    mode: input.mode,
    pageSize: pageSize.value,
    ...(typeof input.landscape === 'boolean' ? { landscape: input.landscape } : {}),
    ...(input.margins === 'default' || input.margins === 'none' ? { margins: input.margins } : {}),
    ...(typeof input.silent === 'boolean' ? { silent: input.silent } : {}),
    ...(typeof input.deviceName === 'string' ? { deviceName: input.deviceName } : {}),
    ...(typeof input.copies === 'number' ? { copies: input.copies } : {}),
    ...(typeof input.suggestedName === 'string' ? { suggestedName: input.suggestedName } : {}),
  };
  return ok(request);
}

/** Only the type and size: whether the URL is trusted is a *result* ('refused'), not an error. */
export function validateExternalUrlArg(input: unknown): Validation<string> {
  return isBoundedString(input, MAX_URL_LENGTH) ? ok(input) : fail(`url must be a string of 1–${MAX_URL_LENGTH} characters`);
}

export function validateNotifyRequest(input: unknown): Validation<NotifyRequest> {
  if (!isRecord(input)) return fail('notify payload must be an object');
  const extra = unknownKey(input, ['title', 'body']);
  if (extra !== undefined) return fail(`unknown key: ${extra}`);
  if (!isBoundedString(input.title, LIMITS.notifyTitle)) return fail(`title must be 1–${LIMITS.notifyTitle} characters`);
  if (!isBoundedString(input.body, LIMITS.notifyBody, 0)) return fail(`body must be at most ${LIMITS.notifyBody} characters`);
  return ok({ title: input.title, body: input.body });
}

export type ArgsValidator<T> = (args: readonly unknown[]) => Validation<T>;

/** For channels without a payload: extra arguments are refused rather than ignored. */
export const noArgs: ArgsValidator<undefined> = (args) => (args.length === 0 ? ok(undefined) : fail('this channel takes no arguments'));

/** For channels with one payload: exactly one argument, checked by `validate`. */
export function oneArg<T>(validate: (input: unknown) => Validation<T>): ArgsValidator<T> {
  return (args) => (args.length === 1 ? validate(args[0]) : fail('this channel takes exactly one argument'));
}
