// Units and names as a person reads them: 个/瓶 in English, site names not mangled, no UUID in an error.
import { describe, expect, it } from 'vitest';
import { NotWritableHereError } from '../../../shared/domain';
import { initI18n } from '../../../renderer/i18n';
import { demoSiteName, repairUtf8Mojibake } from '../../../renderer/sections/demo-site-name';
import { describeDomainError } from '../../../renderer/ui/domain-error-text';
import { unitLabel } from '../../../renderer/ui/units';

/** What `atob` alone made of UTF-8: each byte as one Latin-1 character. */
const asLatin1 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));

describe('units in the UI language', () => {
  it('reads Chinese count and pack units in English, and leaves zh-CN and metric units alone', () => {
    expect(['个', '瓶', '箱', '盒'].map((unit) => unitLabel(unit, 'en'))).toEqual(['pcs', 'bottles', 'cases', 'boxes']);
    expect(['个', '瓶', 'g', 'ml'].map((unit) => unitLabel(unit, 'zh-CN'))).toEqual(['个', '瓶', 'g', 'ml']);
    expect(['g', 'ml', 'kg', '把'].map((unit) => unitLabel(unit, 'en'))).toEqual(['g', 'ml', 'kg', 'bunches']);
  });
});

describe('demo switcher site names', () => {
  it('decodes a name an older version stored as UTF-8 read byte by byte, and keeps real text', () => {
    expect(asLatin1('人民路店 Renmin Rd store')).not.toBe('人民路店 Renmin Rd store');
    expect(repairUtf8Mojibake(asLatin1('人民路店 Renmin Rd store'))).toBe('人民路店 Renmin Rd store');
    expect(repairUtf8Mojibake('滨江店 Riverside store')).toBe('滨江店 Riverside store');
    expect(repairUtf8Mojibake('Café')).toBe('Café');
  });

  it('prefers the site document in the UI language', () => {
    const terminal = { siteId: 'store-renmin', siteName: asLatin1('人民路店') };
    const sites = [{ id: 'store-renmin', name: '人民路店', nameEn: 'Renmin Rd store' }];
    expect(demoSiteName(terminal, sites, 'en')).toBe('Renmin Rd store');
    expect(demoSiteName(terminal, sites, 'zh-CN')).toBe('人民路店');
    expect(demoSiteName(terminal, null, 'zh-CN')).toBe('人民路店');
  });
});

describe('a refusal names records and sites, never a UUID', () => {
  it('says 该记录 / this record for a document it cannot name, and the site by its name', async () => {
    const uuid = '5f0c2a9e-8b1d-4c3e-9a7f-0123456789ab';
    const error = new NotWritableHereError('documents', uuid, 'store-renmin', 'own-site', 'another site');
    const i18n = await initI18n('zh-CN');
    const t = i18n.t.bind(i18n);
    const siteName = (id: string) => (id === 'store-renmin' ? '人民路店' : id);
    const zh = describeDomainError(error, t, null, 'zh-CN', siteName);
    expect(zh).toBe('未保存：单据 该记录 属于站点 人民路店，只能由该站点修改。');
    await i18n.changeLanguage('en');
    expect(describeDomainError(error, t, null, 'en', siteName)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });
});
