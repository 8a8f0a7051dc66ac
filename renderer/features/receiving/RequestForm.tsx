import { Alert, AutoComplete, Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/domain';
import { parseScan, resolveScan } from '../../../shared/ops/scan';
import { buildProductSearchIndex, searchProducts } from '../../../shared/ops/search';
import type { ConfigDoc, ProductDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand, useLedgerRead, useRxQuery, useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { businessDateToday, formatQty, productLabel } from '../../ui/format';
import { ScanInput, type ScanInputHandle } from '../../ui/ScanInput';
import { averageDailyUse, parLevels, suggestedQty, useWindowDays } from './request-hints';
import { unitLabel } from '../../ui/units';

const noDailyUse = new Map<string, number>();

interface RequestLine {
  productId: string;
  qty: number;
  /** '' = base unit, else a pack unit of the product. */
  unit: string;
}

function baseQty(line: RequestLine, product: ProductDoc | undefined): number {
  const pack = product?.packs.find((p) => p.unit === line.unit);
  return line.qty * (pack?.qtyInBase ?? 1);
}

/** 要货单: scan or search, quantities with par/use hints, delivery date; saved as submitted (moves no stock). */
export function RequestForm({
  kitchenId,
  kitchenName,
  onSubmitted,
}: {
  kitchenId: string | null;
  kitchenName: string;
  onSubmitted(number: string): void;
}) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const products = useRxQuery<ProductDoc>((d) => d.products.find({ selector: { active: true } }), []);
  const configs = useRxQuery<ConfigDoc>((d) => d.config.find({ selector: { key: 'par-levels' } }), []);
  const [lines, setLines] = useState<RequestLine[]>([]);
  const [search, setSearch] = useState('');
  const [deliveryDate, setDeliveryDate] = useState(() => addDays(businessDateToday(), 1));
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [pendingScans, setPendingScans] = useState<string[]>([]);
  const scanRef = useRef<ScanInputHandle>(null);
  const siteId = terminal?.siteId ?? '';
  const today = businessDateToday();

  const index = useMemo(() => buildProductSearchIndex(products ?? []), [products]);
  const byId = useMemo(() => new Map((products ?? []).map((p) => [p.id, p])), [products]);
  const pars = useMemo(() => parLevels(configs ?? [], siteId), [configs, siteId]);
  // The window's movements by index (a day of slack either side of the site's dates).
  const dailyUse =
    useLedgerRead(
      async (ledger) => averageDailyUse(await ledger.movementsBetween(`${addDays(today, -useWindowDays - 1)}T00:00:00Z`), siteId, today),
      [siteId, today],
    ) ?? noDailyUse;
  const onHand = (productId: string) => ledger?.ledger.productTotals(siteId, productId).qty ?? 0;

  const add = (product: ProductDoc, qtyInBase?: number, packUnit?: string) => {
    setMessage(null);
    setLines((current) => {
      const existing = current.findIndex((l) => l.productId === product.id);
      if (existing >= 0)
        return current.map((l, i) =>
          i === existing ? { ...l, qty: l.qty + (packUnit && l.unit === packUnit ? 1 : (qtyInBase ?? 1)) } : l,
        );
      const suggestion = suggestedQty(onHand(product.id), pars.get(product.id), dailyUse.get(product.id));
      return [
        ...current,
        packUnit
          ? { productId: product.id, qty: 1, unit: packUnit }
          : { productId: product.id, qty: qtyInBase ?? (suggestion > 0 ? suggestion : 1), unit: '' },
      ];
    });
  };

  const onScan = (text: string) => {
    // Scanned before the product list finished loading: keep the code and resolve it when it has.
    if (products === null) {
      setPendingScans((current) => [...current, text]);
      return;
    }
    const resolution = resolveScan(parseScan(text), products ?? [], []);
    if (resolution.status === 'resolved' || resolution.status === 'no-batch') {
      if (resolution.status === 'resolved' && resolution.pack) add(resolution.product, undefined, resolution.pack.unit);
      else add(resolution.product, undefined);
      return;
    }
    const hit = searchProducts(index, text, { limit: 1 })[0];
    if (hit) add(hit.product);
    else setMessage(t('receiving.request.unknownCode', { code: text.slice(0, 40) }));
  };

  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  useEffect(() => {
    if (products === null || pendingScans.length === 0) return;
    setPendingScans([]);
    pendingScans.forEach((text) => onScanRef.current(text));
  }, [products, pendingScans]);

  const badLine = lines.findIndex((l) => !(l.qty > 0));
  const submit = async () => {
    if (!command || !kitchenId || lines.length === 0 || badLine >= 0) return;
    setSaving(true);
    setError(null);
    try {
      const { result } = await command('request.submit', {
        kitchenId,
        deliveryDate,
        note,
        lines: lines.map((l) => ({ productId: l.productId, qty: l.qty, ...(l.unit ? { unit: l.unit } : {}) })),
      });
      setLines([]);
      setNote('');
      onSubmitted(result.number);
      scanRef.current?.focus();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const hintText = (productId: string) => {
    const product = byId.get(productId);
    const par = pars.get(productId);
    const use = dailyUse.get(productId);
    const parts: string[] = [];
    if (par !== undefined) parts.push(t('receiving.request.hint.par', { par: formatQty(par, product) }));
    if (use !== undefined && use > 0) {
      parts.push(t('receiving.request.hint.use', { use: formatQty(Math.round(use * 10) / 10, product) }));
      parts.push(t('receiving.request.hint.cover', { days: Math.round((onHand(productId) / use) * 10) / 10 }));
    } else if (par === undefined) parts.push(t('receiving.request.hint.noUse'));
    return parts.join(' · ');
  };

  const options = search.trim()
    ? searchProducts(index, search, { limit: 12 }).map((hit) => ({
        value: hit.product.id,
        label: `${productLabel(hit.product, i18n.language)} · ${hit.product.sku}`,
      }))
    : [];
  return (
    <Card title={t('receiving.request.title')} data-testid="request-form">
      <Typography.Paragraph type="secondary">{t('receiving.request.help')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 300 }}>
          <ScanInput ref={scanRef} onScan={onScan} testId="request-scan" />
        </div>
        <AutoComplete
          style={{ width: 360 }}
          size="large"
          value={search}
          options={options}
          placeholder={t('receiving.request.searchPlaceholder')}
          data-testid="request-search"
          onChange={setSearch}
          onSelect={(productId: string) => {
            const product = byId.get(productId);
            if (product) add(product);
            setSearch('');
          }}
        />
      </Space>
      {message ? <Alert type="warning" showIcon message={message} style={{ marginBottom: 12 }} data-testid="request-message" /> : null}
      {!kitchenId ? <Alert type="info" showIcon message={t('receiving.request.noKitchen')} style={{ marginBottom: 12 }} /> : null}
      <ErrorAlert error={error} testId="request-error" />
      <Table<RequestLine>
        size="small"
        rowKey="productId"
        dataSource={lines}
        pagination={false}
        locale={{ emptyText: t('receiving.request.empty') }}
        columns={[
          {
            title: t('receiving.request.columns.product'),
            key: 'product',
            render: (_: unknown, l) => {
              const p = byId.get(l.productId);
              return p ? `${productLabel(p, i18n.language)} · ${p.sku}` : l.productId;
            },
          },
          {
            title: t('receiving.request.columns.onHand'),
            key: 'onHand',
            align: 'right',
            width: 110,
            render: (_: unknown, l) => formatQty(onHand(l.productId), byId.get(l.productId)),
          },
          {
            title: t('receiving.request.columns.hint'),
            key: 'hint',
            render: (_: unknown, l) => <Typography.Text type="secondary">{hintText(l.productId)}</Typography.Text>,
          },
          {
            title: t('receiving.request.columns.qty'),
            key: 'qty',
            width: 210,
            render: (_: unknown, l, i) => {
              const p = byId.get(l.productId);
              return (
                <Space.Compact>
                  <InputNumber
                    min={0}
                    value={l.qty}
                    status={l.qty > 0 ? undefined : 'error'}
                    data-testid={`request-qty-${i}`}
                    onChange={(v) => setLines((c) => c.map((x, j) => (j === i ? { ...x, qty: v ?? 0 } : x)))}
                  />
                  <Select
                    style={{ width: 90 }}
                    value={l.unit}
                    onChange={(unit: string) => setLines((c) => c.map((x, j) => (j === i ? { ...x, unit } : x)))}
                    options={[
                      { value: '', label: unitLabel(p?.baseUnit) },
                      ...(p?.packs ?? []).map((pack) => ({
                        value: pack.unit,
                        label: `${unitLabel(pack.unit)}(${pack.qtyInBase}${unitLabel(p?.baseUnit)})`,
                      })),
                    ]}
                  />
                </Space.Compact>
              );
            },
          },
          {
            title: t('receiving.request.columns.base'),
            key: 'base',
            align: 'right',
            width: 110,
            render: (_: unknown, l) => formatQty(baseQty(l, byId.get(l.productId)), byId.get(l.productId)),
          },
          {
            title: '',
            key: 'remove',
            width: 60,
            render: (_: unknown, l) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('receiving.request.remove')}
                onClick={() => setLines((c) => c.filter((x) => x.productId !== l.productId))}
              />
            ),
          },
        ]}
      />
      {badLine >= 0 ? (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} message={t('receiving.request.badQty', { line: badLine + 1 })} />
      ) : null}
      <Space wrap style={{ marginTop: 16 }} align="end">
        <Space direction="vertical" size={2}>
          <Typography.Text>{t('receiving.request.deliveryDate')}</Typography.Text>
          <Input
            type="date"
            size="large"
            value={deliveryDate}
            min={today}
            data-testid="request-delivery"
            onChange={(e) => setDeliveryDate(e.target.value || addDays(today, 1))}
          />
        </Space>
        <Space direction="vertical" size={2}>
          <Typography.Text>{t('receiving.request.note')}</Typography.Text>
          <Input
            size="large"
            style={{ width: 320 }}
            value={note}
            maxLength={200}
            data-testid="request-note"
            onChange={(e) => setNote(e.target.value)}
          />
        </Space>
        <Button
          type="primary"
          size="large"
          loading={saving}
          disabled={!kitchenId || lines.length === 0 || badLine >= 0}
          onClick={() => void submit()}
          data-testid="request-submit"
        >
          {t('receiving.request.submit')}
          {kitchenName ? ` → ${kitchenName}` : ''}
        </Button>
      </Space>
    </Card>
  );
}
