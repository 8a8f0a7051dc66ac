import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, InputNumber, Space, Spin, Table, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ForecastPoint, PurchaseSuggestion } from '../../../shared/forecast';
import type { DocumentDoc, PartnerDoc, ProductDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand, useLedgerRead } from '../../db/hooks';
import { productLabel } from '../../ui/format';
import type { SeriesResult } from './forecast-compute';
import { kitchenPlan, lastSupplierByProduct, openRequestsTo, rawOnOrder } from './kitchen-plan';
import { readableQty } from './quantity';

interface Props {
  kitchenId: string;
  series: readonly SeriesResult[];
  products: ReadonlyMap<string, ProductDoc>;
  partners: ReadonlyMap<string, PartnerDoc>;
  documents: readonly DocumentDoc[];
  writer: { terminalId: string } | null;
}

const UNKNOWN = '';

export function KitchenPlanPanel({ kitchenId, series, products, partners, documents, writer }: Props) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const ledger = useLedgerAtHand();
  const [planDays, setPlanDays] = useState(2);
  const [edits, setEdits] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const name = (productId: string) => {
    const product = products.get(productId);
    return product ? productLabel(product, i18n.language) : productId;
  };
  const qty = (productId: string, value: number) => readableQty(value, products.get(productId));

  const plan = useLedgerRead(
    (ledger) => {
      const forecasts = new Map<string, readonly ForecastPoint[]>(series.map((entry) => [entry.productId, entry.points]));
      return kitchenPlan({
        requests: openRequestsTo(kitchenId, documents),
        forecasts,
        planDays,
        products,
        onHand: (productId) => ledger?.ledger.productTotals(kitchenId, productId).qty ?? 0,
        onOrder: rawOnOrder(kitchenId, documents),
      });
    },
    [series, documents, kitchenId, planDays, products],
  );

  const suppliers = useMemo(() => lastSupplierByProduct(kitchenId, documents), [kitchenId, documents]);
  if (!plan) return <Spin />;
  const bySupplier = new Map<string, PurchaseSuggestion[]>();
  for (const purchase of plan.purchases) {
    const supplier = suppliers.get(purchase.productId) ?? UNKNOWN;
    bySupplier.set(supplier, [...(bySupplier.get(supplier) ?? []), purchase]);
  }

  const create = async (partnerId: string, purchases: readonly PurchaseSuggestion[]) => {
    if (!command || !writer) return;
    setError(null);
    try {
      const { result } = await command('po.create', {
        partnerId,
        note: t('forecast.poNote'),
        lines: purchases.map((purchase) => ({
          productId: purchase.productId,
          suggestedQty: purchase.qty,
          qty: (edits[purchase.productId] ?? purchase.packs) * purchase.packSize,
          unitCost: ledger?.ledger.lastReceiptCost(kitchenId, purchase.productId) ?? 0,
        })),
      });
      setEdits({});
      void message.success(t('forecast.plan.created', { number: result.number }));
    } catch (failure) {
      setError(t('forecast.saveFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
    }
  };

  const nothing = plan.production.every((line) => line.plannedQty === 0) && plan.purchases.length === 0;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <label>
        <Typography.Text>{t('forecast.settings.planDays')} </Typography.Text>
        <InputNumber
          data-testid="plan-days"
          min={1}
          max={14}
          precision={0}
          value={planDays}
          onChange={(value) => setPlanDays(value ?? 1)}
        />
      </label>
      {nothing && <Empty description={t('forecast.plan.none')} />}
      <Card size="small" title={t('forecast.plan.production')}>
        <Table
          data-testid="production-plan"
          size="small"
          rowKey="productId"
          pagination={false}
          dataSource={plan.production.filter((line) => line.demand > 0)}
          columns={[
            { title: t('forecast.plan.product'), key: 'product', render: (_, line) => name(line.productId) },
            { title: t('forecast.plan.demand'), key: 'demand', align: 'right', render: (_, line) => qty(line.productId, line.demand) },
            { title: t('forecast.plan.onHand'), key: 'onHand', align: 'right', render: (_, line) => qty(line.productId, line.onHand) },
            { title: t('forecast.plan.batches'), dataIndex: 'batches', align: 'right' },
            {
              title: t('forecast.plan.planned'),
              key: 'planned',
              align: 'right',
              render: (_, line) => <strong>{qty(line.productId, line.plannedQty)}</strong>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('forecast.plan.materials')}>
        <Table
          size="small"
          rowKey="productId"
          pagination={{ pageSize: 10, showSizeChanger: false }}
          dataSource={plan.requirements.filter((line) => line.gross > 0)}
          columns={[
            { title: t('forecast.plan.product'), key: 'product', render: (_, line) => name(line.productId) },
            { title: t('forecast.plan.gross'), key: 'gross', align: 'right', render: (_, line) => qty(line.productId, line.gross) },
            { title: t('forecast.plan.onHand'), key: 'onHand', align: 'right', render: (_, line) => qty(line.productId, line.onHand) },
            { title: t('forecast.plan.onOrder'), key: 'onOrder', align: 'right', render: (_, line) => qty(line.productId, line.onOrder) },
            {
              title: t('forecast.plan.net'),
              key: 'net',
              align: 'right',
              render: (_, line) => <strong>{qty(line.productId, line.net)}</strong>,
            },
          ]}
        />
      </Card>
      {error && <Alert type="error" showIcon message={error} />}
      {!writer && <Alert type="info" showIcon message={t('forecast.plan.hqReadOnly')} />}
      {[...bySupplier].map(([partnerId, purchases]) => {
        const partner = partners.get(partnerId);
        const supplierName = partner
          ? i18n.language === 'en' && partner.nameEn
            ? partner.nameEn
            : partner.name
          : t('forecast.plan.unknownSupplier');
        return (
          <Card key={partnerId || 'unknown'} size="small" title={`${t('forecast.plan.purchases')} · ${supplierName}`}>
            <Table<PurchaseSuggestion>
              size="small"
              rowKey="productId"
              pagination={false}
              dataSource={purchases}
              columns={[
                { title: t('forecast.plan.product'), key: 'product', render: (_, line) => name(line.productId) },
                { title: t('forecast.plan.net'), key: 'suggested', align: 'right', render: (_, line) => qty(line.productId, line.qty) },
                {
                  title: t('forecast.plan.qty'),
                  key: 'qty',
                  render: (_, line) => (
                    <InputNumber
                      min={0}
                      precision={0}
                      disabled={!writer}
                      value={edits[line.productId] ?? line.packs}
                      addonAfter={`× ${qty(line.productId, line.packSize)}`}
                      onChange={(value) => setEdits((current) => ({ ...current, [line.productId]: value ?? 0 }))}
                    />
                  ),
                },
              ]}
            />
            {writer && partnerId !== UNKNOWN && (
              <Button type="primary" style={{ marginTop: 8 }} onClick={() => void create(partnerId, purchases)}>
                {t('forecast.plan.create', { supplier: supplierName })}
              </Button>
            )}
          </Card>
        );
      })}
    </Space>
  );
}
