// Limits on values (SYNC-PROTOCOL.md v1.1): limits of the wire, the same for every schema version.
// The endpoint refuses a pushed row outside them (422, on SQLite and PostgreSQL alike); a terminal
// sets aside a pulled document outside them instead of failing the whole page (a document nested
// 4,000 deep once stopped every HQ terminal's event sync with "Maximum call stack size exceeded").
import { ID_PATTERN, MAX_DOCUMENT_BYTES, MAX_NESTING_DEPTH } from './wire';

/** A lone surrogate or a NUL: not valid Unicode text for the wire (NUL is what the rule is about). */
// eslint-disable-next-line no-control-regex
const BAD_TEXT = /[\u0000]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `value` breaks the value limits, or null. `level` is the value's own nesting level (1: a
 * free-form value such as an event's `data`; 0: a whole document, whose fields are level 1). Walks
 * iteratively, so a hostile nesting depth cannot exhaust the stack of the process checking it.
 */
export function valueLimitProblem(value: unknown, level = 1): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: level, path: '' }];
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop()!;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return `${path || '/'}: numbers must be finite`;
    } else if (typeof current === 'string') {
      if (BAD_TEXT.test(current)) return `${path || '/'}: text must be valid Unicode without NUL`;
    } else if (current !== null && typeof current === 'object') {
      if (depth > MAX_NESTING_DEPTH) return `${path || '/'}: nested deeper than ${MAX_NESTING_DEPTH} levels`;
      if (Array.isArray(current)) current.forEach((item, index) => stack.push({ value: item, depth: depth + 1, path: `${path}/${index}` }));
      else
        for (const [key, item] of Object.entries(current)) {
          if (BAD_TEXT.test(key)) return `${path}/${key}: keys must be valid Unicode without NUL`;
          stack.push({ value: item, depth: depth + 1, path: `${path}/${key}` });
        }
    } else if (current !== undefined && typeof current !== 'boolean') {
      return `${path || '/'}: not a JSON value`;
    }
  }
  return null;
}

/** UTF-8 length of a string without encoding it (surrogate pairs count 4). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Why a whole document breaks the wire's limits (id, values, size), or null. */
export function documentLimitProblem(doc: unknown): string | null {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'a document must be a JSON object';
  const id = (doc as { id?: unknown }).id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return 'id must be 1–64 printable ASCII characters without spaces';
  const problem = valueLimitProblem(doc, 0);
  if (problem) return problem;
  const bytes = utf8Length(JSON.stringify(doc));
  return bytes > MAX_DOCUMENT_BYTES ? `document is ${bytes} bytes; at most ${MAX_DOCUMENT_BYTES}` : null;
}
