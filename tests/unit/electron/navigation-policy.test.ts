import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  decideWindowOpen,
  isAppUrl,
  isPermissionAllowed,
  isPrintJobUrl,
  isTrustedIpcSender,
} from '../../../electron/navigation-policy';

describe('navigation', () => {
  it('keeps in-app navigation', () => {
    expect(decideNavigation('app://larder/index.html')).toEqual({ action: 'allow' });
    expect(decideNavigation('app://larder/stock?x=1')).toEqual({ action: 'allow' });
  });
  it('sends vetted links to the system browser, normalised', () => {
    expect(decideNavigation('https://DOCS.larder.app/a')).toEqual({ action: 'open-external', url: 'https://docs.larder.app/a' });
  });
  it.each([
    'https://larder.app.evil.com/',
    'http://127.0.0.1:4455/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,x',
    'app://print/123',
    'app://larder.evil/index.html',
    'app://evil/larder',
    'about:blank',
    '',
  ])('denies %s', (url) => {
    expect(decideNavigation(url)).toEqual({ action: 'deny' });
  });
  it('never opens a new in-app window, even for app:// URLs', () => {
    expect(decideWindowOpen('app://larder/index.html')).toEqual({ action: 'deny' });
    expect(decideWindowOpen('https://github.com/x')).toEqual({ action: 'open-external', url: 'https://github.com/x' });
  });
});

describe('IPC sender and permissions', () => {
  it('trusts only frames from app://larder', () => {
    expect(isTrustedIpcSender('app://larder/index.html')).toBe(true);
    expect(isTrustedIpcSender('app://LARDER/x')).toBe(true);
    for (const url of [
      'app://print/abc',
      'https://larder.app/',
      'http://127.0.0.1:4455/',
      'file:///x',
      'about:blank',
      undefined,
      null,
      '',
    ]) {
      expect(isTrustedIpcSender(url)).toBe(false);
    }
  });
  it('distinguishes the app origin from print documents', () => {
    expect(isAppUrl('app://print/x')).toBe(false);
    expect(isPrintJobUrl('app://print/x')).toBe(true);
  });
  it('grants only the permissions the app uses, only to the app origin', () => {
    expect(isPermissionAllowed('notifications', 'app://larder')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://larder/index.html')).toBe(true);
    expect(isPermissionAllowed('media', 'app://larder')).toBe(false);
    expect(isPermissionAllowed('geolocation', 'app://larder')).toBe(false);
    expect(isPermissionAllowed('notifications', 'https://evil.com')).toBe(false);
    expect(isPermissionAllowed('notifications', 'app://print/x')).toBe(false);
  });
});
