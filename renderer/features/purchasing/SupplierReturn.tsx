import { Alert, InputNumber, Modal, Input, Table, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostingResult } from '../../../shared/domain';
import type { DocumentDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useHeldNotice } from '../approvals/useHeldNotice';
import { useLedgerAtHand, useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { formatQty, productLabel } from '../../ui/format';
import { useUiLanguage } from '../finance/labels';

/** 退货给供应商 from the batches a receipt created: Dr Payable / Cr Inventory. */
export function SupplierReturn({
  receipt,
  onClose,
  onPosted,
}: {
  receipt: DocumentDoc;
  onClose: () => void;
  onPosted: (result: PostingResult) => void;
}) {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const command = useCommand();
  const heldNotice = useHeldNotice();
  const language = useUiLanguage();
  const [qty, setQty] = useState<Record<string, number | null>>({});
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const lines = receipt.lines.filter((line) => line.batchId);
  const onHand = (batchId: string) => ledger?.ledger.onHand(receipt.siteId, batchId) ?? 0;
  const name = (productId: string) => {
    const product = ledger?.ledger.product(productId);
    return product ? productLabel(product, language) : productId;
  };

  const submit = async () => {
    if (!terminal || !command || !receipt.partnerId) return;
    setError(undefined);
    const chosen = lines.filter((line) => (qty[line.batchId ?? ''] ?? 0) > 0);
    if (chosen.length === 0) return setProblem(t('purchasing.returns.nothing'));
    for (const line of chosen) {
      const batchId = line.batchId ?? '';
      if ((qty[batchId] ?? 0) > onHand(batchId) + 1e-9) {
        return setProblem(
          t('purchasing.returns.tooMuch', {
            product: name(line.productId),
            lot: line.lotCode ?? batchId,
            onHand: formatQty(onHand(batchId), ledger?.ledger.product(line.productId)),
          }),
        );
      }
    }
    setProblem(undefined);
    try {
      const { posting, result } = await command('return.post', {
        partnerId: receipt.partnerId,
        receiptId: receipt.id,
        reason,
        lines: chosen.map((line) => ({ productId: line.productId, batchId: line.batchId ?? '', qty: qty[line.batchId ?? ''] ?? 0 })),
      });
      if (posting) onPosted(posting);
      const held = heldNotice(result);
      if (held) {
        void message.warning(held);
        onClose();
      }
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Modal
      open
      title={t('purchasing.returns.title', { number: receipt.number })}
      okText={t('purchasing.returns.post')}
      cancelText={t('purchasing.receipt.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      width={720}
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <ErrorAlert error={error} />
      <Table
        size="small"
        pagination={false}
        rowKey={(line) => line.batchId ?? line.productId}
        dataSource={lines}
        columns={[
          { title: t('purchasing.po.product'), key: 'p', render: (_, line) => name(line.productId) },
          { title: t('purchasing.returns.batch'), key: 'b', render: (_, line) => line.lotCode ?? '' },
          {
            title: t('purchasing.returns.onHand'),
            key: 'o',
            align: 'right',
            render: (_, line) => formatQty(onHand(line.batchId ?? ''), ledger?.ledger.product(line.productId)),
          },
          {
            title: t('purchasing.returns.qty'),
            key: 'q',
            render: (_, line, index) => (
              <InputNumber
                data-testid={`return-qty-${index}`}
                min={0}
                value={qty[line.batchId ?? ''] ?? null}
                onChange={(value) => setQty((current) => ({ ...current, [line.batchId ?? '']: value }))}
              />
            ),
          },
        ]}
      />
      <Input
        style={{ marginTop: 12 }}
        maxLength={500}
        placeholder={t('purchasing.returns.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </Modal>
  );
}
