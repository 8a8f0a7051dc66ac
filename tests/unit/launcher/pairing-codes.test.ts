// The launcher's one-time codes: each answers once, within its minute, and a code that was used
// or has expired says so (a second window learns that someone was first).
import { describe, expect, it } from 'vitest';
import { PairingCodeBook } from '../../../server/http/launcher-pairing';
import { PAIRING_CODE_PATTERN, PAIRING_CODE_TTL_MS, type LauncherHandoff } from '../../../shared/launcher-handoff';

const handoff: LauncherHandoff = {
  endpointUrl: 'http://127.0.0.1:4455',
  token: 'tok_kitchen',
  terminals: [{ siteId: 'kitchen', siteKind: 'kitchen', siteName: '中央厨房 Central kitchen', token: 'tok_kitchen' }],
};

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('PairingCodeBook', () => {
  it('issues unguessable codes of the protocol shape, none holding the token', () => {
    const book = new PairingCodeBook();
    const codes = Array.from({ length: 50 }, () => book.issue(handoff));
    expect(new Set(codes).size).toBe(50);
    for (const code of codes) {
      expect(code).toMatch(PAIRING_CODE_PATTERN);
      expect(code).not.toContain(handoff.token);
    }
  });

  it('answers a code once; the second try is told it was used', () => {
    const book = new PairingCodeBook();
    const code = book.issue(handoff);
    expect(book.redeem(code)).toEqual({ ok: true, handoff });
    expect(book.redeem(code)).toEqual({ ok: false, reason: 'pairing-code-used' });
  });

  it('refuses a code after its minute, even unused', () => {
    const time = clock();
    const book = new PairingCodeBook({ now: time.now });
    const late = book.issue(handoff);
    const inTime = book.issue(handoff);
    time.advance(PAIRING_CODE_TTL_MS - 1);
    expect(book.redeem(inTime).ok).toBe(true);
    time.advance(1);
    expect(book.redeem(late)).toEqual({ ok: false, reason: 'pairing-code-expired' });
    // Issuing (which prunes) does not turn the expired code back into a usable one.
    book.issue(handoff);
    expect(book.redeem(late)).toEqual({ ok: false, reason: 'pairing-code-expired' });
  });

  it('does not know codes it never issued, nor, after a while, old ones', () => {
    const time = clock();
    const book = new PairingCodeBook({ now: time.now });
    expect(book.redeem('A'.repeat(43))).toEqual({ ok: false, reason: 'pairing-code-unknown' });
    const code = book.issue(handoff);
    book.redeem(code);
    time.advance(PAIRING_CODE_TTL_MS + 10 * 60_000);
    expect(book.redeem(code)).toEqual({ ok: false, reason: 'pairing-code-unknown' });
  });

  it('keeps a bounded number of codes: a loop cannot grow it, and the newest still work', () => {
    const book = new PairingCodeBook();
    const codes = Array.from({ length: 200 }, () => book.issue(handoff));
    expect(book.redeem(codes[0] ?? '')).toEqual({ ok: false, reason: 'pairing-code-unknown' });
    expect(book.redeem(codes[199] ?? '').ok).toBe(true);
  });
});
