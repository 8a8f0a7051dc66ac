import { Button, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { batchOptions, checkLineChoice, proposeBatches, type DomainError } from '../../../../shared/domain';
import type { DocumentLine } from '../../../../shared/schemas';
import { useLedgerAtHand } from '../../../db/hooks';
import { describeDomainError } from '../../../ui/domain-error-text';
import { ReasonInput } from '../../../ui/ReasonInput';
import { formatQty, productLabel } from '../../../ui/format';
import { unitLabel } from '../../../ui/units';

interface DraftLinesProps {
  siteId: string;
  businessDate: string;
  lines: DocumentLine[];
  onChange(lines: DocumentLine[]): void;
  /** Index of the line whose quantity takes focus (a line just added). */
  focusIndex: number | null;
  /** Back to the scan field once a quantity is confirmed. */
  onDone(): void;
}

/** A reason typed locally and committed on Enter or leaving the field. */
/** Draft dispatch lines: quantity, FEFO proposal, another batch only with a reason. */
export function DraftLines({ siteId, businessDate, lines, onChange, focusIndex, onDone }: DraftLinesProps) {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  const [refused, setRefused] = useState<Record<number, DomainError>>({});
  const qtyInputs = useRef(new Map<number, HTMLInputElement | null>());

  useEffect(() => {
    if (focusIndex === null) return;
    const input = qtyInputs.current.get(focusIndex);
    input?.focus();
    input?.select();
  }, [focusIndex, lines.length]);

  if (!ledger) return null;
  const view = ledger.ledger;
  const update = (index: number, patch: Partial<DocumentLine>, drop: (keyof DocumentLine)[] = []) => {
    onChange(
      lines.map((line, i) => {
        if (i !== index) return line;
        const next: DocumentLine = { ...line, ...patch };
        for (const key of drop) delete next[key];
        return next;
      }),
    );
  };

  const chooseBatch = (index: number, line: DocumentLine, batchId: string) => {
    setRefused(({ [index]: _dropped, ...rest }) => rest);
    if (batchId === '') return update(index, {}, ['batchId', 'fifoOverrideReason']);
    const check = checkLineChoice(view, siteId, businessDate, { ...line, batchId });
    // Expired and held stock never leaves: refuse the choice outright and keep the line as it was.
    if (!check.ok && check.error.code !== 'fifo-violation') return setRefused((current) => ({ ...current, [index]: check.error }));
    update(index, { batchId }, ['fifoOverrideReason']);
  };

  return (
    <Table<DocumentLine>
      size="small"
      pagination={false}
      rowKey={(_, index) => String(index)}
      dataSource={lines}
      data-testid="dispatch-lines"
      locale={{ emptyText: t('kitchen.dispatch.noLines') }}
      onRow={(line) => ({ 'data-testid': 'dispatch-line', 'data-product': line.productId }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: '#', key: 'n', width: 40, render: (_, __, index) => index + 1 },
        {
          title: t('kitchen.dispatch.product'),
          key: 'product',
          render: (_, line) => {
            const product = view.product(line.productId);
            return (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{product ? productLabel(product, i18n.language) : line.productId}</Typography.Text>
                <Typography.Text type="secondary">{product?.sku}</Typography.Text>
              </Space>
            );
          },
        },
        {
          title: t('kitchen.dispatch.qty'),
          key: 'qty',
          width: 170,
          render: (_, line, index) => (
            <InputNumber<number>
              ref={(element) => {
                qtyInputs.current.set(index, element as HTMLInputElement | null);
              }}
              min={0}
              value={line.qty}
              addonAfter={unitLabel(view.product(line.productId)?.baseUnit)}
              data-testid="line-qty"
              onChange={(value) => update(index, { qty: value ?? 0 })}
              onPressEnter={onDone}
            />
          ),
        },
        {
          title: t('kitchen.dispatch.kitchenOnHand'),
          key: 'onHand',
          align: 'right',
          render: (_, line) => (
            <span data-testid="line-on-hand">
              {formatQty(view.productTotals(siteId, line.productId).qty, view.product(line.productId))}
            </span>
          ),
        },
        {
          title: t('kitchen.dispatch.batch'),
          key: 'batch',
          width: 420,
          render: (_, line, index) => {
            const product = view.product(line.productId);
            const options = batchOptions(view, siteId, line.productId, businessDate);
            const check = checkLineChoice(view, siteId, businessDate, line);
            const proposal =
              line.batchId === undefined && line.qty > 0
                ? proposeBatches(view, { siteId, productId: line.productId, businessDate, qty: line.qty })
                : null;
            const refusal = refused[index];
            return (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Select
                  size="small"
                  style={{ width: '100%' }}
                  value={line.batchId ?? ''}
                  data-testid="line-batch"
                  onChange={(value: string) => chooseBatch(index, line, value)}
                  options={[
                    { value: '', label: t('kitchen.dispatch.autoFefo') },
                    ...options.map((option) => ({
                      value: option.batchId,
                      label: `${option.lotCode} · ${option.expiryDate ?? t('kitchen.dispatch.noExpiry')} · ${formatQty(option.onHand, product)}${option.unusable ? ` · ${t(`kitchen.dispatch.unusable.${option.unusable}`)}` : ''}`,
                    })),
                  ]}
                />
                {proposal && (
                  <Typography.Text type="secondary" data-testid="line-proposal">
                    {proposal.allocations
                      .map(
                        (allocation) =>
                          `${view.batch(allocation.batchId)?.lotCode ?? ''} (${view.batch(allocation.batchId)?.expiryDate ?? '—'}) × ${formatQty(allocation.qty, product)}`,
                      )
                      .join(', ')}
                    {proposal.shortfall > 0 ? ` — ${t('kitchen.dispatch.short', { qty: formatQty(proposal.shortfall, product) })}` : ''}
                  </Typography.Text>
                )}
                {refusal && (
                  <Typography.Text type="danger" data-testid="line-refused">
                    {describeDomainError(refusal, t, ledger, i18n.language)}
                  </Typography.Text>
                )}
                {!check.ok && (
                  <>
                    <Typography.Text type="danger" data-testid="line-error">
                      {describeDomainError(check.error, t, ledger, i18n.language)}
                    </Typography.Text>
                    {check.error.code === 'fifo-violation' && (
                      <ReasonInput
                        value={line.fifoOverrideReason ?? ''}
                        autoFocus
                        placeholder={t('kitchen.dispatch.reasonPlaceholder')}
                        onCommit={(reason) =>
                          update(index, reason ? { fifoOverrideReason: reason } : {}, reason ? [] : ['fifoOverrideReason'])
                        }
                      />
                    )}
                  </>
                )}
                {check.ok && check.override && (
                  <Tag color="orange" data-testid="line-override">
                    {t('kitchen.dispatch.override', { reason: check.override.reason })}
                  </Tag>
                )}
              </Space>
            );
          },
        },
        {
          title: '',
          key: 'remove',
          width: 48,
          render: (_, __, index) => (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('kitchen.dispatch.remove')}
              onClick={() => onChange(lines.filter((_line, i) => i !== index))}
            />
          ),
        },
      ]}
    />
  );
}
