// Custom fields (issue 15): HQ's definitions read from config, values checked by kind, required
// fields refused blank in the editor, values of removed fields kept, imports keeping what the
// editor typed, and search finding a product by a value.
import { describe, expect, it } from 'vitest';
import { checkCustomValues, customFieldsFrom, customValueText, ValidationError, type CustomField } from '../../../shared/domain';
import { buildProductSearchIndex, searchProducts } from '../../../shared/ops';
import type { ConfigDoc } from '../../../shared/schemas';
import { product } from '../domain/fixtures';
import { AT, run } from '../commands/harness';

const origin: CustomField = { id: 'f-origin', entity: 'product', label: '产地', labelEn: 'Origin', kind: 'text', required: true };
const grade: CustomField = { id: 'f-grade', entity: 'product', label: '等级', kind: 'choice', choices: ['A', 'B'], required: false };
const organic: CustomField = { id: 'f-organic', entity: 'product', label: '有机', kind: 'yes-no', required: false };
const since: CustomField = { id: 'f-since', entity: 'partner', label: '合作起始', kind: 'date', required: false };
const config = (fields: unknown[]): ConfigDoc => ({ id: 'custom-fields', key: 'custom-fields', value: { fields }, updatedAt: AT });

describe('custom fields', () => {
  it('reads HQ’s definitions per kind of record, skipping what does not read as one', () => {
    const fields = customFieldsFrom([config([origin, grade, since, { id: 'x', entity: 'product', label: '', kind: 'text' }])]);
    expect(fields.map((field) => field.id)).toEqual(['f-origin', 'f-grade', 'f-since']);
    expect(customFieldsFrom([config([origin, since])], 'partner')).toEqual([since]);
  });

  it('checks values by kind, drops blanks, keeps values of removed fields, and names a bad field', () => {
    const number: CustomField = { id: 'f-n', entity: 'product', label: '克重', kind: 'number', required: false };
    const values = { 'f-origin': ' 山东 ', 'f-grade': '', 'f-n': '12.5', gone: 'kept' };
    expect(checkCustomValues([origin, grade, organic, number], values, { requireAll: true })).toEqual({
      'f-origin': '山东',
      'f-n': 12.5,
      gone: 'kept',
    });
    expect(() => checkCustomValues([origin], {}, { requireAll: true })).toThrow(new ValidationError('custom.f-origin', '产地 is required'));
    expect(checkCustomValues([origin], {}, { requireAll: false })).toEqual({});
    expect(() => checkCustomValues([grade], { 'f-grade': 'C' }, { requireAll: false })).toThrow(/not one of A, B/);
    expect(() => checkCustomValues([since], { 'f-since': '2026-02-30' }, { requireAll: false })).toThrow(/not a date/);
    expect(() => checkCustomValues([number], { 'f-n': 'lots' }, { requireAll: false })).toThrow(/not a number/);
    expect(customValueText(organic, true, (yes) => (yes ? '是' : '否'))).toBe('是');
  });

  it('product.save stores checked values and refuses a blank required field; an import keeps what the editor typed', () => {
    const rice = product('rice');
    const world = { products: [rice], config: [config([origin])] };
    expect(() => run('product.save', { product: { ...rice, custom: {} } }, world)).toThrow(ValidationError);
    const saved = run('product.save', { product: { ...rice, custom: { 'f-origin': '山东' } } }, world).writes!.products![0]!;
    expect(saved.custom).toEqual({ 'f-origin': '山东' });
    const { custom: _none, ...fromSheet } = saved;
    const imported = run('product.import', { products: [{ ...fromSheet, name: '东北大米' }] }, { products: [saved] }).writes!.products![0]!;
    expect([imported.name, imported.custom]).toEqual(['东北大米', { 'f-origin': '山东' }]);
  });

  it('search finds a product by a custom value, after names and codes', () => {
    const index = buildProductSearchIndex([product('rice', { name: '东北大米', custom: { 'f-origin': '山东' } }), product('tofu')]);
    expect(searchProducts(index, '山东').map((hit) => [hit.product.id, hit.field])).toEqual([['rice', 'custom']]);
  });
});
