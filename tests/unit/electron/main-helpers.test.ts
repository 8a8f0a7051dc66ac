import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../electron/ipc/channels';
import { isCancelReason, toPdfOptions, toPrintOptions } from '../../../electron/ipc/print-options';
import { PAIRING_ENV_KEYS, readPairingFromEnv, takePairingFromEnv } from '../../../electron/pairing-env';
import { PrintJobStore } from '../../../electron/print-jobs';
import { isPrintJobUrl } from '../../../electron/navigation-policy';

describe('pairing from the launcher environment', () => {
  const env = { [PAIRING_ENV_KEYS.endpointUrl]: 'http://127.0.0.1:4455', [PAIRING_ENV_KEYS.token]: 'tok_123' };

  it('reads both variables', () => {
    expect(readPairingFromEnv(env)).toEqual({
      pairing: { source: 'launcher', endpointUrl: 'http://127.0.0.1:4455', token: 'tok_123' },
      problem: null,
    });
  });
  it('is null without a problem when neither is set', () => {
    expect(readPairingFromEnv({ PATH: '/usr/bin' })).toEqual({ pairing: null, problem: null });
  });
  it('is null with a problem when one is missing or invalid', () => {
    expect(readPairingFromEnv({ [PAIRING_ENV_KEYS.token]: 'x' })).toMatchObject({ pairing: null, problem: expect.any(String) });
    expect(readPairingFromEnv({ ...env, [PAIRING_ENV_KEYS.endpointUrl]: 'http://10.0.0.5:4455' })).toMatchObject({
      pairing: null,
      problem: expect.any(String),
    });
    expect(readPairingFromEnv({ ...env, [PAIRING_ENV_KEYS.token]: 'two words' })).toMatchObject({ pairing: null });
  });
  it('removes both variables so child processes do not inherit the token', () => {
    const mutable: Record<string, string | undefined> = { ...env, HOME: '/home/x' };
    expect(takePairingFromEnv(mutable).pairing).not.toBeNull();
    expect(mutable).toEqual({ HOME: '/home/x' });
  });
});

describe('PrintJobStore', () => {
  it('serves a document once, at an unguessable app://print URL', () => {
    const store = new PrintJobStore();
    const a = store.add('<p>a</p>');
    const b = store.add('<p>b</p>');
    expect(a.id).not.toBe(b.id);
    expect(isPrintJobUrl(a.url)).toBe(true);
    expect(store.take(a.url)).toBe('<p>a</p>');
    expect(store.take(a.url)).toBeUndefined();
    expect(store.take('app://print/not-an-id')).toBeUndefined();
    store.discard(b.id);
    expect(store.size).toBe(0);
  });
});

describe('print options', () => {
  const label = {
    html: 'x',
    mode: 'printer',
    pageSize: { widthMm: 50, heightMm: 30 },
    margins: 'none',
    copies: 2,
    deviceName: 'Zebra',
  } as const;

  it('gives print() custom sizes in microns and printToPDF in inches', () => {
    expect(toPrintOptions(label)).toMatchObject({
      pageSize: { width: 50_000, height: 30_000 },
      margins: { marginType: 'none' },
      copies: 2,
      deviceName: 'Zebra',
      silent: false,
    });
    const pdf = toPdfOptions({ ...label, mode: 'pdf' });
    expect(pdf.pageSize).toEqual({ width: 50 / 25.4, height: 30 / 25.4 });
    expect(pdf.margins).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });
  it('passes named sizes through and keeps default margins unless asked', () => {
    expect(toPrintOptions({ html: 'x', mode: 'printer', pageSize: 'A5', landscape: true })).toMatchObject({
      pageSize: 'A5',
      landscape: true,
      margins: { marginType: 'default' },
    });
    expect(toPdfOptions({ html: 'x', mode: 'pdf', pageSize: 'A4' })).not.toHaveProperty('margins');
  });
  it('recognises a user cancel', () => {
    expect(isCancelReason('Print job canceled')).toBe(true);
    expect(isCancelReason('Print job failed')).toBe(false);
  });
});

describe('IPC channels', () => {
  it('are kebab-case and distinct', () => {
    const names = Object.values(CHANNELS);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(names).size).toBe(names.length);
  });
});
