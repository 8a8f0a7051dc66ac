import { describe, expect, it } from 'vitest';
import { readPairingFragment } from '../../../renderer/bridge/pairing-fragment';
import { pageCss } from '../../../renderer/bridge/print-css';

// Same encoding as a hand-written pairing link (tests/support/endpoint-process.ts pairingFragment()).
const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const pairing = { endpointUrl: 'http://127.0.0.1:4455', token: 'tok_ÿ-abc' };

describe('readPairingFragment', () => {
  const link = (value: { endpointUrl: string; token: string }) => ({ source: 'link', ...value });
  const none = { found: true, pairing: null, code: null, remainingHash: '' };

  it('decodes a pairing link, marks it as a link, and leaves an empty hash', () => {
    const valid = { endpointUrl: 'http://127.0.0.1:4455', token: 'tok_abc-123' };
    expect(readPairingFragment(`#pair=${encode(valid)}`)).toEqual({ found: true, pairing: link(valid), code: null, remainingHash: '' });
  });
  it('reads the launcher one-time code, which carries no token', () => {
    const code = 'Ab_-'.repeat(10) + 'xyz';
    expect(readPairingFragment(`#code=${code}`)).toEqual({ found: true, pairing: null, code, remainingHash: '' });
    expect(readPairingFragment('#code=tooshort')).toEqual(none);
  });
  it('erases the old demo list without reading it: a crafted one would list foreign terminals', () => {
    const demo = encode({ endpointUrl: 'https://evil.example', terminals: [{ siteId: 'x', siteKind: 'hq', siteName: 'x', token: 't' }] });
    expect(readPairingFragment(`#demo=${demo}`)).toEqual(none);
    expect(readPairingFragment(`#lang=en&demo=${demo}`)).toEqual({ ...none, remainingHash: '#lang=en' });
  });
  it('decodes UTF-8 JSON (then refuses a non-ASCII token)', () => {
    expect(readPairingFragment(`#pair=${encode(pairing)}`)).toEqual(none);
  });
  it('keeps other hash parameters', () => {
    const valid = { endpointUrl: 'https://hq.example.com', token: 't' };
    expect(readPairingFragment(`#lang=zh-CN&pair=${encode(valid)}`)).toEqual({
      found: true,
      pairing: link(valid),
      code: null,
      remainingHash: '#lang=zh-CN',
    });
  });
  it('drops extra keys from the link', () => {
    const result = readPairingFragment(
      `#pair=${encode({ endpointUrl: 'http://localhost:1', token: 't', admin: true, source: 'launcher' })}`,
    );
    expect(result.pairing).toEqual({ source: 'link', endpointUrl: 'http://localhost:1', token: 't' });
  });
  it('leaves unrelated hashes untouched', () => {
    expect(readPairingFragment('')).toEqual({ found: false, pairing: null, code: null, remainingHash: '' });
    expect(readPairingFragment('#/stock')).toEqual({ found: false, pairing: null, code: null, remainingHash: '#/stock' });
  });
  it.each([
    ['not base64url', '#pair=***'],
    [
      'standard base64 padding',
      `#pair=${Buffer.from(JSON.stringify({ endpointUrl: 'http://localhost:1', token: 't' })).toString('base64')}=`,
    ],
    ['not JSON', `#pair=${Buffer.from('hello').toString('base64url')}`],
    ['invalid UTF-8', `#pair=${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}`],
    ['plain-http LAN endpoint', `#pair=${encode({ endpointUrl: 'http://192.168.1.5:4455', token: 't' })}`],
    ['javascript endpoint', `#pair=${encode({ endpointUrl: 'javascript:alert(1)', token: 't' })}`],
    ['missing token', `#pair=${encode({ endpointUrl: 'http://localhost:1' })}`],
    ['empty', '#pair='],
  ])('refuses %s but still erases it', (_label, hash) => {
    expect(readPairingFragment(hash)).toEqual(none);
  });
});

describe('pageCss', () => {
  it('names standard sheets with their orientation', () => {
    expect(pageCss({ pageSize: 'A4' })).toBe('@page { size: A4 portrait; }');
    expect(pageCss({ pageSize: 'A5', landscape: true })).toBe('@page { size: A5 landscape; }');
  });
  it('gives labels their size in mm, swapped for landscape, margins off on request', () => {
    expect(pageCss({ pageSize: { widthMm: 50, heightMm: 30 }, margins: 'none' })).toBe('@page { size: 50mm 30mm; margin: 0; }');
    expect(pageCss({ pageSize: { widthMm: 50, heightMm: 30.123 }, landscape: true })).toBe('@page { size: 30.12mm 50mm; }');
  });
  it('refuses sizes that would produce broken CSS', () => {
    expect(() => pageCss({ pageSize: { widthMm: Number.NaN, heightMm: 30 } })).toThrow(RangeError);
    expect(() => pageCss({ pageSize: { widthMm: -1, heightMm: 30 } })).toThrow(RangeError);
  });
});
