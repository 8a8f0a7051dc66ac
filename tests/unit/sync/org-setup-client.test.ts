// HQ's pairing link must read back, through the fragment reader a new terminal runs, as exactly
// the endpoint and token HQ was given; and a site's zone must be an IANA name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairingLink } from '../../../shared/protocol/admin';
import { ianaTimeZones, isIanaTimeZone } from '../../../shared/domain/site-time';
import { readPairingFragment } from '../../../renderer/bridge/pairing-fragment';
import { describeSyncError, isRevokedError } from '../../../renderer/db/replication/sync-errors';
import { SyncHttpError } from '../../../renderer/db/replication/transport';

describe('pairing link', () => {
  it('reads back as the endpoint and token it was built from, for any token shape a terminal accepts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http://127.0.0.1:4455', 'http://localhost:8080', 'https://larder.example.cn'),
        // Tokens are visible ASCII (shared/trusted-url.ts); the encoder's UTF-8 is checked below.
        fc.stringMatching(/^[\x21-\x7e]{1,80}$/),
        (endpointUrl, token) => {
          const link = pairingLink(endpointUrl, token);
          expect(link.startsWith(`${endpointUrl}/#pair=`)).toBe(true);
          const fragment = readPairingFragment(link.slice(link.indexOf('#')));
          expect(fragment.pairing).toEqual({ endpointUrl, token, source: 'link' });
          expect(fragment.remainingHash).toBe('');
        },
      ),
    );
  });

  it('encodes like Node’s base64url', () => {
    const link = pairingLink('http://127.0.0.1:1', 'lt_abc-_/+=终');
    expect(link.split('#pair=')[1]).toBe(
      Buffer.from(JSON.stringify({ endpointUrl: 'http://127.0.0.1:1', token: 'lt_abc-_/+=终' })).toString('base64url'),
    );
  });
});

describe('site time zones', () => {
  it('takes IANA names and refuses offsets, abbreviations and unknown places', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/London', 'America/Argentina/Buenos_Aires', 'UTC']) expect(isIanaTimeZone(zone)).toBe(true);
    for (const zone of ['+08:00', 'EST', 'Mars/Olympus', '', 'asia shanghai', 'Asia/Shanghai ']) expect(isIanaTimeZone(zone)).toBe(false);
  });

  it('lists the zones a picker offers, UTC first, each one accepted', () => {
    const zones = ianaTimeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Asia/Shanghai');
    expect(zones.every(isIanaTimeZone)).toBe(true);
  });
});

describe('a revoked terminal', () => {
  it('is told it was revoked at HQ, while an unknown token stays "pair again"', () => {
    const revoked = new SyncHttpError(401, 'revoked', 'this terminal was revoked at HQ');
    const unknown = new SyncHttpError(401, 'unauthorized', 'missing, unknown or revoked token');
    expect(isRevokedError(revoked)).toBe(true);
    expect(isRevokedError({ parameters: { errors: [revoked] } })).toBe(true);
    expect(isRevokedError(unknown)).toBe(false);
    expect(describeSyncError(revoked)).toContain('revoked at HQ');
    expect(describeSyncError(unknown)).toContain('pair again in Settings');
  });
});
