import { Button, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { checkBatchChoice, DomainError, FifoViolationError, proposeBatches, type Ledger } from '../../../shared/domain';
import { describeDomainError } from '../../ui/domain-error-text';
import { formatQty, productLabel } from '../../ui/format';
import { ReasonInput } from '../../ui/ReasonInput';
import { QtyInput } from '../../ui/QtyInput';

export interface SaleLine {
  key: string;
  productId: string;
  qty: number;
  unitPrice: number;
  /** Set when a GS1 label named the batch; otherwise FEFO/FIFO picks at posting. */
  batchId?: string;
  /** Why a scanned batch leaves before one that expires earlier (audited as a FIFO override). */
  fifoOverrideReason?: string;
}

interface SaleLinesTableProps {
  lines: readonly SaleLine[];
  ledger: Ledger;
  siteId: string;
  businessDate: string;
  withPrice: boolean;
  onChange(key: string, patch: Partial<SaleLine>): void;
  onRemove(key: string): void;
  /** A line's reason was entered: focus goes back to where the next scan lands. */
  onReasonEntered?(): void;
}

/** Lines with the batches stock will leave from (FEFO/FIFO proposal, shown) and any shortfall in words. */
export function SaleLinesTable({
  lines,
  ledger,
  siteId,
  businessDate,
  withPrice,
  onChange,
  onRemove,
  onReasonEntered,
}: SaleLinesTableProps) {
  const { t, i18n } = useTranslation();
  const columns = [
    {
      title: t('sales.col.product'),
      key: 'product',
      render: (_: unknown, line: SaleLine) => {
        const product = ledger.product(line.productId);
        return product ? `${productLabel(product, i18n.language)} · ${product.sku}` : line.productId;
      },
    },
    {
      title: t('sales.col.qty'),
      key: 'qty',
      width: 160,
      render: (_: unknown, line: SaleLine) => {
        const product = ledger.product(line.productId);
        return (
          <span data-testid={`sale-qty-${line.productId}`}>
            {product ? (
              <QtyInput value={line.qty} product={product} onCommit={(qty) => onChange(line.key, { qty })} autoFocus={line.qty === 0} />
            ) : (
              formatQty(line.qty)
            )}
          </span>
        );
      },
    },
    ...(withPrice
      ? [
          {
            title: t('sales.col.unitPrice'),
            key: 'price',
            width: 130,
            render: (_: unknown, line: SaleLine) => (
              <Space direction="vertical" size={0}>
                <InputNumber
                  min={0}
                  value={line.unitPrice}
                  prefix="¥"
                  status={line.unitPrice > 0 ? undefined : 'warning'}
                  onChange={(v) => onChange(line.key, { unitPrice: typeof v === 'number' ? v : 0 })}
                  style={{ width: 115 }}
                  data-testid={`sale-price-${line.productId}`}
                />
                {line.unitPrice > 0 ? null : (
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    {t('sales.noPrice')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]
      : []),
    {
      title: t('sales.col.batches'),
      key: 'batches',
      render: (_: unknown, line: SaleLine) => {
        const product = ledger.product(line.productId);
        if (line.batchId) {
          const batch = ledger.batch(line.batchId);
          const scanned = (
            <Tag color="blue">
              {t('sales.scannedBatch', {
                lot: batch?.lotCode ?? line.batchId,
                qty: formatQty(ledger.onHand(siteId, line.batchId), product),
              })}
            </Tag>
          );
          const refusal = batchRefusal(ledger, siteId, businessDate, line);
          if (!refusal) return scanned;
          if (refusal instanceof FifoViolationError) {
            const earlier = ledger.batch(refusal.earlierBatchId);
            return (
              <Space direction="vertical" size={4} data-testid={`sale-fifo-${line.productId}`}>
                <Space size={4} wrap>
                  {scanned}
                  <Typography.Text type="warning">
                    {t('sales.fifo.needsReason', {
                      earlier: earlier?.lotCode ?? refusal.earlierBatchId,
                      expiry: earlier?.expiryDate ?? '—',
                    })}
                  </Typography.Text>
                </Space>
                <ReasonInput
                  value={line.fifoOverrideReason ?? ''}
                  autoFocus
                  placeholder={t('sales.fifo.placeholder')}
                  onCommit={(reason) => onChange(line.key, { fifoOverrideReason: reason || undefined })}
                  {...(onReasonEntered ? { onEnter: onReasonEntered } : {})}
                />
              </Space>
            );
          }
          return (
            <Space size={4} wrap>
              {scanned}
              <Typography.Text type="danger" data-testid={`sale-refused-${line.productId}`}>
                {describeDomainError(refusal, t, null, i18n.language)}
              </Typography.Text>
            </Space>
          );
        }
        if (!product) return <Typography.Text type="secondary">{t('sales.syncing')}</Typography.Text>; // product still arriving by sync: proposing would throw
        const proposal = proposeBatches(ledger, { siteId, productId: line.productId, qty: line.qty, businessDate });
        return (
          <Space size={[4, 4]} wrap data-testid={`sale-batches-${line.productId}`}>
            {proposal.allocations.map((a) => {
              const batch = ledger.batch(a.batchId);
              return (
                <Tag
                  key={a.batchId}
                >{`${batch?.lotCode ?? a.batchId}${batch?.expiryDate ? ` (${batch.expiryDate})` : ''} × ${formatQty(a.qty, product)}`}</Tag>
              );
            })}
            {proposal.shortfall > 0 ? (
              <Typography.Text type="danger" data-testid={`sale-shortfall-${line.productId}`}>
                {t('sales.shortfall', { qty: formatQty(proposal.shortfall, product) })}
              </Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: '',
      key: 'remove',
      width: 56,
      render: (_: unknown, line: SaleLine) => (
        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('sales.remove')} onClick={() => onRemove(line.key)} />
      ),
    },
  ];
  return (
    <Table<SaleLine>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={[...lines]}
      pagination={false}
      locale={{ emptyText: t('sales.emptyLines') }}
      data-testid="sale-lines"
    />
  );
}

/** What posting would refuse about a scanned batch (a later one first without a reason, expired, held). */
function batchRefusal(ledger: Ledger, siteId: string, businessDate: string, line: SaleLine): DomainError | null {
  if (!line.batchId) return null;
  try {
    checkBatchChoice(ledger, {
      siteId,
      productId: line.productId,
      businessDate,
      batchId: line.batchId,
      ...(line.fifoOverrideReason ? { overrideReason: line.fifoOverrideReason } : {}),
    });
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}
