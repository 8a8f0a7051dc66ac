// Custom fields on documents (issue 15): a purchase order, a goods receipt and a dispatch keep the
// values of HQ's fields for their kind (documents v5 `custom`), checked by kind; a required one is
// refused blank when the document is handed on (submitted, posted, picked), never while a
// dispatch draft is being typed; a document of another kind ignores them.
import { describe, expect, it } from 'vitest';
import { documentCustomValues, ValidationError, type CustomField } from '../../../shared/domain';
import type { ConfigDoc, DispatchDoc } from '../../../shared/schemas';
import { batch, KITCHEN, ledgerWith, perishable, product } from '../domain/fixtures';
import { AT, run } from '../commands/harness';

const deliveryNote: CustomField = {
  id: 'f-dn',
  entity: 'goods-receipt',
  label: '送货单号',
  labelEn: 'Delivery note',
  kind: 'text',
  required: true,
};
const contract: CustomField = { id: 'f-contract', entity: 'purchase-order', label: '合同号', kind: 'text', required: false };
const driver: CustomField = { id: 'f-driver', entity: 'dispatch', label: '司机', kind: 'text', required: true };
const chilledVan: CustomField = { id: 'f-van', entity: 'dispatch', label: '冷藏车', kind: 'yes-no', required: false };
const config: ConfigDoc = {
  id: 'custom-fields',
  key: 'custom-fields',
  value: { fields: [deliveryNote, contract, driver, chilledVan] },
  updatedAt: AT,
};

describe('custom fields on documents', () => {
  it('are read per kind of document, so a receipt never asks for a dispatch’s driver', () => {
    expect(documentCustomValues([config], 'purchase-order', {}, { requireAll: true })).toEqual({});
    expect(() => documentCustomValues([config], 'goods-receipt', {}, { requireAll: true })).toThrow(
      new ValidationError('custom.f-dn', '送货单号 is required'),
    );
    expect(documentCustomValues([config], 'dispatch', { 'f-van': true }, { requireAll: false })).toEqual({ custom: { 'f-van': true } });
  });

  it('po.submit and goods-receipt.post keep the values on the document and refuse a blank required one', () => {
    const world = { ledger: ledgerWith([product('beef')], []), config: [config] };
    const order = run(
      'po.submit',
      { partnerId: 'sup', custom: { 'f-contract': ' HT-2026-01 ' }, lines: [{ productId: 'beef', qty: 1, unitCost: 10 }] },
      world,
    );
    expect(order.writes?.documents?.[0]?.custom).toEqual({ 'f-contract': 'HT-2026-01' });
    const line = { productId: 'beef', qty: 2, unitCost: 10, lotCode: 'L1' };
    expect(() => run('goods-receipt.post', { partnerId: 'sup', lines: [line] }, world)).toThrow(/送货单号 is required/);
    const receipt = run('goods-receipt.post', { partnerId: 'sup', custom: { 'f-dn': 'SD-88' }, lines: [line] }, world);
    expect(receipt.post?.document.custom).toEqual({ 'f-dn': 'SD-88' });
  });

  it('a dispatch draft keeps what is typed, blank or not; picking needs the required ones', () => {
    const milk = perishable('milk', 7);
    const ledger = ledgerWith([milk], [batch('b-1', 'milk', { expiryDate: '2025-03-09' })], [{ batchId: 'b-1', qty: 10 }]);
    const draft: DispatchDoc = {
      id: 'd-1',
      type: 'dispatch',
      siteId: KITCHEN,
      toSiteId: 'store-1',
      number: 'PS-1',
      status: 'draft',
      businessDate: '2025-03-01',
      at: AT,
      terminalId: 'term-1',
      lines: [],
      updatedAt: AT,
    };
    const lines = [{ productId: 'milk', qty: 2 }];
    const typed = run(
      'dispatch.save',
      { dispatchId: 'd-1', lines, custom: { 'f-van': true } },
      { ledger, config: [config], documents: [draft] },
    );
    const saved = typed.writes?.documents?.[0] as DispatchDoc;
    expect(saved.custom).toEqual({ 'f-van': true });
    // Saving lines alone keeps the values typed earlier.
    const again = run('dispatch.save', { dispatchId: 'd-1', lines }, { ledger, config: [config], documents: [saved] });
    expect((again.writes?.documents?.[0] as DispatchDoc).custom).toEqual({ 'f-van': true });
    expect(() => run('dispatch.pick', { dispatchId: 'd-1', lines }, { ledger, config: [config], documents: [saved] })).toThrow(
      /司机 is required/,
    );
    const withDriver = { ...saved, custom: { 'f-van': true, 'f-driver': '老张' } };
    const picked = run('dispatch.pick', { dispatchId: 'd-1', lines }, { ledger, config: [config], documents: [withDriver] });
    expect(picked.writes?.documents?.[0]).toMatchObject({ status: 'picked', custom: { 'f-driver': '老张' } });
  });
});
