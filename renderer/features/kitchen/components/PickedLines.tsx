import { Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween, expiryStatus } from '../../../../shared/domain';
import type { DocumentLine, ShipmentDoc } from '../../../../shared/schemas';
import { useLedgerAtHand } from '../../../db/hooks';
import { ExpiryTag } from '../../../ui/ExpiryTag';
import { formatQty, productLabel } from '../../../ui/format';
import { formatUnitCost } from '../format';

/** Lines with their batches fixed (picked) or shipped; read-only, with the kitchen's on-hand now. */
export function PickedLines({ dispatch }: { dispatch: ShipmentDoc }) {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  if (!ledger) return null;
  const view = ledger.ledger;
  const shipped = dispatch.status === 'shipped';
  return (
    <Table<DocumentLine>
      size="small"
      pagination={false}
      rowKey={(_, index) => String(index)}
      dataSource={dispatch.lines}
      data-testid="dispatch-lines"
      onRow={(line) => ({ 'data-testid': 'dispatch-line', 'data-product': line.productId }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: '#', key: 'n', width: 40, render: (_, __, index) => index + 1 },
        {
          title: t('kitchen.dispatch.product'),
          key: 'product',
          render: (_, line) => {
            const product = view.product(line.productId);
            return product ? productLabel(product, i18n.language) : line.productId;
          },
        },
        {
          title: t('kitchen.dispatch.lot'),
          key: 'lot',
          render: (_, line) => {
            const batch = line.batchId ? view.batch(line.batchId) : undefined;
            return batch ? (
              <Space size={4} wrap>
                <Typography.Text code>{batch.lotCode}</Typography.Text>
                {line.fifoOverrideReason && <Tag color="orange">{t('kitchen.dispatch.override', { reason: line.fifoOverrideReason })}</Tag>}
              </Space>
            ) : (
              <Typography.Text type="danger">{t('kitchen.dispatch.noBatch')}</Typography.Text>
            );
          },
        },
        {
          title: t('kitchen.production.expiry'),
          key: 'expiry',
          render: (_, line) => {
            const batch = line.batchId ? view.batch(line.batchId) : undefined;
            const product = view.product(line.productId);
            if (!batch?.expiryDate || !product) return '—';
            const status = expiryStatus(batch, product, dispatch.businessDate);
            return (
              <Space size={4}>
                {batch.expiryDate}
                {!shipped && <ExpiryTag status={status} daysLeft={daysBetween(dispatch.businessDate, batch.expiryDate)} />}
              </Space>
            );
          },
        },
        {
          title: t('kitchen.dispatch.qty'),
          key: 'qty',
          align: 'right',
          render: (_, line) => <span data-testid="line-qty-text">{formatQty(line.qty, view.product(line.productId))}</span>,
        },
        ...(shipped
          ? [
              {
                title: t('kitchen.production.unitCost'),
                key: 'cost',
                align: 'right' as const,
                render: (_: unknown, line: DocumentLine) => formatUnitCost(line.unitCost ?? 0),
              },
            ]
          : []),
        {
          title: t('kitchen.dispatch.kitchenOnHand'),
          key: 'onHand',
          align: 'right',
          render: (_, line) => (
            <span data-testid="line-on-hand">
              {formatQty(view.productTotals(dispatch.siteId, line.productId).qty, view.product(line.productId))}
            </span>
          ),
        },
      ]}
    />
  );
}
