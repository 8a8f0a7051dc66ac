import type { TFunction } from 'i18next';
import type { Ledger } from '../../../shared/domain';
import type { TableModel } from '../../../shared/finance/export';
import type { VarianceReview } from '../../../shared/ops';
import { productLabel } from '../../ui/format';

/** The variance report as a table model for the .xlsx export, in the user's language. */
export function varianceTable(review: VarianceReview, t: TFunction, ledger: Ledger, language: string): TableModel {
  return {
    title: t('counts.exportTitle'),
    columns: [
      { key: 'sku', title: t('counts.col.sku'), kind: 'text' },
      { key: 'product', title: t('counts.col.product'), kind: 'text' },
      { key: 'lot', title: t('counts.col.lot'), kind: 'text' },
      { key: 'countedAt', title: t('counts.col.countedAt'), kind: 'text' },
      { key: 'expected', title: t('counts.col.expectedAt'), kind: 'number' },
      { key: 'counted', title: t('counts.col.counted'), kind: 'number' },
      { key: 'variance', title: t('counts.col.variance'), kind: 'number' },
      { key: 'unitCost', title: t('counts.col.unitCost'), kind: 'money' },
      { key: 'value', title: t('counts.col.varianceValue'), kind: 'money' },
    ],
    rows: [
      ...review.lines.map((line) => {
        const product = ledger.product(line.productId);
        return {
          sku: line.sku,
          product: product ? productLabel(product, language) : line.productName,
          lot: line.lotCode,
          countedAt: line.countedAt,
          expected: line.expected,
          counted: line.counted,
          variance: line.varianceQty,
          unitCost: line.unitCost,
          value: line.varianceValue,
        };
      }),
      { product: t('counts.totals.net'), value: review.totals.netValue },
    ],
  };
}
