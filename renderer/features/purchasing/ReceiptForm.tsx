import { Alert, Button, Card, DatePicker, Input, InputNumber, Modal, Select, Space, Table, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostingResult } from '../../../shared/domain';
import { priceDeviations, receiptProgress, receiptsForOrder, type ContractPrice } from '../../../shared/finance';
import type { DocumentDoc, GoodsReceiptDoc, PartnerDoc, ProductDoc, PurchaseOrderDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useHeldNotice } from '../approvals/useHeldNotice';
import { useLedgerAtHand, useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { businessDateToday, formatMoney, newId, productLabel } from '../../ui/format';
import { useLabels } from '../finance/labels';
import { useApprovalRules } from './data';
import { ProductSelect } from './ProductSelect';
import { PostedReceipt } from './PostedReceipt';
import { unitLabel } from '../../ui/units';
import { ExpiredLines, needsExpiryChoice } from './ExpiredLines';
import { DocumentCustomFields, useDocumentCustomFields } from '../master-data/custom-field-ui';

interface DraftLine {
  key: string;
  productId?: string;
  qty: number | null;
  unitCost: number | null;
  lotCode: string;
  expiryDate?: string;
  productionDate?: string;
  quarantine?: boolean;
  expiredReason?: string;
}

const lotToday = (n: number) => `${businessDateToday().replaceAll('-', '')}-${n}`;
const emptyLine = (n: number): DraftLine => ({ key: newId(), qty: null, unitCost: null, lotCode: lotToday(n) });

/** 采购入库 against a PO (its outstanding lines prefilled) or without; price check before posting. */
export function ReceiptForm(props: {
  order: PurchaseOrderDoc | undefined;
  orders: PurchaseOrderDoc[];
  receipts: DocumentDoc[];
  suppliers: PartnerDoc[];
  products: ProductDoc[];
  onChooseOrder: (id: string | undefined) => void;
}) {
  const { order, orders, receipts, suppliers, products, onChooseOrder } = props;
  const { t } = useTranslation();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const command = useCommand();
  const heldNotice = useHeldNotice();
  const labels = useLabels();
  const rules = useApprovalRules();
  const customFields = useDocumentCustomFields('goods-receipt');
  const [partnerId, setPartnerId] = useState<string | undefined>(order?.partnerId);
  const [lines, setLines] = useState<DraftLine[]>([emptyLine(1)]);
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [posted, setPosted] = useState<PostingResult>();

  useEffect(() => {
    if (!order) return;
    const progress = receiptProgress(order, receiptsForOrder(order, receipts));
    setPartnerId(order.partnerId);
    setLines(
      progress.lines
        .filter((line) => line.outstanding > 0)
        .map((line, index) => ({
          ...emptyLine(index + 1),
          productId: line.productId,
          qty: line.outstanding,
          unitCost: order.lines.find((l) => l.productId === line.productId)?.unitCost ?? null,
        })),
    );
    // Prefill once per chosen order; later receipts arriving must not wipe what the user typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [order?.id]);

  const update = (key: string, patch: Partial<DraftLine>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const productName = (id: string | undefined) => {
    const product = id ? ledger?.ledger.product(id) : undefined;
    return product ? productLabel(product, labels.language) : (id ?? '');
  };

  const document = useMemo((): GoodsReceiptDoc | undefined => {
    if (!terminal || !partnerId) return undefined;
    const at = new Date().toISOString();
    return {
      id: '',
      type: 'goods-receipt',
      siteId: terminal.siteId,
      number: '',
      status: 'draft',
      businessDate: businessDateToday(),
      at,
      terminalId: terminal.terminalId,
      partnerId,
      ...(order ? { purchaseOrderId: order.id } : {}),
      lines: lines
        .filter((line) => line.productId)
        .map((line) => ({
          productId: line.productId ?? '',
          qty: line.qty ?? 0,
          unitCost: line.unitCost ?? 0,
          batchId: '',
          lotCode: line.lotCode.trim(),
          ...(line.expiryDate ? { expiryDate: line.expiryDate } : {}),
          ...(line.productionDate ? { productionDate: line.productionDate } : {}),
        })),
      updatedAt: at,
    };
  }, [terminal, partnerId, order, lines]);

  const warnings = useMemo(
    () =>
      document && ledger && terminal
        ? priceDeviations(document, ledger.ledger, ledger.ledger.policy(terminal.siteId), rules.contracts as ContractPrice[])
        : [],
    [document, ledger, terminal, rules.contracts],
  );
  const limit = terminal && ledger ? ledger.ledger.policy(terminal.siteId).priceDeviationPct : 10;

  const validate = (): string | undefined => {
    if (!partnerId) return t('purchasing.po.needSupplier');
    const filled = lines.filter((line) => line.productId);
    if (filled.length === 0) return t('purchasing.po.needLines');
    for (const [index, line] of filled.entries()) {
      const product = productName(line.productId);
      if (!line.qty || line.qty <= 0 || line.unitCost === null || line.unitCost < 0)
        return t('purchasing.po.badLine', { line: index + 1, product });
      if (!line.lotCode.trim()) return t('purchasing.receipt.needLot', { line: index + 1, product });
      if (ledger?.ledger.product(line.productId ?? '')?.perishable && !line.expiryDate && !line.productionDate)
        return t('purchasing.receipt.needDate', { line: index + 1, product });
      if (needsExpiryChoice(line, ledger?.ledger.product(line.productId ?? ''), businessDateToday()))
        return t('purchasing.receipt.expiredNeedsChoice', { line: index + 1, product });
    }
    return undefined;
  };

  const doPost = async (custom: Record<string, unknown>) => {
    if (!document || !command || !terminal) return;
    setError(undefined);
    try {
      const { posting, result } = await command('goods-receipt.post', {
        partnerId: document.partnerId,
        ...(document.purchaseOrderId ? { purchaseOrderId: document.purchaseOrderId } : {}),
        custom,
        lines: lines
          .filter((line) => line.productId)
          .map((line) => ({
            productId: line.productId ?? '',
            qty: line.qty ?? 0,
            unitCost: line.unitCost ?? 0,
            lotCode: line.lotCode.trim(),
            ...(line.expiryDate ? { expiryDate: line.expiryDate } : {}),
            ...(line.productionDate ? { productionDate: line.productionDate } : {}),
            ...(line.quarantine ? { quarantine: true } : {}),
            ...(line.expiredReason?.trim() ? { expiredReason: line.expiredReason.trim() } : {}),
          })),
      });
      if (posting) setPosted(posting);
      const held = heldNotice(result);
      if (held) void message.warning(held);
      setLines([emptyLine(1)]);
      customFields.reset();
      onChooseOrder(undefined);
    } catch (caught) {
      setError(caught);
    }
  };
  const submit = async () => {
    const message = validate();
    setProblem(message);
    if (message) return;
    // A required field left blank is shown under its input.
    const custom = await customFields.read().catch(() => null);
    if (!custom) return;
    if (warnings.length === 0) return void doPost(custom);
    Modal.confirm({
      title: t('purchasing.receipt.confirmTitle'),
      content: t('purchasing.receipt.confirmBody'),
      okText: t('purchasing.receipt.confirmOk'),
      cancelText: t('purchasing.receipt.cancel'),
      onOk: () => doPost(custom),
    });
  };

  return (
    <Card
      title={order ? t('purchasing.receipt.againstPo', { number: order.number }) : t('purchasing.receipt.new')}
      style={{ marginBottom: 16 }}
      data-testid="receipt-form"
    >
      {posted && <PostedReceipt result={posted} onClose={() => setPosted(undefined)} />}
      {problem && <Alert type="error" showIcon message={problem} data-testid="receipt-problem" style={{ marginBottom: 12 }} />}
      <ErrorAlert error={error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          data-testid="receipt-po"
          style={{ width: 240 }}
          allowClear
          placeholder={t('purchasing.receipt.choosePo')}
          value={order?.id}
          onChange={(id?: string) => onChooseOrder(id)}
          options={orders.map((o) => ({ value: o.id, label: `${o.number} · ${labels.partner(o.partnerId)}` }))}
        />
        <Select
          data-testid="receipt-supplier"
          style={{ width: 340 }}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('purchasing.po.supplier')}
          value={partnerId}
          onChange={setPartnerId}
          options={suppliers.map((p) => ({ value: p.id, label: labels.partner(p.id) }))}
        />
      </Space>
      <DocumentCustomFields fields={customFields.fields} form={customFields.form} />
      <Table<DraftLine>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={lines}
        // Every column fits at 1024 px (a till, navigation folded) and up; narrower windows scroll the table.
        scroll={{ x: 800 }}
        columns={[
          {
            title: t('purchasing.po.product'),
            key: 'p',
            width: 200,
            render: (_, line, i) => (
              <ProductSelect
                testId={`receipt-line-product-${i}`}
                products={products}
                value={line.productId}
                language={labels.language}
                placeholder={t('purchasing.po.pickProduct')}
                onChange={(productId) =>
                  update(line.key, {
                    productId,
                    unitCost: line.unitCost ?? (terminal ? ledger?.ledger.lastReceiptCost(terminal.siteId, productId) : undefined) ?? null,
                  })
                }
              />
            ),
          },
          {
            title: t('purchasing.po.qty'),
            key: 'q',
            width: 125,
            render: (_, line, i) => (
              <InputNumber
                style={{ width: '100%' }}
                data-testid={`receipt-line-qty-${i}`}
                min={0}
                value={line.qty}
                onChange={(qty) => update(line.key, { qty })}
                addonAfter={line.productId ? unitLabel(ledger?.ledger.product(line.productId)?.baseUnit) : undefined}
              />
            ),
          },
          {
            title: t('purchasing.po.unitCost'),
            key: 'c',
            width: 115,
            render: (_, line, i) => (
              <InputNumber
                style={{ width: '100%' }}
                data-testid={`receipt-line-cost-${i}`}
                min={0}
                step={0.01}
                prefix="¥"
                value={line.unitCost}
                onChange={(unitCost) => update(line.key, { unitCost })}
                status={warnings.some((w) => w.lineNo === i) ? 'warning' : undefined}
              />
            ),
          },
          {
            title: t('purchasing.receipt.lot'),
            key: 'l',
            width: 120,
            render: (_, line, i) => (
              <Input
                data-testid={`receipt-line-lot-${i}`}
                maxLength={64}
                value={line.lotCode}
                onChange={(event) => update(line.key, { lotCode: event.target.value })}
              />
            ),
          },
          {
            // Expiry over production date in one column: every column fits at 1024 px (a till) with the navigation folded.
            title: `${t('purchasing.receipt.expiry')} / ${t('purchasing.receipt.production')}`,
            key: 'e',
            width: 150,
            render: (_, line, i) => (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <DatePicker
                  style={{ width: '100%' }}
                  data-testid={`receipt-line-expiry-${i}`}
                  placeholder={t('purchasing.receipt.expiry')}
                  value={line.expiryDate ? dayjs(line.expiryDate) : null}
                  onChange={(date) => update(line.key, { expiryDate: date ? date.format('YYYY-MM-DD') : undefined })}
                />
                <DatePicker
                  style={{ width: '100%' }}
                  data-testid={`receipt-line-production-${i}`}
                  placeholder={t('purchasing.receipt.production')}
                  value={line.productionDate ? dayjs(line.productionDate) : null}
                  onChange={(date) => update(line.key, { productionDate: date ? date.format('YYYY-MM-DD') : undefined })}
                />
              </Space>
            ),
          },
          {
            title: t('purchasing.po.amount'),
            key: 'a',
            width: 90,
            align: 'right',
            render: (_, line) => formatMoney((line.qty ?? 0) * (line.unitCost ?? 0)),
          },
        ]}
      />
      <ExpiredLines
        lines={lines}
        product={(id) => (id ? ledger?.ledger.product(id) : undefined)}
        productName={(id) => productName(id)}
        businessDate={businessDateToday()}
        onChange={(index, change) => setLines((current) => current.map((line, i) => (i === index ? { ...line, ...change } : line)))}
      />
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="price-warning"
          style={{ marginTop: 12 }}
          message={t('purchasing.receipt.priceWarning')}
          description={warnings.map((w) => (
            <div key={w.lineNo}>
              {t('purchasing.receipt.priceLine', {
                product: productName(w.productId),
                price: formatMoney(w.unitCost),
                kind: t(w.referenceKind === 'contract' ? 'purchasing.receipt.contract' : 'purchasing.receipt.last'),
                reference: formatMoney(w.reference),
                pct: `${w.deviationPct > 0 ? '+' : ''}${w.deviationPct.toFixed(1)}`,
                limit,
              })}
            </div>
          ))}
        />
      )}
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'space-between' }}>
        <Button onClick={() => setLines((current) => [...current, emptyLine(current.length + 1)])} data-testid="receipt-add-line">
          {t('purchasing.po.addLine')}
        </Button>
        <Space>
          <Typography.Text strong>
            {t('purchasing.po.total')} {formatMoney(lines.reduce((sum, line) => sum + (line.qty ?? 0) * (line.unitCost ?? 0), 0))}
          </Typography.Text>
          <Button type="primary" onClick={() => void submit()} data-testid="receipt-post" disabled={!command}>
            {t('purchasing.receipt.post')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
