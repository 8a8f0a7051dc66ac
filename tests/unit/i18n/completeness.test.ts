// Every text exists in both languages, and a zh-CN text is not the English one left untranslated.
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { featureResources } from '../../../renderer/i18n/features';
import { zhCN } from '../../../renderer/i18n/zh-CN';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value))
      for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  return out;
}

const english = leaves({ ...en, ...featureResources('en') });
const chinese = leaves({ ...zhCN, ...featureResources('zh-CN') });
/** Texts that read the same in both languages: product names, codes, symbols. */
const SAME_IN_BOTH = /^(\{\{[^}]+\}\}|[\s\W\d]*|GS1.*|SKU|FEFO|FIFO|WAPE|PO|GTIN|EAN|QR|CSV|Excel|Larder.*|.{0,3})$/;

describe('i18n completeness', () => {
  it('has every key in zh-CN and in English, none empty', () => {
    expect([...english.keys()].filter((key) => !chinese.has(key))).toEqual([]);
    expect([...chinese.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...chinese].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    expect([...english].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('translates every zh-CN text that has words: no English sentence left in the Chinese resources', () => {
    const untranslated = [...chinese]
      .filter(([key, text]) => text === english.get(key) && !SAME_IN_BOTH.test(text) && /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
  });

  it('names every placeholder of the English text in the Chinese one', () => {
    const names = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1]).sort();
    const mismatched = [...english]
      .filter(([key, text]) => chinese.has(key) && names(text).join() !== names(chinese.get(key)!).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
