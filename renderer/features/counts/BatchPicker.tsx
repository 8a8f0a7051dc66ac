import { memo, useState } from 'react';
import { Button, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ledger } from '../../../shared/domain';
import type { CountBatchOption } from '../../../shared/ops';
import type { BatchDoc, ProductDoc } from '../../../shared/schemas';
import { formatQty, productLabel } from '../../ui/format';

export interface BatchOption {
  batch: BatchDoc;
  onHand: number;
}

/** Batches of a product a site holds, for waste (the count asks countBatchChoice in shared/ops). */
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
  /** Batches with stock, in FEFO/FIFO order: the first is what Enter takes. */
  proposed: readonly CountBatchOption[];
  /** Empty, negative or expired batches: listed only when the clerk asks for them. */
  others: readonly CountBatchOption[];
  /** Shown above the list: why the choice is asked (several batches share an expiry, lot unknown …). */
  reason?: string;
  onPick(batchId: string): void;
  onCancel(): void;
}

/**
 * Arrow keys and Enter choose the batch; Esc cancels. The list opens focused on the batch FEFO
 * proposes; an empty or expired batch takes a deliberate "show" first (a scan once went into an
 * expired batch because it led the list). Quantities appear only when the count is not blind.
 */
export const BatchPicker = memo(function BatchPicker({ product, proposed, others, reason, onPick, onCancel }: BatchPickerProps) {
  const { t, i18n } = useTranslation();
  const [showOthers, setShowOthers] = useState(false);
  const label = ({ batch, onHand, why }: CountBatchOption) =>
    [
      batch.lotCode,
      batch.expiryDate ? t('counts.batchPicker.expires', { date: batch.expiryDate }) : null,
      why === 'expired' ? t('counts.batchPicker.expired') : null,
      onHand !== undefined ? t('counts.batchPicker.onHand', { qty: product ? formatQty(onHand, product) : onHand }) : null,
    ]
      .filter((part) => part !== null)
      .join(' · ');
  const toOption = (option: CountBatchOption) => ({ value: option.batch.id, label: label(option) });
  const listed = showOthers ? others : [];
  const options = [
    ...(proposed.length > 0 ? [{ label: t('counts.batchPicker.withStock'), options: proposed.map(toOption) }] : []),
    ...(listed.length > 0 ? [{ label: t('counts.batchPicker.othersGroup'), options: listed.map(toOption) }] : []),
  ];
  return (
    <Modal
      open={product !== null}
      title={product ? t('counts.batchPicker.title', { product: productLabel(product, i18n.language) }) : ''}
      onCancel={onCancel}
      afterClose={() => setShowOthers(false)}
      // The count decides where focus goes next (the scan field, or the weight field for a
      // weighed product); the modal's default of restoring the previous focus undid that.
      focusTriggerAfterClose={false}
      footer={null}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {reason ? <Typography.Text type="secondary">{reason}</Typography.Text> : null}
        {proposed.length === 0 && others.length === 0 ? (
          <Typography.Text type="warning" data-testid="batch-picker-empty">
            {t('counts.batchPicker.none')}
          </Typography.Text>
        ) : null}
        {proposed.length === 0 && others.length > 0 && !showOthers ? (
          <Typography.Text type="warning" data-testid="batch-picker-no-stock">
            {t('counts.batchPicker.noneWithStock')}
          </Typography.Text>
        ) : null}
        {/* Above the list: the open dropdown would cover a button below it. */}
        {others.length > 0 && !showOthers ? (
          <Button autoFocus={proposed.length === 0} data-testid="batch-picker-show-others" onClick={() => setShowOthers(true)}>
            {t('counts.batchPicker.showOthers', { count: others.length })}
          </Button>
        ) : null}
        {options.length > 0 ? (
          <Select
            key={showOthers ? 'all' : 'proposed'}
            autoFocus
            defaultOpen
            style={{ width: '100%' }}
            data-testid="batch-picker"
            placeholder={t('counts.batchPicker.placeholder')}
            onSelect={(batchId: string) => onPick(batchId)}
            options={options}
          />
        ) : null}
      </Space>
    </Modal>
  );
});
