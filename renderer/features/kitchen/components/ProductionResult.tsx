import { Button, Card, Descriptions, InputNumber, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintResult } from '../../../../shared/bridge';
import type { ProductionRunDoc } from '../../../../shared/schemas';
import { useLedgerAtHand } from '../../../db/hooks';
import { formatQty, formatSiteTime, productLabel } from '../../../ui/format';
import { formatUnitCost } from '../format';
import { PrintStatus } from './PrintStatus';
import { useBatchLabelPrint } from './useBatchLabelPrint';
import { unitLabel } from '../../../ui/units';

/** The batch a run made: lot, expiry, rolled-up unit cost and on-hand (from the ledger), and its labels. */
export function ProductionResult({ run }: { run: ProductionRunDoc }) {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  const printLabels = useBatchLabelPrint();
  const batch = ledger?.ledger.batch(run.outputBatchId);
  const product = ledger?.ledger.product(run.outputProductId);
  const pack = product?.packs[0];
  const perLabel = pack?.qtyInBase ?? run.outputQty;
  const [count, setCount] = useState<number | null>(Math.max(1, Math.ceil(run.outputQty / perLabel)));
  const [printed, setPrinted] = useState<PrintResult | null>(null);
  if (!batch || !product || !ledger) return null;
  const onHand = ledger.ledger.onHand(run.siteId, batch.id);

  return (
    <Card title={t('kitchen.production.resultTitle', { number: run.number })} data-testid="production-result">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('kitchen.production.product')}>{productLabel(product, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('kitchen.production.newLot')}>
          <Typography.Text strong code data-testid="result-lot">
            {batch.lotCode}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('kitchen.production.expiry')}>
          <span data-testid="result-expiry">
            {batch.expiresAt ? formatSiteTime(batch.expiresAt) : (batch.expiryDate ?? t('kitchen.production.noExpiry'))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('kitchen.production.made')}>{formatQty(run.outputQty, product)}</Descriptions.Item>
        <Descriptions.Item label={t('kitchen.production.unitCost')}>
          <span data-testid="result-unit-cost">
            {formatUnitCost(batch.unitCost)} / {unitLabel(product.baseUnit)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('kitchen.production.onHandNow')}>
          <span data-testid="result-on-hand">{formatQty(onHand, product)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('kitchen.production.consumed')}
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, index) => String(index)}
        dataSource={run.lines}
        columns={[
          {
            title: t('kitchen.production.ingredient'),
            key: 'p',
            render: (_, line) => {
              const p = ledger.ledger.product(line.productId);
              return p ? productLabel(p, i18n.language) : line.productId;
            },
          },
          {
            title: t('kitchen.dispatch.lot'),
            key: 'lot',
            render: (_, line) => (
              <Typography.Text code>{(line.batchId && ledger.ledger.batch(line.batchId)?.lotCode) ?? '—'}</Typography.Text>
            ),
          },
          {
            title: t('kitchen.production.expiry'),
            key: 'exp',
            render: (_, line) => (line.batchId && ledger.ledger.batch(line.batchId)?.expiryDate) ?? '—',
          },
          {
            title: t('kitchen.production.qty'),
            key: 'qty',
            align: 'right',
            render: (_, line) => formatQty(line.qty, ledger.ledger.product(line.productId)),
          },
          { title: t('kitchen.production.unitCost'), key: 'cost', align: 'right', render: (_, line) => formatUnitCost(line.unitCost ?? 0) },
        ]}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <Typography.Text>{t('kitchen.production.labelCount')}</Typography.Text>
        <InputNumber<number> min={1} max={500} value={count} onChange={setCount} data-testid="label-count" />
        <Typography.Text type="secondary">{t('kitchen.production.labelEach', { qty: formatQty(perLabel, product) })}</Typography.Text>
        <Button
          icon={<PrinterOutlined />}
          data-testid="print-labels"
          onClick={() => void printLabels([{ batchId: batch.id, count: count ?? 1, qtyPerLabel: perLabel }]).then(setPrinted)}
        >
          {t('kitchen.production.printLabels')}
        </Button>
        <PrintStatus result={printed} />
      </Space>
    </Card>
  );
}
