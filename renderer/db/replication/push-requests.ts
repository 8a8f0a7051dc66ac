// Push batches split into request bodies under the protocol's size limit (SYNC-PROTOCOL.md, Push).

/** Below the protocol's 5 MiB body limit, with room for a multi-byte surprise. */
const PUSH_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Splits a push batch into request bodies of at most PUSH_BODY_BYTES: one large document (a
 * 5,000-line count) must not make its neighbours' request too large. A single row over the limit
 * still goes alone, and the endpoint's 413 says why.
 */
export function requestsUnderLimit<Row>(rows: readonly Row[], limitBytes = PUSH_BODY_BYTES): { rows: Row[]; body: string }[] {
  // The usual batch (500 movements ≈ 150 kB) is far below the limit: one stringify, no encoding.
  // A UTF-16 code unit never takes more than 3 bytes of UTF-8, so length × 3 bounds the size.
  const whole = JSON.stringify(rows);
  if (whole.length * 3 <= limitBytes) return rows.length > 0 ? [{ rows: [...rows], body: whole }] : [];
  const encoder = new TextEncoder();
  const requests: { rows: Row[]; body: string }[] = [];
  let current: { rows: Row[]; parts: string[]; bytes: number } = { rows: [], parts: [], bytes: 2 };
  const close = () => {
    if (current.rows.length > 0) requests.push({ rows: current.rows, body: `[${current.parts.join(',')}]` });
  };
  for (const row of rows) {
    const part = JSON.stringify(row);
    const bytes = encoder.encode(part).length + 1;
    if (current.rows.length > 0 && current.bytes + bytes > limitBytes) {
      close();
      current = { rows: [], parts: [], bytes: 2 };
    }
    current.rows.push(row);
    current.parts.push(part);
    current.bytes += bytes;
  }
  close();
  return requests;
}
