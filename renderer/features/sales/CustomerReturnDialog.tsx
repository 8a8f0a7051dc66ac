// 客户退货 (issue 17): a customer sends back goods of a sale on account; each line back into the
// batch it left, at most what the sale took, at the sale's price, as a credit note on the
// customer's account (customer-return.post).
import { Form, Input, InputNumber, Modal, Table, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleDoc } from '../../../shared/schemas';
import { useDialogCommand } from '../../db/commands';
import { useLedgerAtHand } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { formatMoney, formatQty, productLabel } from '../../ui/format';

export function CustomerReturnDialog({ sale, onClose }: { sale: SaleDoc; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  const [qty, setQty] = useState<Record<number, number>>({});
  const [reason, setReason] = useState('');
  const { error, run } = useDialogCommand(onClose);
  const lines = sale.lines.map((line, index) => ({ ...line, index }));
  const credit = lines.reduce((sum, line) => sum + (qty[line.index] ?? 0) * (line.unitPrice ?? 0), 0);
  const post = () =>
    run((command) =>
      command('customer-return.post', {
        saleId: sale.id,
        reason,
        lines: lines.flatMap((line) =>
          line.batchId && (qty[line.index] ?? 0) > 0
            ? [{ productId: line.productId, batchId: line.batchId, qty: qty[line.index] ?? 0 }]
            : [],
        ),
      }),
    );
  return (
    <Modal
      open
      width={760}
      title={t('sales.customerReturn.title', { number: sale.number })}
      onCancel={onClose}
      onOk={() => void post()}
      okText={t('sales.customerReturn.post', { amount: formatMoney(credit) })}
      okButtonProps={{ disabled: credit <= 0 || !reason.trim(), 'data-testid': 'customer-return-post' } as ButtonProps}
    >
      <ErrorAlert error={error} testId="customer-return-error" />
      <Table
        size="small"
        pagination={false}
        rowKey="index"
        dataSource={lines}
        columns={[
          {
            title: t('sales.customerReturn.product'),
            key: 'product',
            render: (_, line) => {
              const product = ledger?.ledger.product(line.productId);
              return product ? productLabel(product, i18n.language) : line.productId;
            },
          },
          {
            title: t('sales.customerReturn.lot'),
            key: 'lot',
            render: (_, line) => (line.batchId ? ledger?.ledger.batch(line.batchId)?.lotCode : ''),
          },
          {
            title: t('sales.customerReturn.sold'),
            key: 'sold',
            align: 'right',
            render: (_, line) => formatQty(line.qty, ledger?.ledger.product(line.productId)),
          },
          { title: t('sales.customerReturn.price'), key: 'price', align: 'right', render: (_, line) => formatMoney(line.unitPrice ?? 0) },
          {
            title: t('sales.customerReturn.back'),
            key: 'back',
            render: (_, line) => (
              <InputNumber
                min={0}
                max={line.qty}
                value={qty[line.index] ?? 0}
                onChange={(value) => setQty((current) => ({ ...current, [line.index]: value ?? 0 }))}
                data-testid={`customer-return-qty-${line.index}`}
              />
            ),
          },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label={t('sales.customerReturn.reason')} required>
          <Input value={reason} maxLength={200} onChange={(event) => setReason(event.target.value)} data-testid="customer-return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
