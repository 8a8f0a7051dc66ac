import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  isSafeFileName,
  noArgs,
  oneArg,
  validateExternalUrlArg,
  validateNotifyRequest,
  validatePageSize,
  validatePrintRequest,
  validateSaveFileRequest,
} from '../../../electron/ipc/validate';

const errorOf = (v: { ok: boolean; error?: string }): string | undefined => (v.ok ? undefined : v.error);

describe('isSafeFileName', () => {
  it.each(['stock.csv', '库存 2025-01-31.xlsx', 'labels (A5).pdf', '.hidden'])('accepts %s', (name) => {
    expect(isSafeFileName(name)).toBe(true);
  });
  it.each([
    '',
    '.',
    '..',
    '../x.csv',
    'a/b.csv',
    'a\\b.csv',
    'C:x.csv',
    'x\u0000.csv',
    'x\n.csv',
    ' lead.csv',
    'trail.csv ',
    'a?.csv',
    'x'.repeat(201),
    7,
    null,
  ])('refuses %j', (name) => {
    expect(isSafeFileName(name)).toBe(false);
  });
});

describe('validateSaveFileRequest', () => {
  it('accepts text and bytes and returns only known fields', () => {
    const text = validateSaveFileRequest({
      suggestedName: 'a.csv',
      data: 'x,y\n',
      mimeType: 'text/csv; charset=utf-8',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(text).toEqual({
      ok: true,
      value: {
        suggestedName: 'a.csv',
        data: 'x,y\n',
        mimeType: 'text/csv; charset=utf-8',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      },
    });
    const bytes = new Uint8Array([1, 2, 3]);
    const result = validateSaveFileRequest({ suggestedName: 'a.xlsx', data: bytes });
    expect(result).toEqual({ ok: true, value: { suggestedName: 'a.xlsx', data: bytes } });
    expect(validateSaveFileRequest({ suggestedName: 'b.bin', data: Buffer.from('hi') }).ok).toBe(true);
  });

  it.each([
    ['not an object', 'a.csv'],
    ['an array', ['a.csv', 'x']],
    ['a class instance', new Date()],
    ['unknown key', { suggestedName: 'a.csv', data: 'x', path: '/etc/passwd' }],
    ['path in the name', { suggestedName: '../../.bashrc', data: 'x' }],
    ['absolute path', { suggestedName: '/etc/passwd', data: 'x' }],
    ['missing data', { suggestedName: 'a.csv' }],
    ['number data', { suggestedName: 'a.csv', data: 42 }],
    ['plain array data', { suggestedName: 'a.csv', data: [1, 2, 3] }],
    ['ArrayBuffer data', { suggestedName: 'a.csv', data: new ArrayBuffer(4) }],
    ['bad mime type', { suggestedName: 'a.csv', data: 'x', mimeType: 'text/html\r\nX: y' }],
    ['filter not an array', { suggestedName: 'a.csv', data: 'x', filters: { name: 'CSV' } }],
    ['filter extension with dot', { suggestedName: 'a.csv', data: 'x', filters: [{ name: 'CSV', extensions: ['.csv'] }] }],
    ['filter extension path', { suggestedName: 'a.csv', data: 'x', filters: [{ name: 'CSV', extensions: ['../x'] }] }],
    ['filter extra key', { suggestedName: 'a.csv', data: 'x', filters: [{ name: 'CSV', extensions: ['csv'], x: 1 }] }],
    [
      'too many filters',
      { suggestedName: 'a.csv', data: 'x', filters: Array.from({ length: 17 }, () => ({ name: 'C', extensions: ['c'] })) },
    ],
  ])('refuses %s', (_label, input) => {
    expect(validateSaveFileRequest(input).ok).toBe(false);
  });

  it('enforces the size limit on text and bytes', () => {
    const big = LIMITS.saveFileData + 1;
    expect(errorOf(validateSaveFileRequest({ suggestedName: 'a.txt', data: 'x'.repeat(big) }))).toMatch(/too large/);
    expect(errorOf(validateSaveFileRequest({ suggestedName: 'a.bin', data: new Uint8Array(big) }))).toMatch(/too large/);
    expect(validateSaveFileRequest({ suggestedName: 'a.bin', data: new Uint8Array(LIMITS.saveFileData) }).ok).toBe(true);
  });
});

describe('validatePageSize', () => {
  it('accepts A4, A5 and label sizes in mm', () => {
    expect(validatePageSize('A4')).toEqual({ ok: true, value: 'A4' });
    expect(validatePageSize({ widthMm: 50, heightMm: 30 })).toEqual({ ok: true, value: { widthMm: 50, heightMm: 30 } });
  });
  it.each([
    'Letter',
    'a4',
    null,
    { widthMm: 5, heightMm: 30 },
    { widthMm: 50, heightMm: 3000 },
    { widthMm: Number.NaN, heightMm: 30 },
    { widthMm: Infinity, heightMm: 30 },
    { widthMm: '50', heightMm: 30 },
    { widthMm: 50, heightMm: 30, dpi: 300 },
  ])('refuses %j', (size) => {
    expect(validatePageSize(size).ok).toBe(false);
  });
});

describe('validatePrintRequest', () => {
  const base = { html: '<!doctype html><p>x</p>', mode: 'printer', pageSize: 'A4' } as const;

  it('accepts a full request and copies only known fields', () => {
    const full = {
      ...base,
      landscape: true,
      margins: 'none',
      silent: true,
      deviceName: 'Zebra ZD421',
      copies: 3,
      suggestedName: 'labels.pdf',
    };
    expect(validatePrintRequest(full)).toEqual({ ok: true, value: full });
    expect(validatePrintRequest({ ...base, mode: 'pdf', pageSize: { widthMm: 60, heightMm: 40 } }).ok).toBe(true);
  });

  it.each([
    ['unknown key (typo)', { ...base, pagesize: 'A5' }],
    ['empty html', { ...base, html: '' }],
    ['html not a string', { ...base, html: { toString: (): string => 'x' } }],
    ['bad mode', { ...base, mode: 'fax' }],
    ['missing page size', { html: 'x', mode: 'pdf' }],
    ['landscape as string', { ...base, landscape: 'true' }],
    ['silent as number', { ...base, silent: 1 }],
    ['bad margins', { ...base, margins: 'custom' }],
    ['zero copies', { ...base, copies: 0 }],
    ['fractional copies', { ...base, copies: 1.5 }],
    ['too many copies', { ...base, copies: 1000 }],
    ['device name with newline', { ...base, deviceName: 'a\nb' }],
    ['pdf name with path', { ...base, suggestedName: '../x.pdf' }],
  ])('refuses %s', (_label, input) => {
    expect(validatePrintRequest(input).ok).toBe(false);
  });

  it('caps copies at 20: a silent job to a label printer has no dialog to stop it', () => {
    expect(LIMITS.copies).toBe(20);
    expect(validatePrintRequest({ ...base, silent: true, copies: 20 })).toMatchObject({ ok: true, value: { copies: 20 } });
    expect(errorOf(validatePrintRequest({ ...base, silent: true, copies: 21 }))).toBe('copies must be an integer 1–20');
    expect(validatePrintRequest({ ...base, copies: 999 }).ok).toBe(false);
    expect(validatePrintRequest({ ...base, copies: Number.POSITIVE_INFINITY }).ok).toBe(false);
  });

  it('enforces the html size limit', () => {
    expect(validatePrintRequest({ ...base, html: 'x'.repeat(LIMITS.printHtml + 1) }).ok).toBe(false);
  });
});

describe('validateExternalUrlArg', () => {
  it('checks type and length only (trust is decided by the handler as a result)', () => {
    expect(validateExternalUrlArg('https://evil.com/')).toEqual({ ok: true, value: 'https://evil.com/' });
    expect(validateExternalUrlArg('')).toMatchObject({ ok: false });
    expect(validateExternalUrlArg(new URL('https://larder.app/'))).toMatchObject({ ok: false });
    expect(validateExternalUrlArg('https://larder.app/' + 'a'.repeat(3000))).toMatchObject({ ok: false });
  });
});

describe('validateNotifyRequest', () => {
  it('accepts title and body (body may be empty)', () => {
    expect(validateNotifyRequest({ title: '低库存', body: '' })).toEqual({ ok: true, value: { title: '低库存', body: '' } });
  });
  it.each([
    null,
    { title: '', body: 'x' },
    { title: 'x' },
    { title: 'x', body: 1 },
    { title: 'x'.repeat(257), body: '' },
    { title: 'x', body: 'y'.repeat(4097) },
    { title: 'x', body: 'y', icon: 'file:///etc/x.png' },
  ])('refuses %j', (input) => {
    expect(validateNotifyRequest(input).ok).toBe(false);
  });
});

describe('argument count', () => {
  it('noArgs refuses any argument', () => {
    expect(noArgs([]).ok).toBe(true);
    expect(noArgs([undefined]).ok).toBe(false);
  });
  it('oneArg refuses missing and extra arguments', () => {
    const v = oneArg(validateNotifyRequest);
    expect(v([{ title: 't', body: 'b' }]).ok).toBe(true);
    expect(v([]).ok).toBe(false);
    expect(v([{ title: 't', body: 'b' }, 'extra']).ok).toBe(false);
  });
});
