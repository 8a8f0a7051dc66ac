// The 销售单 says what the books say: per line amount + VAT = total, the totals the lines' sums,
// and the total in Chinese capitals as PRC receipts write it.
import { describe, expect, it } from 'vitest';
import { amountInCapitals, salesSlip } from '../../../shared/ops/sales-slip';
import type { SaleDoc } from '../../../shared/schemas';
import { product } from '../domain/fixtures';

const sauce = product('sauce', { name: '秘制酱料', taxRate: 0.13 });

describe('the sales slip', () => {
  it('splits each line as the journal does and sums the rounded lines', () => {
    const sale = {
      id: 's',
      type: 'sale',
      siteId: 'k',
      number: 'XS-1',
      status: 'posted',
      businessDate: '2026-12-08',
      at: '2026-12-08T02:00:00.000Z',
      terminalId: 't',
      partnerId: 'c',
      paymentMethod: 'credit',
      lines: [
        { productId: 'sauce', qty: 15, unitPrice: 11.3, taxRate: 0.13, batchId: 'b1' },
        { productId: 'sauce', qty: 5, unitPrice: 11.3, taxRate: 0.13, batchId: 'b2' },
        { productId: 'rice', qty: 3, unitPrice: 2.5 },
      ],
      updatedAt: '2026-12-08T02:00:00.000Z',
    } as SaleDoc;
    const slip = salesSlip(sale, {
      seller: '中央厨房',
      customer: '西湖加盟店',
      orderNumber: 'SO-1',
      product: (id) => (id === 'sauce' ? sauce : undefined),
      productName: (found, id) => found?.name ?? id,
      lotOf: (batchId) => (batchId ? `LOT-${batchId}` : ''),
      quantity: (qty) => `${qty} 瓶`,
    });
    expect(slip.lines.map((line) => [line.lot, line.taxRate, line.amounts])).toEqual([
      ['LOT-b1', '13%', { gross: 169.5, tax: 19.5, net: 150 }],
      ['LOT-b2', '13%', { gross: 56.5, tax: 6.5, net: 50 }],
      ['', '', { gross: 7.5, tax: 0, net: 7.5 }],
    ]);
    expect(slip.totals).toEqual({ gross: 233.5, tax: 26, net: 207.5 });
    expect(slip.totalInCapitals).toBe('人民币贰佰叁拾叁元伍角整');
    expect(slip.orderNumber).toBe('SO-1');
  });

  it('writes amounts in capitals to the fen', () => {
    expect(amountInCapitals(339)).toBe('人民币叁佰叁拾玖元整');
    expect(amountInCapitals(1002.05)).toBe('人民币壹仟零贰元零伍分');
    expect(amountInCapitals(12.34)).toBe('人民币壹拾贰元叁角肆分');
  });
});
