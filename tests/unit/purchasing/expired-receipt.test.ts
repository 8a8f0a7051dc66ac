// A goods receipt whose expiry has passed (by the site's business date) posted without a word. It
// now needs either quarantine (the batch's real QC state, which holds it out of every sale) or a
// reason kept in its own line field; otherwise a typed error names the line, lot and dates.
import { describe, expect, it } from 'vitest';
import { ExpiredOnReceiptError, postDocument, pickingCandidates, QuarantinedBatchError, checkBatchChoice } from '../../../shared/domain';
import type { ReceiptLineInput } from '../../../shared/commands/purchasing';
import type { GoodsReceiptDoc } from '../../../shared/schemas';
import { initI18n } from '../../../renderer/i18n';
import { describeDomainError } from '../../../renderer/ui/domain-error-text';
import { run, stampFor } from '../commands/harness';
import { ledgerWith, ok, perishable, STORE } from '../domain/fixtures';

const yoghurt = perishable('yoghurt', 10);
const store = stampFor({ siteId: STORE, siteKind: 'store', businessDate: '2025-03-10', at: '2025-03-10T01:30:00.000Z' });
const line = (extra: Partial<ReceiptLineInput> = {}): ReceiptLineInput => ({
  productId: 'yoghurt',
  qty: 12,
  unitCost: 3,
  lotCode: 'Y1',
  expiryDate: '2025-03-09',
  certificateHashes: ['c'.repeat(64)],
  ...extra,
});
const receive = (lines: ReceiptLineInput[]) =>
  run('goods-receipt.post', { partnerId: 'sup', lines }, { ledger: ledgerWith([yoghurt], []), stamp: store });

describe('a goods receipt past its expiry', () => {
  it('is refused without quarantine or reason, naming the line, lot and the dates', () => {
    expect(() => receive([line({ expiryDate: '2025-03-10' }), line({ lotCode: 'Y2' })])).toThrow(ExpiredOnReceiptError);
    try {
      receive([line({ expiryDate: '2025-03-10' }), line({ lotCode: 'Y2' })]);
    } catch (error) {
      expect(error).toMatchObject({ lineNo: 1, lotCode: 'Y2', expiryDate: '2025-03-09', businessDate: '2025-03-10' });
    }
    // Expiring today is still good today (expired means before the business date).
    expect(receive([line({ expiryDate: '2025-03-10' })]).post).toBeDefined();
  });

  it('a production date whose shelf life has run out counts as expired too', () => {
    const { expiryDate: _omitted, ...noExpiry } = line();
    expect(() => receive([{ ...noExpiry, productionDate: '2025-02-20' }])).toThrow(ExpiredOnReceiptError);
  });

  it('with quarantine, the batch is created quarantined and no sale can take it', () => {
    const outcome = receive([line({ quarantine: true })]);
    const receipt = outcome.post?.document as GoodsReceiptDoc;
    expect(receipt.lines[0]).toMatchObject({ qcStatus: 'quarantined' });
    const ledger = ledgerWith([yoghurt], []);
    const posted = ok(postDocument(receipt, ledger));
    expect(posted.batches[0]?.qcStatus).toBe('quarantined');
    ledger.commit(posted);
    const request = { siteId: STORE, productId: 'yoghurt', businessDate: '2025-03-10' };
    expect(pickingCandidates(ledger, request)).toEqual([]);
    expect(() => checkBatchChoice(ledger, { ...request, batchId: posted.batches[0]!.id })).toThrow(QuarantinedBatchError);
  });

  it('with a reason, the reason is the line’s own field, never a note', () => {
    const outcome = receive([line({ expiredReason: '  供应商同意折价，当天用于员工餐 ' })]);
    const receipt = outcome.post?.document as GoodsReceiptDoc;
    expect(receipt.lines[0]).toMatchObject({ expiredReceiptReason: '供应商同意折价，当天用于员工餐' });
    expect(receipt.lines[0]?.note).toBeUndefined();
    expect(receipt.note).toBeUndefined();
    // A blank reason is no reason.
    expect(() => receive([line({ expiredReason: '   ' })])).toThrow(ExpiredOnReceiptError);
  });

  it('says so in 简体中文 and in English', async () => {
    const error = new ExpiredOnReceiptError(1, 'yoghurt', 'Y2', '2025-03-09', '2025-03-10');
    const i18n = await initI18n('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(describeDomainError(error, t, null, 'zh-CN')).toBe(
      '第 2 行批次 Y2 已于 2025-03-09 过期（营业日 2025-03-10）：请隔离该批次，或填写收货原因。',
    );
    await i18n.changeLanguage('en');
    expect(describeDomainError(error, t, null, 'en')).toBe(
      'Line 2, lot Y2 expired on 2025-03-09 (business date 2025-03-10): quarantine the batch or give a reason for receiving it.',
    );
  });
});
