// A zh-CN screen or export must not show the codes the data carries: site ids (`store-renmin`),
// document kinds (`sale`), category codes (`dry-goods`), UUIDs, or English reasons inside a
// Chinese sentence. Built on the demo organisation, through the same functions the screens use.
import fc from 'fast-check';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCatalog, demoCategories, semiFinishedCategory } from '../../../shared/demo/catalog';
import { generateDemoHistory } from '../../../shared/demo/history';
import { journalRows, journalTable, tableToCsv } from '../../../shared/finance';
import { recordCount, startCountSession, parseScan } from '../../../shared/ops';
import { documentTypes } from '../../../shared/schemas/document-types';
import { scanReasonText } from '../../../renderer/features/counts/scan-reasons';
import { scanReasonKeys } from '../../../shared/ops/scan/errors';
import countsMessages from '../../../renderer/features/counts/i18n';
import { countCategoryOptions } from '../../../renderer/features/counts/category-options';
import { makeLabels } from '../../../renderer/features/finance/label-lookups';
import { scanEntry, scanEntryText } from '../../../renderer/features/sales/scan-entry';
import { buildScanCatalog } from '../../../renderer/features/counts/scan-lookup';
import { initI18n } from '../../../renderer/i18n';
import { localSites } from '../../../scripts/local-terminal';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A lower-case hyphenated code such as `store-renmin`, `dry-goods` or `goods-receipt`. */
const KEBAB_CODE = /\b[a-z]+-[a-z]+\b/;
const DOC_KIND_WORD = new RegExp(`(^|[^A-Za-z-])(${documentTypes.join('|')})([^A-Za-z-]|$)`);
/** English words of two letters or more: a Chinese sentence may hold codes and digits, not prose. */
const ENGLISH_WORDS = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

function rawCodesIn(text: string): string[] {
  const found: string[] = [];
  for (const pattern of [UUID, KEBAB_CODE, DOC_KIND_WORD]) {
    const match = pattern.exec(text);
    if (match) found.push(match[0].trim());
  }
  return found;
}

const catalog = buildDemoCatalog({ updatedAt: '2026-10-31T01:00:00.000Z' });
const history = generateDemoHistory(catalog, {
  today: '2026-11-30',
  terminals: { hq: 'h', kitchen: 'k', 'store-renmin': 'r', 'store-riverside': 'v' },
});
const sites = localSites.map((site) => ({ id: site.siteId, name: site.siteName }));
let t: TFunction;
let exists: (key: string) => boolean;

beforeAll(async () => {
  const i18n = await initI18n('zh-CN');
  t = i18n.t.bind(i18n);
  exists = (key) => i18n.exists(key);
});

