// A PO of 99,999,999,999 × ¥1,000,000 was approved at once: quantities and amounts are bounded
// (a typed error naming the line and field), and a large order joins the over-budget rule: it is
// held for approval whatever the budget says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutOfRangeError, PURCHASE_LIMITS } from '../../../shared/domain';
import { budgetRulesFromConfig, DEFAULT_LARGE_ORDER_AMOUNT } from '../../../shared/finance';
import type { ConfigDoc } from '../../../shared/schemas';
import { budgetReason } from '../../../renderer/features/purchasing/budgetText';
import type { Labels } from '../../../renderer/features/finance/labels';
import { initI18n } from '../../../renderer/i18n';
import { describeDomainError } from '../../../renderer/ui/domain-error-text';
import { AT, run } from '../commands/harness';
import { KITCHEN, ledgerWith, product } from '../domain/fixtures';

const products = [product('beef', { category: 'meat' }), product('salt', { category: 'dry' })];
const world = (config: ConfigDoc[] = []) => ({ ledger: ledgerWith(products, []), config });
const submit = (lines: { productId: string; qty: number; unitCost: number }[], config: ConfigDoc[] = []) =>
  run('po.submit', { partnerId: 'sup', lines }, world(config));

describe('purchase order bounds', () => {
  it('refuses 99,999,999,999 × ¥1,000,000 naming line 1 and its quantity', () => {
    const attempt = () => submit([{ productId: 'beef', qty: 99_999_999_999, unitCost: 1_000_000 }]);
    expect(attempt).toThrow(OutOfRangeError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'out-of-range', field: 'lines[0].qty', lineNo: 0, limit: PURCHASE_LIMITS.lineQty });
    }
  });

  it('names the unit cost, the line amount and the order total when those are too large', () => {
    const catchOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(catchOf(() => submit([{ productId: 'beef', qty: 1, unitCost: PURCHASE_LIMITS.unitCost * 2 }]))).toMatchObject({
      field: 'lines[0].unitCost',
    });
    expect(
      catchOf(() =>
        submit([
          { productId: 'salt', qty: 1, unitCost: 1 },
          { productId: 'beef', qty: 1_000_000, unitCost: 1_000 },
        ]),
      ),
    ).toMatchObject({ field: 'lines[1].amount', lineNo: 1 });
    const nearLimit = PURCHASE_LIMITS.lineAmount / 1000;
    const many = Array.from({ length: 11 }, () => ({ productId: 'beef', qty: 1000, unitCost: nearLimit }));
    expect(catchOf(() => submit(many))).toMatchObject({ field: 'total', lineNo: null });
    // Goods receipts share the bounds.
    expect(
      catchOf(() =>
        run('goods-receipt.post', { partnerId: 'sup', lines: [{ productId: 'salt', qty: 1e12, unitCost: 1, lotCode: 'L' }] }, world()),
      ),
    ).toBeInstanceOf(OutOfRangeError);
  });

  it('property: a line within the limits is never refused for range, one beyond is', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: PURCHASE_LIMITS.lineQty * 10, noNaN: true }),
        fc.double({ min: 0.01, max: PURCHASE_LIMITS.unitCost * 10, noNaN: true }),
        (qty, unitCost) => {
          const inRange =
            qty <= PURCHASE_LIMITS.lineQty && unitCost <= PURCHASE_LIMITS.unitCost && qty * unitCost <= PURCHASE_LIMITS.lineAmount;
          let refused = false;
          try {
            submit([{ productId: 'salt', qty, unitCost }]);
          } catch (error) {
            if (!(error instanceof OutOfRangeError)) throw error;
            refused = true;
          }
          expect(refused).toBe(!inRange);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('large orders join the approval rule', () => {
  it('holds an order above the large-order amount for approval even with no budget, saying why', () => {
    const small = submit([{ productId: 'salt', qty: 10, unitCost: 3 }]);
    expect(small.result.check.status).toBe('within-budget');
    const large = submit([{ productId: 'beef', qty: 2_000, unitCost: DEFAULT_LARGE_ORDER_AMOUNT / 1_000 }]);
    expect(large.result.check.status).toBe('held-for-approval');
    expect(large.writes?.documents?.[0]?.status).toBe('submitted');
    expect(large.result.check.excesses).toEqual([
      expect.objectContaining({ kind: 'large-order', budget: DEFAULT_LARGE_ORDER_AMOUNT, thisOrder: 2 * DEFAULT_LARGE_ORDER_AMOUNT }),
    ]);
  });

  it('reads the large-order amount from approval rules, the site’s over the organisation’s', () => {
    const rule = (siteId: string | undefined, largeOrderAmount: number): ConfigDoc => ({
      id: `approval-rules:${siteId ?? 'org'}`,
      key: 'approval-rules',
      ...(siteId ? { siteId } : {}),
      value: { largeOrderAmount },
      updatedAt: AT,
    });
    expect(budgetRulesFromConfig([], KITCHEN).largeOrderAmount).toBe(DEFAULT_LARGE_ORDER_AMOUNT);
    expect(budgetRulesFromConfig([rule(undefined, 500), rule(KITCHEN, 800)], KITCHEN).largeOrderAmount).toBe(800);
    const held = submit([{ productId: 'salt', qty: 100, unitCost: 6 }], [rule(undefined, 500)]);
    expect(held.result.check.status).toBe('held-for-approval');
  });
});

describe('the bound and the hold in words', () => {
  it('names the line and field in 简体中文 and in English, and the large-order reason', async () => {
    const i18n = await initI18n('zh-CN');
    const t = i18n.t.bind(i18n);
    const error = new OutOfRangeError('lines[0].qty', 0, 99_999_999_999, PURCHASE_LIMITS.lineQty);
    expect(describeDomainError(error, t, null, 'zh-CN')).toBe('第 1 行：数量 99,999,999,999 超过上限 10,000,000。');
    const excess = submit([{ productId: 'beef', qty: 2_000, unitCost: 100 }]).result.check.excesses[0]!;
    const labels = { category: (id: string) => id } as unknown as Labels;
    expect(budgetReason(excess, t, labels)).toMatch(/^大额订单：本单 .*200,000\.00 超过需审批金额 .*100,000\.00$/);
    await i18n.changeLanguage('en');
    expect(describeDomainError(error, t, null, 'en')).toBe('Line 1: quantity 99,999,999,999 is above the limit of 10,000,000.');
    expect(describeDomainError(new OutOfRangeError('total', null, 2e9, PURCHASE_LIMITS.total), t, null, 'en')).toBe(
      'This document: total 2,000,000,000 is above the limit of 1,000,000,000.',
    );
    expect(budgetReason(excess, t, labels)).toMatch(/^Large order: .*200,000\.00 is above .*100,000\.00, the amount that needs approval$/);
  });
});
