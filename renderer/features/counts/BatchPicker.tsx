import { memo } from 'react';
import { Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ledger } from '../../../shared/domain';
import type { BatchDoc, ProductDoc } from '../../../shared/schemas';
import { formatQty, productLabel } from '../../ui/format';

export interface BatchOption {
  batch: BatchDoc;
  onHand: number;
}

/** Batches of a product a site may pick from: those it holds (any sign) first, then others known locally. */
export function batchOptions(
  ledger: Ledger,
  siteId: string,
  product: ProductDoc,
  known: readonly BatchDoc[],
  options: { heldOnly?: boolean } = {},
): BatchOption[] {
  const seen = new Set<string>();
  const result: BatchOption[] = [];
  for (const position of ledger.positionsOf(siteId, product.id)) {
    const batch = ledger.batch(position.batchId);
    const onHand = ledger.onHand(siteId, position.batchId);
    if (!batch || (options.heldOnly && onHand <= 0)) continue;
    seen.add(batch.id);
    result.push({ batch, onHand });
  }
  if (!options.heldOnly) for (const batch of known) if (!seen.has(batch.id)) result.push({ batch, onHand: 0 });
  // Earliest expiry first: what a clerk finds at the front of the shelf.
  return result.sort(
    (a, b) => (a.batch.expiryDate ?? '9999').localeCompare(b.batch.expiryDate ?? '9999') || a.batch.lotCode.localeCompare(b.batch.lotCode),
  );
}

interface BatchPickerProps {
  product: ProductDoc | null;
  options: readonly BatchOption[];
  /** Shown above the list: why the choice is asked (several batches share an expiry, lot unknown …). */
  reason?: string;
  onPick(batchId: string): void;
  onCancel(): void;
}

/** Arrow keys and Enter choose the batch; Esc cancels. The list opens focused, no mouse needed. */
export const BatchPicker = memo(function BatchPicker({ product, options, reason, onPick, onCancel }: BatchPickerProps) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={product !== null}
      title={product ? t('counts.batchPicker.title', { product: productLabel(product, i18n.language) }) : ''}
      onCancel={onCancel}
      footer={null}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {reason ? <Typography.Text type="secondary">{reason}</Typography.Text> : null}
        {options.length === 0 ? (
          <Typography.Text type="warning" data-testid="batch-picker-empty">
            {t('counts.batchPicker.none')}
          </Typography.Text>
        ) : (
          <Select
            autoFocus
            defaultOpen
            style={{ width: '100%' }}
            data-testid="batch-picker"
            placeholder={t('counts.batchPicker.placeholder')}
            onSelect={(batchId: string) => onPick(batchId)}
            options={options.map(({ batch, onHand }) => ({
              value: batch.id,
              label: `${batch.lotCode}${batch.expiryDate ? ` · ${t('counts.batchPicker.expires', { date: batch.expiryDate })}` : ''} · ${t('counts.batchPicker.onHand', { qty: product ? formatQty(onHand, product) : onHand })}`,
            }))}
          />
        )}
      </Space>
    </Modal>
  );
});
