import type { HTMLAttributes } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysBetween, expiryStatus, pickingCandidates, proposeBatches, roundQty, type LedgerView } from '../../../../shared/domain';
import type { ProductDoc } from '../../../../shared/schemas';
import { ExpiryTag } from '../../../ui/ExpiryTag';
import { formatQty, productLabel } from '../../../ui/format';

export interface IngredientRow {
  productId: string;
  product: ProductDoc | undefined;
  required: number;
  usable: number;
  allocations: {
    batchId: string;
    lotCode: string;
    expiryDate?: string;
    qty: number;
    daysLeft?: number;
    status: 'ok' | 'near-expiry' | 'expired';
  }[];
  shortfall: number;
}

/** The recipe scaled to the run, each ingredient proposed by FEFO/FIFO from the kitchen's stock. */
export function planIngredients(
  view: LedgerView,
  siteId: string,
  recipe: NonNullable<ProductDoc['recipe']>,
  outputQty: number,
  businessDate: string,
): IngredientRow[] {
  const scale = outputQty / recipe.outputQty;
  return recipe.lines.map((line) => {
    const product = view.product(line.productId);
    const required = roundQty(line.qty * scale);
    if (!product) return { productId: line.productId, product, required, usable: 0, allocations: [], shortfall: required };
    const request = { siteId, productId: line.productId, businessDate };
    const usable = pickingCandidates(view, request).reduce((sum, candidate) => sum + candidate.onHand, 0);
    const proposal = proposeBatches(view, { ...request, qty: required });
    const allocations = proposal.allocations.map((allocation) => {
      const batch = view.batch(allocation.batchId);
      return {
        batchId: allocation.batchId,
        lotCode: batch?.lotCode ?? allocation.batchId,
        ...(batch?.expiryDate === undefined ? {} : { expiryDate: batch.expiryDate, daysLeft: daysBetween(businessDate, batch.expiryDate) }),
        qty: roundQty(allocation.qty),
        status: batch ? expiryStatus(batch, product, businessDate) : 'ok',
      };
    });
    return { productId: line.productId, product, required, usable: roundQty(usable), allocations, shortfall: roundQty(proposal.shortfall) };
  });
}

export function IngredientPlan({ rows }: { rows: IngredientRow[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<IngredientRow>
      size="small"
      rowKey="productId"
      pagination={false}
      dataSource={rows}
      data-testid="ingredient-plan"
      onRow={(row) => ({ 'data-testid': 'ingredient-row', 'data-product': row.productId }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('kitchen.production.ingredient'),
          key: 'product',
          render: (_, row) => (row.product ? productLabel(row.product, i18n.language) : row.productId),
        },
        {
          title: t('kitchen.production.required'),
          key: 'required',
          align: 'right',
          render: (_, row) => formatQty(row.required, row.product),
        },
        {
          title: t('kitchen.production.onHand'),
          key: 'onHand',
          align: 'right',
          render: (_, row) => <span data-testid="ingredient-on-hand">{formatQty(row.usable, row.product)}</span>,
        },
        {
          title: t('kitchen.production.batches'),
          key: 'batches',
          render: (_, row) => (
            <Space direction="vertical" size={2}>
              {row.allocations.map((allocation) => (
                <Space key={allocation.batchId} size={6} data-testid="ingredient-batch">
                  <Typography.Text code>{allocation.lotCode}</Typography.Text>
                  <span>{formatQty(allocation.qty, row.product)}</span>
                  {allocation.expiryDate && (
                    <Typography.Text type="secondary" data-testid="ingredient-expiry">
                      {t('kitchen.production.expires', { date: allocation.expiryDate })}
                    </Typography.Text>
                  )}
                  {allocation.expiryDate && (
                    <ExpiryTag
                      status={allocation.status}
                      {...(allocation.daysLeft === undefined ? {} : { daysLeft: allocation.daysLeft })}
                    />
                  )}
                </Space>
              ))}
              {row.shortfall > 0 && (
                <Tag color="red" data-testid="ingredient-shortfall">
                  {t('kitchen.production.shortfall', { qty: formatQty(row.shortfall, row.product) })}
                </Tag>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