describe('zh-CN shows no raw code (demo organisation)', () => {
  it('the journal and its Excel/CSV export: site names, document kinds and 摘要 in Chinese', () => {
    const labels = makeLabels({ t: (key) => t(key), exists }, 'zh-CN', sites, catalog.partners);
    const rows = journalRows(history.journal, {}, 'zh-CN', labels);
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((row) => row.docType)).size).toBeGreaterThan(3);
    const csv = tableToCsv(journalTable(rows, 'zh-CN'));
    const offending = csv
      .split('\r\n')
      .map((line) => ({ line, codes: rawCodesIn(line) }))
      .filter((entry) => entry.codes.length > 0);
    expect(offending.slice(0, 5)).toEqual([]);
    expect(rows.find((row) => row.docType === 'sale')?.memo).toMatch(/^销售出库 XS-/);
  });

  it('the count: every demo category reads by its Chinese name', () => {
    const categories = [...demoCategories.map((table) => table.key), semiFinishedCategory.key];
    const options = countCategoryOptions(
      categories.map((category) => ({ category })),
      t,
    );
    expect(options.filter((option) => rawCodesIn(option.label).length > 0 || /[a-z]/.test(option.label))).toEqual([]);
  });

  it('count refusals name the product, never a batch UUID or an English reason', () => {
    const product = catalog.products.find((candidate) => candidate.category === 'meat')!;
    const batchId = '0b9f6c2e-3a41-4d7e-9c55-1f2a3b4c5d6e';
    const session = startCountSession(
      {
        id: 'c1',
        number: 'PD-1',
        siteId: 'store-renmin',
        terminalId: 'r',
        businessDate: '2026-11-30',
        startedAt: '2026-11-30T02:00:00.000Z',
        blind: true,
        scope: { kind: 'cycle', categories: ['dairy'] },
      },
      {} as never,
      [],
    );
    const at = '2026-11-30T02:01:00.000Z';
    const outOfScope = recordCount(session, { batchId, qty: 1, countedAt: at }, 'add', {
      batch: () => ({ id: batchId, productId: product.id }) as never,
      product: () => product,
    });
    const unknownBatch = recordCount(session, { batchId, qty: 1, countedAt: at }, 'add', {
      batch: () => undefined,
      product: () => undefined,
    });
    for (const outcome of [outOfScope, unknownBatch]) {
      if (outcome.ok) throw new Error('expected a refusal');
      const text = t('counts.scan.refused', { reason: t(`counts.refusals.${outcome.code}`, { product: product.name }) });
      expect(rawCodesIn(text)).toEqual([]);
      expect(text).not.toMatch(ENGLISH_WORDS);
    }
  });

  it('scan errors: every reason the parser gives reads in Chinese (property over arbitrary scans)', () => {
    const scans = fc.oneof(
      fc.string(),
      fc.stringMatching(/^\d{6,15}$/),
      fc.stringMatching(/^\]([A-Za-z]\d)?[0-9A-Za-z()]{0,30}$/),
      fc.stringMatching(/^(\((0[012]|1[0-7]|10|21|30|37|99|3[0-9]{3})\)[0-9A-Za-z]{0,16}){1,3}$/),
      fc.stringMatching(/^(01|02|10|11|17|21|30|37)[0-9A-Za-z]{0,30}$/),
      // Element strings with the GS (FNC1) separator a scanner sends between variable-length fields.
      fc
        .array(fc.stringMatching(/^(01|10|17|21|30)[0-9A-Za-z]{0,20}$/), { minLength: 1, maxLength: 3 })
        .map((parts) => parts.join(String.fromCharCode(29))),
    );
    fc.assert(
      fc.property(scans, (raw) => {
        const parsed = parseScan(raw);
        if (parsed.kind !== 'unknown') return;
        const reason = parsed.error.reason;
        // The scanned text itself may hold letters; the words around it must be Chinese.
        const placeholders = Object.fromEntries(Object.keys(reason.values).map((name) => [name, '…']));
        const words = t(`counts.scanReasons.${reason.key}`, placeholders).replace(/GS1|GTIN|EAN|UPC|AI|YYMMDD|GS/g, '');
        expect(words, parsed.reason).not.toMatch(/[A-Za-z]{2,}/);
        expect(scanReasonText(reason, t)).not.toContain('counts.scanReasons');
      }),
      { numRuns: 2000 },
    );
  });

  it('every scan reason key has a sentence in both languages', () => {
    for (const key of scanReasonKeys) {
      expect(countsMessages.en.scanReasons, key).toHaveProperty(key);
      expect(countsMessages['zh-CN'].scanReasons, key).toHaveProperty(key);
    }
  });

  it('a sale screen scan error is a Chinese sentence', () => {
    // Five digits are no retail barcode: the parser's English reason must come out in Chinese.
    const entry = scanEntry('12345', buildScanCatalog([], []));
    expect(entry.ok).toBe(false);
    if (entry.ok) return;
    const text = scanEntryText(entry, t);
    expect(text).toBe('无法识别条码 12345（5 位数字不是 EAN-8、UPC-A、EAN-13、GTIN-14 或秤码）。请检查标签，或按名称搜索商品。');
    expect(text).not.toMatch(ENGLISH_WORDS);
  });
});
