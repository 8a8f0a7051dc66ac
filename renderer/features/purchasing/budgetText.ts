import type { TFunction } from 'i18next';
import type { BudgetExcess } from '../../../shared/finance';
import { formatMoney } from '../../ui/format';
import type { Labels } from '../finance/labels';

/** The hold reason in words: category, month, budget, already committed, this order, excess; or the large order's total. */
export function budgetReason(excess: BudgetExcess, t: TFunction, labels: Labels): string {
  if (excess.kind === 'large-order')
    return t('purchasing.po.largeOrder', { order: formatMoney(excess.thisOrder), threshold: formatMoney(excess.budget) });
  return t('purchasing.po.reason', {
    category: labels.category(excess.category),
    month: excess.month,
    budget: formatMoney(excess.budget),
    committed: formatMoney(excess.alreadyCommitted),
    order: formatMoney(excess.thisOrder),
    excess: formatMoney(excess.excess),
  });
}
