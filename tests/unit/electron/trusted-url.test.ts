import { describe, expect, it } from 'vitest';
import {
  isAcceptableEndpointUrl,
  isTrustedExternalUrl,
  isValidInitialPairing,
  parseTrustedExternalUrl,
  MAX_URL_LENGTH,
} from '../../../shared/trusted-url';

describe('isTrustedExternalUrl', () => {
  it.each([
    'https://larder.app',
    'https://larder.app/',
    'https://larder.app/pricing?plan=chain#faq',
    'https://docs.larder.app/guide/batches',
    'https://github.com/larder/larder/issues/2',
    // The parser lowercases the host and drops the default port: the same origin.
    'https://LARDER.APP/x',
    'https://larder.app:443/x',
  ])('accepts %s', (url) => {
    expect(isTrustedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['subdomain lookalike', 'https://larder.app.evil.com/'],
    ['trusted name in the path', 'https://evil.com/larder.app'],
    ['trusted name in the query', 'https://evil.com/?next=https://larder.app'],
    ['trusted name as user info', 'https://larder.app@evil.com/'],
    ['credentials on a trusted host', 'https://user:pass@larder.app/'],
    ['user only on a trusted host', 'https://user@larder.app/'],
    ['plain http', 'http://larder.app/'],
    ['non-default port', 'https://larder.app:444/'],
    ['port 80 on https', 'https://larder.app:80/'],
    ['javascript:', 'javascript:alert(1)//https://larder.app'],
    ['data:', 'data:text/html,<a href="https://larder.app">x</a>'],
    ['file:', 'file:///etc/passwd'],
    ['app: scheme', 'app://larder/index.html'],
    ['protocol-relative', '//larder.app/'],
    ['relative path', '/larder.app'],
    ['cyrillic a (punycode lookalike)', 'https://lаrder.app/'],
    ['explicit punycode lookalike', 'https://xn--lrder-4ve.app/'],
    ['trailing dot', 'https://larder.app./'],
    ['suffix lookalike', 'https://evillarder.app/'],
    ['prefix lookalike', 'https://larder.apps/'],
    ['untrusted subdomain', 'https://evil.larder.app/'],
    ['github lookalike', 'https://github.com.evil.io/'],
    ['gist subdomain not listed', 'https://gist.github.com/'],
    ['backslash trick', 'https://evil.com\\@larder.app/'],
    ['embedded newline', 'https://lar\nder.app/'],
    ['embedded tab', 'https://larder\t.app/'],
    ['leading space', ' https://larder.app/'],
    ['zero-width space', 'https://larder.app\u200b/'],
    ['IP address', 'https://1.2.3.4/'],
    ['empty', ''],
    ['not a URL', 'larder.app'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings and over-long input', () => {
    expect(isTrustedExternalUrl(undefined)).toBe(false);
    expect(isTrustedExternalUrl(42)).toBe(false);
    expect(isTrustedExternalUrl({ href: 'https://larder.app/' })).toBe(false);
    expect(isTrustedExternalUrl(`https://larder.app/${'a'.repeat(MAX_URL_LENGTH)}`)).toBe(false);
  });

  it('returns the normalised href, which is what gets opened', () => {
    expect(parseTrustedExternalUrl('https://LARDER.app:443/a/../b')).toBe('https://larder.app/b');
    expect(parseTrustedExternalUrl('https://evil.com/')).toBeNull();
  });
});

describe('isAcceptableEndpointUrl', () => {
  it.each(['https://hq.example.com', 'https://hq.example.com:8443/sync', 'http://127.0.0.1:4455', 'http://localhost:4455/'])(
    'accepts %s',
    (url) => {
      expect(isAcceptableEndpointUrl(url)).toBe(true);
    },
  );
  it.each([
    'http://192.168.1.10:4455', // the token would cross the network in clear
    'http://hq.example.com',
    'http://127.0.0.1.evil.com:4455',
    'https://user:pw@hq.example.com',
    'ftp://127.0.0.1',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAcceptableEndpointUrl(url)).toBe(false);
  });
});

describe('isValidInitialPairing', () => {
  it('accepts a well-formed pairing', () => {
    expect(isValidInitialPairing({ endpointUrl: 'http://127.0.0.1:4455', token: 'tok_abc.DEF-123' })).toBe(true);
  });
  it.each([
    null,
    'x',
    { endpointUrl: 'http://127.0.0.1:4455' },
    { endpointUrl: 'http://127.0.0.1:4455', token: '' },
    { endpointUrl: 'http://127.0.0.1:4455', token: 'has space' },
    { endpointUrl: 'http://127.0.0.1:4455', token: 'ümlaut' },
    { endpointUrl: 'http://127.0.0.1:4455', token: 'x'.repeat(5000) },
    { endpointUrl: 'http://10.0.0.1', token: 'abc' },
    { endpointUrl: 42, token: 'abc' },
  ])('refuses %j', (value) => {
    expect(isValidInitialPairing(value)).toBe(false);
  });
});
