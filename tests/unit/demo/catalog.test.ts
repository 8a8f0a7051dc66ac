import { describe, expect, it } from 'vitest';
import { Validators } from '../../../server/collections';
import { buildDemoCatalog, parsePacks, semiFinishedCategory } from '../../../shared/demo/catalog';
import { ean13CheckDigit, isValidEan13, makeEan13 } from '../../../shared/demo/ean';
import { encodeScaleBarcode, parseScan, resolveScan } from '../../../shared/ops/scan';

const catalog = buildDemoCatalog({ updatedAt: '2026-11-01T01:00:00.000Z' });

describe('demo catalog', () => {
  it('has about 200 products across the twelve categories, 15 of them made by recipe', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(190);
    expect(catalog.products.length).toBeLessThanOrEqual(215);
    expect(new Set(catalog.products.map((p) => p.category)).size).toBe(12);
    expect(catalog.products.filter((p) => p.category === semiFinishedCategory.key && p.recipe)).toHaveLength(15);
  });

  it('passes the shared schemas (products, partners, config)', () => {
    const validators = new Validators();
    for (const product of catalog.products) expect(validators.validate('products', product), product.sku).toBeNull();
    for (const partner of catalog.partners) expect(validators.validate('partners', partner), partner.code).toBeNull();
    for (const config of catalog.config) expect(validators.validate('config', config), config.id).toBeNull();
  });

  it('gives loose fresh goods kept in g a unique scale PLU and price per kg, which a scale label resolves to', () => {
    const weighed = catalog.products.filter((p) => p.scale);
    expect(weighed.length).toBeGreaterThan(20);
    expect(weighed.every((p) => p.baseUnit === 'g' && (p.scale?.pricePerKg ?? 0) > 0)).toBe(true);
    expect(new Set(weighed.map((p) => p.scale?.plu)).size).toBe(weighed.length);
    const first = weighed[0]!;
    const label = encodeScaleBarcode('2FPPPPPMMMMMWWWWWC', { plu: first.scale!.plu, amountFen: 1000, weightGrams: 1234, flag: '6' });
    expect(resolveScan(parseScan(label), catalog.products, [])).toMatchObject({ product: { id: first.id }, quantity: 1234 });
  });

  it('gives every product and pack a valid, unique EAN-13 in the China range (69x)', () => {
    const codes = catalog.products.flatMap((p) => [...p.barcodes, ...p.packs.flatMap((pack) => (pack.barcode ? [pack.barcode] : []))]);
    expect(codes.length).toBeGreaterThan(catalog.products.length * 2);
    for (const code of codes) {
      expect(isValidEan13(code), code).toBe(true);
      expect(code.startsWith('69')).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('computes EAN-13 check digits like GS1 does', () => {
    expect(ean13CheckDigit('690123456789')).toBe(2);
    expect(isValidEan13('6901234567892')).toBe(true);
    expect(isValidEan13('6901234567893')).toBe(false);
    expect(makeEan13('6921581', 10)).toBe(`692158100010${ean13CheckDigit('692158100010')}`);
  });

  it('has unique ids, SKUs and names, in both languages', () => {
    for (const key of ['id', 'sku', 'name', 'nameEn'] as const) {
      const values = catalog.products.map((p) => p[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
    expect(catalog.products.every((p) => /[\u4e00-\u9fff]/.test(p.name) && /^[A-Za-z]/.test(p.nameEn ?? ''))).toBe(true);
  });

  it('states packs in base units, with kg/L beside g/ml', () => {
    expect(parsePacks('瓶500 箱12')).toEqual([
      { unit: '瓶', qtyInBase: 500 },
      { unit: '箱', qtyInBase: 6000 },
    ]);
    const soy = catalog.products.find((p) => p.name === '生抽');
    expect(soy?.baseUnit).toBe('ml');
    expect(soy?.packs.map((p) => [p.unit, p.qtyInBase])).toEqual([
      ['L', 1000],
      ['瓶', 500],
      ['箱', 6000],
    ]);
  });

  it('makes recipes out of stocked raw products, and perishables carry a shelf life', () => {
    const byId = new Map(catalog.products.map((p) => [p.id, p]));
    for (const product of catalog.products.filter((p) => p.recipe)) {
      for (const line of product.recipe?.lines ?? []) {
        const ingredient = byId.get(line.productId);
        expect(ingredient, `${product.name} ingredient`).toBeDefined();
        expect(ingredient?.recipe).toBeUndefined();
      }
    }
    for (const product of catalog.products.filter((p) => p.perishable)) {
      expect((product.shelfLifeDays ?? 0) + (product.shelfLifeHours ?? 0), product.name).toBeGreaterThan(0);
    }
  });

  it('names real-looking suppliers and sets every site to block negative stock with batch costing', () => {
    expect(catalog.partners.length).toBeGreaterThanOrEqual(8);
    expect(catalog.partners.every((p) => p.kind === 'supplier' && p.name.endsWith('有限公司'))).toBe(true);
    expect(catalog.config.map((c) => c.siteId).sort()).toEqual(['hq', 'kitchen', 'store-renmin', 'store-riverside']);
    for (const config of catalog.config) expect(config.value).toMatchObject({ negativeStock: 'block', costing: 'batch' });
  });
});
