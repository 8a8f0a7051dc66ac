import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/domain';
import { purchaseOrderTotals, type BudgetCheck, type ContractPrice } from '../../../shared/finance';
import type { PartnerDoc, ProductDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand, useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { businessDateToday, formatMoney, newId, productLabel } from '../../ui/format';
import { useLabels } from '../finance/labels';
import { budgetReason } from './budgetText';
import { useApprovalRules } from './data';
import { DocumentCustomFields, useDocumentCustomFields } from '../master-data/custom-field-ui';
import { ProductSelect } from './ProductSelect';
import { unitLabel } from '../../ui/units';

interface DraftLine {
  key: string;
  productId?: string;
  qty: number | null;
  unitCost: number | null;
}

const emptyLine = (): DraftLine => ({ key: newId(), qty: null, unitCost: null });

/** A new PO: supplier, expected date, lines; submitting checks the month's budgets. */
export function PoForm({ suppliers, products }: { suppliers: PartnerDoc[]; products: ProductDoc[] }) {
  const { t } = useTranslation();
  const command = useCommand();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const labels = useLabels();
  const rules = useApprovalRules();
  const customFields = useDocumentCustomFields('purchase-order');
  const [partnerId, setPartnerId] = useState<string>();
  const [expected, setExpected] = useState<string>();
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([emptyLine()]);
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [outcome, setOutcome] = useState<{ number: string; check: BudgetCheck }>();
  const today = businessDateToday();
  const leadDays = partnerId ? rules.leadTimes[partnerId] : undefined;

  const referencePrice = (productId: string, supplier: string | undefined): number | undefined => {
    const contract = rules.contracts.find(
      (price: ContractPrice) =>
        price.partnerId === supplier && price.productId === productId && (price.validTo === undefined || price.validTo >= today),
    );
    return contract?.unitCost ?? (terminal ? ledger?.ledger.lastReceiptCost(terminal.siteId, productId) : undefined);
  };
  const update = (key: string, patch: Partial<DraftLine>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const filled = lines.filter((line) => line.productId);
  const totals = useMemo(
    () =>
      purchaseOrderTotals({
        lines: filled.map((line) => ({ productId: line.productId ?? '', qty: line.qty ?? 0, unitCost: line.unitCost ?? 0 })),
      }),
    [filled],
  );

  const submit = async () => {
    setProblem(undefined);
    setError(undefined);
    setOutcome(undefined);
    if (!command || !terminal || !ledger) return;
    if (!partnerId) return setProblem(t('purchasing.po.needSupplier'));
    if (filled.length === 0) return setProblem(t('purchasing.po.needLines'));
    const bad = filled.findIndex((line) => !line.qty || line.qty <= 0 || !line.unitCost || line.unitCost <= 0);
    if (bad >= 0) {
      const product = ledger.ledger.product(filled[bad]?.productId ?? '');
      return setProblem(t('purchasing.po.badLine', { line: bad + 1, product: product ? productLabel(product, labels.language) : '' }));
    }
    // A required field left blank is shown under its input.
    const custom = await customFields.read().catch(() => null);
    if (!custom) return;
    try {
      const { result } = await command('po.submit', {
        partnerId,
        ...(expected ? { expectedDate: expected } : {}),
        note,
        custom,
        lines: filled.map((line) => ({ productId: line.productId ?? '', qty: line.qty ?? 0, unitCost: line.unitCost ?? 0 })),
      });
      setOutcome(result);
      setLines([emptyLine()]);
      setNote('');
      customFields.reset();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Card title={t('purchasing.po.new')} style={{ marginBottom: 16 }} data-testid="po-form">
      {outcome &&
        (outcome.check.status === 'within-budget' ? (
          <Alert
            type="success"
            showIcon
            data-testid="po-outcome"
            message={t('purchasing.po.approvedAtOnce', { number: outcome.number })}
            style={{ marginBottom: 12 }}
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="po-outcome"
            style={{ marginBottom: 12 }}
            message={t('purchasing.po.held', { number: outcome.number })}
            description={outcome.check.excesses.map((excess) => (
              <div key={`${excess.kind}:${excess.category}`} data-testid="po-hold-reason">
                {budgetReason(excess, t, labels)}
              </div>
            ))}
          />
        ))}
      {problem && <Alert type="error" showIcon message={problem} data-testid="po-problem" style={{ marginBottom: 12 }} />}
      <ErrorAlert error={error} />
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('purchasing.po.supplier')} required>
          <Select
            data-testid="po-supplier"
            style={{ width: 280 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={partnerId}
            onChange={(id: string) => {
              setPartnerId(id);
              const days = rules.leadTimes[id];
              if (days !== undefined && !expected) setExpected(addDays(today, days));
            }}
            options={suppliers.map((p) => ({ value: p.id, label: labels.partner(p.id) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('purchasing.po.expected')}
          extra={leadDays !== undefined ? t('purchasing.po.leadTimeHint', { days: leadDays }) : undefined}
        >
          <DatePicker
            value={expected ? dayjs(expected) : null}
            onChange={(date) => setExpected(date ? date.format('YYYY-MM-DD') : undefined)}
          />
        </Form.Item>
        <Form.Item label={t('purchasing.po.note')}>
          <Input value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} style={{ width: 220 }} />
        </Form.Item>
      </Form>
      <DocumentCustomFields fields={customFields.fields} form={customFields.form} />
      <Table<DraftLine>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={lines}
        columns={[
          { title: '#', key: 'n', width: 40, render: (_, __, index) => index + 1 },
          {
            title: t('purchasing.po.product'),
            key: 'product',
            render: (_, line, index) => (
              <ProductSelect
                testId={`po-line-product-${index}`}
                products={products}
                value={line.productId}
                language={labels.language}
                placeholder={t('purchasing.po.pickProduct')}
                onChange={(productId) =>
                  update(line.key, { productId, unitCost: line.unitCost ?? referencePrice(productId, partnerId) ?? null })
                }
              />
            ),
          },
          {
            title: t('purchasing.po.qty'),
            key: 'qty',
            width: 140,
            render: (_, line, index) => (
              <InputNumber
                data-testid={`po-line-qty-${index}`}
                min={0}
                value={line.qty}
                onChange={(qty) => update(line.key, { qty })}
                addonAfter={line.productId ? unitLabel(ledger?.ledger.product(line.productId)?.baseUnit) : undefined}
              />
            ),
          },
          {
            title: t('purchasing.po.unitCost'),
            key: 'cost',
            width: 140,
            render: (_, line, index) => (
              <InputNumber
                data-testid={`po-line-cost-${index}`}
                min={0}
                step={0.01}
                prefix="¥"
                value={line.unitCost}
                onChange={(unitCost) => update(line.key, { unitCost })}
              />
            ),
          },
          {
            title: t('purchasing.po.amount'),
            key: 'amount',
            width: 120,
            align: 'right',
            render: (_, line) => formatMoney((line.qty ?? 0) * (line.unitCost ?? 0)),
          },
          {
            title: '',
            key: 'x',
            width: 48,
            render: (_, line) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('purchasing.po.removeLine')}
                onClick={() => setLines((current) => current.filter((other) => other.key !== line.key))}
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Button icon={<PlusOutlined />} onClick={() => setLines((current) => [...current, emptyLine()])} data-testid="po-add-line">
          {t('purchasing.po.addLine')}
        </Button>
        <Space>
          <Typography.Text strong data-testid="po-total">
            {t('purchasing.po.total')} {formatMoney(totals.total)}
          </Typography.Text>
          <Button type="primary" onClick={() => void submit()} data-testid="po-submit">
            {t('purchasing.po.submit')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
