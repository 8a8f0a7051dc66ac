import { Alert, Button, Card, Col, Empty, Row, Segmented, Select, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerPriceOn } from '../../../shared/domain';
import { isMassProduct } from '../../../shared/ops/quantity';
import type { ProductDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useHeldNotice } from '../approvals/useHeldNotice';
import { useLedgerAtHand, useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { businessDateToday, formatMoney, formatQty, newId, productLabel } from '../../ui/format';
import { ScanInput, type ScanInputHandle } from '../../ui/ScanInput';
import { ProductSearch } from '../counts/ProductSearch';
import { useScanCatalog } from '../counts/useScanCatalog';
import { ReceiptButton } from './ReceiptButton';
import { scanEntry, scanEntryText } from './scan-entry';
import { SaleLinesTable, type SaleLine } from './SaleLinesTable';
import { useLabels, usePartners } from '../finance/labels';

type Kind = 'sale' | 'consumption';

/** 销售出库 / 消耗 by scan: FEFO batches shown per line, negative stock explained per batch. */
export default function QuickSalePage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const catalog = useScanCatalog();
  const command = useCommand();
  const heldNotice = useHeldNotice();
  const scanRef = useRef<ScanInputHandle>(null);
  const [kind, setKind] = useState<Kind>('sale');
  const [lines, setLines] = useState<SaleLine[]>([]);
  const [notice, setNotice] = useState<{ type: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [lastSale, setLastSale] = useState<{ id: string; number: string } | null>(null);
  // A sale to a named customer (wholesale, a franchise store) goes on its account (issue 17).
  const [customerId, setCustomerId] = useState<string | null>(null);
  const labels = useLabels();
  const customers = (usePartners() ?? []).filter((partner) => partner.active && (partner.kind === 'customer' || partner.kind === 'both'));
  const businessDate = businessDateToday();

  const addProduct = (product: ProductDoc, qty: number, batchId?: string) => {
    setError(null);
    // The store's price list in force today (a customer on account: its agreed price first); none: the line asks for one (posting refuses ¥0).
    const customer = customers.find((candidate) => candidate.id === customerId);
    const unitPrice = terminal ? (customerPriceOn(product, customer, terminal.siteId, businessDate) ?? 0) : 0;
    setLines((current) => {
      const same = current.find((l) => l.productId === product.id && l.batchId === batchId);
      if (same) return current.map((l) => (l === same ? { ...l, qty: l.qty + qty } : l));
      return [...current, { key: newId(), productId: product.id, qty, unitPrice, ...(batchId ? { batchId } : {}) }];
    });
    if (qty === 0) setNotice({ type: 'warning', text: t('counts.scan.needsWeight', { product: productLabel(product, i18n.language) }) });
    else
      setNotice({
        type: 'success',
        text: t('sales.added', { product: productLabel(product, i18n.language), qty: formatQty(qty, product) }),
      });
  };

  const post = async () => {
    if (!terminal || !command) return;
    const kept = lines.filter((l) => l.qty > 0);
    const lineOf = (l: SaleLine) => ({
      productId: l.productId,
      qty: l.qty,
      ...(l.batchId ? { batchId: l.batchId } : {}),
      ...(l.batchId && l.fifoOverrideReason ? { fifoOverrideReason: l.fifoOverrideReason } : {}),
      ...(kind === 'sale' ? { unitPrice: l.unitPrice } : {}),
    });
    setBusy(true);
    setError(null);
    try {
      const { result } = await command('sale.post', {
        kind,
        lines: kept.map(lineOf),
        ...(kind === 'sale' ? (customerId ? { partnerId: customerId } : { paymentMethod: 'cash' as const }) : {}),
      });
      setCustomerId(null);
      setLines([]);
      const held = heldNotice(result);
      setNotice(held ? { type: 'warning', text: held } : { type: 'success', text: t('ui.posted', { number: result.number }) });
      setLastSale(kind === 'sale' ? result : null);
    } catch (caught) {
      setError(caught);
      setNotice(null);
    } finally {
      setBusy(false);
      scanRef.current?.focus();
    }
  };

  if (!terminal)
    return (
      <Card data-testid="section-sales">
        <Empty description={t('sections.notPaired')} />
      </Card>
    );
  const total = lines.reduce((sum, l) => sum + l.qty * l.unitPrice, 0);
  return (
    <div data-testid="section-sales">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.sales')}
      </Typography.Title>
      {!ledger || !catalog ? (
        <Spin data-testid="sales-loading">
          <div style={{ height: 120 }} />
        </Spin>
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Segmented<Kind>
            value={kind}
            onChange={setKind}
            options={[
              { value: 'sale', label: t('sales.kind.sale') },
              { value: 'consumption', label: t('sales.kind.consumption') },
            ]}
            data-testid="sale-kind"
          />
          {kind === 'sale' && customers.length > 0 && (
            <Space wrap>
              <Typography.Text>{t('sales.customer.label')}</Typography.Text>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 260 }}
                placeholder={t('sales.customer.walkIn')}
                value={customerId}
                onChange={(value?: string) => {
                  setCustomerId(value ?? null);
                  // The lines take the new customer's prices (or the store's again for a walk-in).
                  const chosen = customers.find((candidate) => candidate.id === value);
                  setLines((current) =>
                    current.map((line) => {
                      const product = ledger?.ledger.product(line.productId);
                      const price = product ? customerPriceOn(product, chosen, terminal.siteId, businessDate) : undefined;
                      return price === undefined ? line : { ...line, unitPrice: price };
                    }),
                  );
                }}
                options={customers.map((customer) => ({ value: customer.id, label: labels.partner(customer.id) }))}
                data-testid="sale-customer"
              />
              {customerId && <Typography.Text type="secondary">{t('sales.customer.onAccount')}</Typography.Text>}
            </Space>
          )}
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <ScanInput
                ref={scanRef}
                testId="sale-scan"
                placeholder={t('counts.scan.placeholder')}
                onScan={(text) => {
                  const entry = scanEntry(text, catalog.scan);
                  if (!entry.ok) setNotice({ type: 'error', text: scanEntryText(entry, t) });
                  else addProduct(entry.product, entry.qty ?? 0, entry.batch?.id);
                }}
              />
            </Col>
            <Col xs={24} md={10}>
              <ProductSearch
                index={catalog.search}
                onPick={(product) => {
                  // A weighed product picked by name has no weight yet: the line asks for it (never "+1 g").
                  addProduct(product, isMassProduct(product) ? 0 : 1);
                  scanRef.current?.focus();
                }}
                testId="sale-search"
              />
            </Col>
          </Row>
          {notice ? (
            <Alert type={notice.type} showIcon message={notice.text} data-testid="sale-notice" />
          ) : (
            <Alert type="info" showIcon message={t('sales.hint')} />
          )}
          <ErrorAlert error={error} testId="sale-error" />
          {lastSale && lines.length === 0 && <ReceiptButton docId={lastSale.id} number={lastSale.number} />}
          <SaleLinesTable
            lines={lines}
            ledger={ledger.ledger}
            siteId={terminal.siteId}
            businessDate={businessDate}
            withPrice={kind === 'sale'}
            onChange={(key, patch) => setLines((current) => current.map((l) => (l.key === key ? { ...l, ...patch } : l)))}
            onRemove={(key) => setLines((current) => current.filter((l) => l.key !== key))}
            onReasonEntered={() => scanRef.current?.focus()}
          />
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text>
              {kind === 'sale' ? t('sales.total', { total: formatMoney(total) }) : t('sales.consumptionNote')}
            </Typography.Text>
            <Space>
              <Button onClick={() => setLines([])} disabled={lines.length === 0 || busy}>
                {t('sales.clear')}
              </Button>
              <Button
                type="primary"
                size="large"
                onClick={() => void post()}
                loading={busy}
                disabled={lines.every((l) => l.qty <= 0)}
                data-testid="sale-post"
              >
                {kind === 'sale' ? t('sales.postSale') : t('sales.postConsumption')}
              </Button>
            </Space>
          </Space>
        </Space>
      )}
    </div>
  );
}
