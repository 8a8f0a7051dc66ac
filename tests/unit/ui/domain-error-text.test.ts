// The words a user reads when a write is refused on the terminal, in both languages.
import { describe, expect, it } from 'vitest';
import { NotWritableHereError } from '../../../shared/domain';
import { writeRefusal, writtenBy } from '../../../shared/schemas/write-scope';
import { initI18n } from '../../../renderer/i18n';
import { describeDomainError } from '../../../renderer/ui/domain-error-text';

const kitchen = { siteId: 'kitchen-1', siteKind: 'kitchen' as const };

function refusal(collection: 'documents' | 'products', id: string, siteId: string | null): NotWritableHereError {
  const why = writeRefusal(kitchen, collection, siteId);
  if (!why) throw new Error('expected a refusal');
  return new NotWritableHereError(collection, id, siteId, writtenBy(collection), why);
}

describe('a write this site may not make, in words', () => {
  it('names the document and its owner in 简体中文 and in English', async () => {
    const i18n = await initI18n('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(describeDomainError(refusal('documents', 'dd-7', 'store-1'), t, null, 'zh-CN')).toBe(
      '未保存：单据 dd-7 属于站点 store-1，只能由该站点修改。',
    );
    expect(describeDomainError(refusal('products', 'flour', null), t, null, 'zh-CN')).toBe('未保存：商品 flour 只能在总部终端修改。');
    await i18n.changeLanguage('en');
    expect(describeDomainError(refusal('documents', 'dd-7', 'store-1'), t, null, 'en')).toBe(
      'Not saved: dd-7 (documents) belongs to site store-1, and only that site can change it.',
    );
    expect(describeDomainError(refusal('products', 'flour', null), t, null, 'en')).toBe(
      'Not saved: flour (products) can only be changed from an HQ terminal.',
    );
  });
});
