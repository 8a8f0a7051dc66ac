import { Alert, Button, Card, Descriptions, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlreadyRecordedError } from '../../../shared/domain';
import { useCommand } from '../../db/commands';
import { useLedgerRead } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { QtyInput } from '../../ui/QtyInput';
import { formatQty, productLabel } from '../../ui/format';
import {
  defaultEntries,
  lineProblem,
  shortOf,
  type IncomingDispatch,
  type IncomingLine,
  type LineEntry,
} from '../../../shared/dispatch/store-receipt';

export const rejectReasons = ['damaged', 'temperature', 'expired', 'quality', 'wrong-item', 'other'] as const;

interface ReceiveFormProps {
  incoming: IncomingDispatch;
  kitchenName: string;
  onDone(receiptNumber: string): void;
  onCancel(): void;
}

/** Per line accepted / rejected (short is the rest); Enter on the focused button, then Enter to confirm. */
export function ReceiveForm({ incoming, kitchenName, onDone, onCancel }: ReceiveFormProps) {
  const { t, i18n } = useTranslation();
  // Read in render (names, lots): re-rendered whenever the projection changes.
  const ledger = useLedgerRead((local) => local, []);
  const command = useCommand();
  const [entries, setEntries] = useState<LineEntry[]>(() => defaultEntries(incoming));
  const [error, setError] = useState<unknown>(null);
  const [posting, setPosting] = useState(false);
  const [modal, modalHolder] = Modal.useModal();
  const submitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setEntries(defaultEntries(incoming));
    setError(null);
    submitRef.current?.focus();
  }, [incoming]);

  const update = (index: number, change: Partial<LineEntry>) =>
    setEntries((current) => current.map((entry, i) => (i === index ? { ...entry, ...change } : entry)));
  const product = (id: string) => ledger?.ledger.product(id);
  const problems = incoming.lines.map((line, index) => lineProblem(line, entries[index] ?? { accepted: line.qty, rejected: 0 }));
  const firstProblem = problems.findIndex((p) => p !== null);
  const lossLines = incoming.lines.filter((line, index) => {
    const entry = entries[index];
    return entry !== undefined && (entry.rejected > 0 || shortOf(line, entry) > 0);
  }).length;

  const submit = async () => {
    if (!command) return;
    setPosting(true);
    setError(null);
    try {
      const { result } = await command('receipt.receive', { incoming, entries });
      onDone(result.number);
    } catch (caught) {
      setError(
        caught instanceof AlreadyRecordedError ? new Error(t('receiving.receive.alreadyReceived', { number: caught.number })) : caught,
      );
      submitRef.current?.focus();
    } finally {
      setPosting(false);
    }
  };

  const confirm = () => {
    if (firstProblem >= 0) return;
    void modal.confirm({
      title: t('receiving.receive.confirmTitle', { number: incoming.number }),
      content:
        lossLines > 0
          ? t('receiving.receive.confirmWithLoss', { count: lossLines })
          : t('receiving.receive.confirmAll', { count: incoming.lines.length }),
      okText: t('receiving.receive.post'),
      cancelText: t('receiving.cancel'),
      autoFocusButton: 'ok',
      onOk: submit,
    });
  };

  /** A line's quantity in its product's units (2 kg, 1 瓶 400 ml); a product not yet synced shows the bare number. */
  const qtyOf = (line: IncomingLine, qty: number) => formatQty(qty, product(line.productId));
  /** Accepted or rejected, typed in the product's units (2 kg, 1 箱 4 条); base units while the product is unknown here. */
  const qtyField = (line: IncomingLine, index: number, field: 'accepted' | 'rejected', invalid: boolean) => {
    const doc = product(line.productId);
    const label = t(`receiving.columns.${field}`);
    const value = entries[index]?.[field] ?? 0;
    return doc ? (
      <QtyInput
        value={value}
        product={doc}
        width={108}
        invalid={invalid}
        testId={`${field}-${index}`}
        ariaLabel={label}
        onCommit={(qty) => update(index, { [field]: qty })}
      />
    ) : (
      <InputNumber
        min={0}
        max={line.qty}
        value={value}
        status={invalid ? 'error' : undefined}
        data-testid={`${field}-${index}`}
        aria-label={label}
        onChange={(qty) => update(index, { [field]: qty ?? 0 })}
      />
    );
  };
  const columns = [
    { title: '#', key: 'n', width: 44, render: (_: unknown, __: IncomingLine, index: number) => index + 1 },
    {
      title: t('receiving.columns.product'),
      key: 'product',
      render: (_: unknown, line: IncomingLine) => {
        const doc = product(line.productId);
        return doc ? (
          <Space direction="vertical" size={0}>
            <Typography.Text strong>{productLabel(doc, i18n.language)}</Typography.Text>
            <Typography.Text type="secondary">{doc.sku}</Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="warning">{t('receiving.unknownProduct', { id: line.productId })}</Typography.Text>
        );
      },
    },
    // The kitchen's batch may sync while the form is open: read lot and expiry at render time.
    {
      title: t('receiving.columns.lot'),
      key: 'lot',
      width: 120,
      render: (_: unknown, line: IncomingLine) => line.lotCode || ledger?.ledger.batch(line.batchId)?.lotCode || '—',
    },
    {
      title: t('receiving.columns.expiry'),
      key: 'expiry',
      width: 105,
      render: (_: unknown, line: IncomingLine) => line.expiryDate ?? ledger?.ledger.batch(line.batchId)?.expiryDate ?? '—',
    },
    {
      title: t('receiving.columns.shipped'),
      key: 'shipped',
      width: 100,
      align: 'right' as const,
      render: (_: unknown, line: IncomingLine) => qtyOf(line, line.qty),
    },
    {
      title: t('receiving.columns.accepted'),
      key: 'accepted',
      width: 120,
      render: (_: unknown, line: IncomingLine, index: number) =>
        qtyField(line, index, 'accepted', problems[index] === 'too-much' || problems[index] === 'negative'),
    },
    {
      title: t('receiving.columns.rejected'),
      key: 'rejected',
      width: 120,
      render: (_: unknown, line: IncomingLine, index: number) => qtyField(line, index, 'rejected', false),
    },
    {
      title: t('receiving.columns.short'),
      key: 'short',
      align: 'right' as const,
      width: 70,
      render: (_: unknown, line: IncomingLine, index: number) => {
        const short = shortOf(line, entries[index] ?? { accepted: line.qty, rejected: 0 });
        return short > 0 ? (
          <Tag color="orange" data-testid={`short-${index}`}>
            {qtyOf(line, short)}
          </Tag>
        ) : (
          <span data-testid={`short-${index}`}>0</span>
        );
      },
    },
    {
      title: t('receiving.columns.reason'),
      key: 'reason',
      width: 170,
      render: (_: unknown, _line: IncomingLine, index: number) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Select
            style={{ width: '100%' }}
            allowClear
            disabled={(entries[index]?.rejected ?? 0) <= 0}
            status={problems[index] === 'reason-missing' ? 'error' : undefined}
            placeholder={t('receiving.reasonPlaceholder')}
            value={entries[index]?.rejectReason}
            data-testid={`reason-${index}`}
            options={rejectReasons.map((reason) => ({ value: t(`receiving.reasons.${reason}`), label: t(`receiving.reasons.${reason}`) }))}
            onChange={(value?: string) => update(index, { rejectReason: value })}
          />
          <Input
            placeholder={t('receiving.notePlaceholder')}
            value={entries[index]?.note}
            maxLength={200}
            data-testid={`note-${index}`}
            onChange={(event) => update(index, { note: event.target.value })}
          />
        </Space>
      ),
    },
  ];

  const problemText =
    firstProblem >= 0 ? t(`receiving.problems.${problems[firstProblem] ?? 'negative'}`, { line: firstProblem + 1 }) : null;
  return (
    <Card
      data-testid="receive-form"

      title={t('receiving.receive.title', { number: incoming.number })}
      extra={
        incoming.source === 'qr' ? (
          <Tag color="blue" data-testid="receive-source">
            {t('receiving.receive.fromQr')}
          </Tag>
        ) : null
      }
    >
      {modalHolder}
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('receiving.columns.from')}>{kitchenName}</Descriptions.Item>
        <Descriptions.Item label={t('receiving.columns.date')}>{incoming.businessDate}</Descriptions.Item>
        <Descriptions.Item label={t('receiving.columns.lines')}>{incoming.lines.length}</Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={error} testId="receive-error" />
      {problemText ? (
        <Alert type="warning" showIcon message={problemText} data-testid="receive-problem" style={{ marginBottom: 12 }} />
      ) : null}
      <Table
        size="small"
        rowKey={(line) => `${line.batchId}-${line.productId}`}
        columns={columns}
        dataSource={incoming.lines}
        pagination={false}
      />
      <Space style={{ marginTop: 16 }}>
        <Button
          ref={submitRef}
          type="primary"
          size="large"
          loading={posting}
          disabled={firstProblem >= 0 || !command}
          onClick={confirm}
          data-testid="receive-submit"
        >
          {lossLines > 0 ? t('receiving.receive.submitWithLoss', { count: lossLines }) : t('receiving.receive.submitAll')}
        </Button>
        <Button size="large" onClick={onCancel} data-testid="receive-cancel">
          {t('receiving.cancel')}
        </Button>
        <Typography.Text type="secondary">{t('receiving.receive.keyboardHint')}</Typography.Text>
      </Space>
    </Card>
  );
}
