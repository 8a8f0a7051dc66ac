/**
 * Deterministic ids for everything a posting generates, so posting the same document twice (on
 * two terminals, or after a retry) yields byte-identical documents and sync stays idempotent.
 * Pure TypeScript SHA-1 (shared/ may not import Node's crypto), formatted as an RFC 4122
 * version-5-style UUID.
 */

function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

// Reused across calls: postings derive dozens of ids each, and allocation showed in the bench.
const schedule = new Int32Array(80);

/** SHA-1 digest of a UTF-8 string, as 20 bytes. */
export function sha1(text: string): number[] {
  const bytes = utf8Bytes(text);
  const bitLength = bytes.length * 8;
  const blocks = Math.ceil((bytes.length + 9) / 64);
  const message = new Uint8Array(blocks * 64);
  message.set(bytes);
  message[bytes.length] = 0x80;
  // Length as 64-bit big-endian; inputs here are far below 2^32 bits.
  const end = message.length;
  message[end - 4] = (bitLength >>> 24) & 0xff;
  message[end - 3] = (bitLength >>> 16) & 0xff;
  message[end - 2] = (bitLength >>> 8) & 0xff;
  message[end - 1] = bitLength & 0xff;

  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  const w = schedule;
  for (let offset = 0; offset < end; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      w[i] =
        ((message[j] as number) << 24) |
        ((message[j + 1] as number) << 16) |
        ((message[j + 2] as number) << 8) |
        (message[j + 3] as number);
    }
    for (let i = 16; i < 80; i++)
      w[i] = rotl((w[i - 3] as number) ^ (w[i - 8] as number) ^ (w[i - 14] as number) ^ (w[i - 16] as number), 1);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const temp = (rotl(a, 5) + f + e + k + (w[i] as number)) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  const digest: number[] = [];
  for (const h of [h0, h1, h2, h3, h4]) digest.push((h >>> 24) & 0xff, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff);
  return digest;
}

export function sha1Hex(text: string): string {
  return sha1(text)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}

/**
 * A UUID derived from its parts, e.g. `derivedId(docId, 'movement', lineNo, allocation)`.
 * Parts are joined with a separator that cannot appear in a number and is unusual in ids.
 */
export function derivedId(...parts: readonly (string | number)[]): string {
  const bytes = sha1(`larder\u0000${parts.join('\u0000')}`).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5 (name-based, SHA-1)
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
