// documents.type is an open enum: a document of a type a newer version added is listed read-only as
// 其他单据 / Other document with its number, in every list that names document types.
import { describe, expect, it } from 'vitest';
import { documentTypes, shownDocument } from '../../../shared/schemas';
import { initI18n } from '../../../renderer/i18n';

describe('a document of an unknown type', () => {
  it('is shown as another document, read-only, with its number', () => {
    expect(shownDocument({ type: 'customer-order', number: 'SO-20250301-0001-001' })).toEqual({
      kind: 'other',
      number: 'SO-20250301-0001-001',
      readOnly: true,
    });
    expect(shownDocument({ type: '' })).toEqual({ kind: 'other', number: '', readOnly: true });
    // Inherited property names are not types either.
    expect(shownDocument({ type: 'constructor', number: 'X' }).kind).toBe('other');
  });

  it('every known type keeps its own name and stays editable', () => {
    for (const type of documentTypes) expect(shownDocument({ type, number: 'N' })).toEqual({ kind: type, number: 'N', readOnly: false });
  });

  it('reads 其他单据 / Other document wherever document types are named', async () => {
    const i18n = await initI18n('zh-CN');
    const name = (namespace: string, type: string) => i18n.t(`${namespace}.docTypes.${shownDocument({ type }).kind}`);
    expect(name('finance', 'customer-order')).toBe('其他单据');
    expect(name('exceptions', 'customer-order')).toBe('其他单据');
    expect(name('finance', 'dispatch')).toBe('配送单');
    await i18n.changeLanguage('en');
    expect(name('finance', 'customer-order')).toBe('Other document');
    expect(name('exceptions', 'customer-order')).toBe('Other document');
    for (const type of documentTypes) expect(name('finance', type)).not.toBe(`finance.docTypes.${type}`);
  });
});
