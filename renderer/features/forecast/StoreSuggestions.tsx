import { useState } from 'react';
import { Alert, Button, InputNumber, Space, Table, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentDoc, ProductDoc, SiteDoc } from '../../../shared/schemas';
import type { ConfirmedLine } from '../../../shared/forecast/overrides';
import { useCommand } from '../../db/commands';
import { useLedgerRead } from '../../db/hooks';
import { productLabel } from '../../ui/format';
import { Explanation } from './Explanation';
import type { SeriesResult } from './forecast-compute';
import { buildSuggestions, onOrderForStore, type ReplenishmentSettings, type Suggestion } from './replenishment-plan';
import { readableQty } from './quantity';
import { SettingsBar } from './SettingsBar';
import { siteName } from './site-name';
import { unitLabel } from '../../ui/units';

interface Props {
  storeId: string;
  series: readonly SeriesResult[];
  products: ReadonlyMap<string, ProductDoc>;
  documents: readonly DocumentDoc[];
  kitchen: SiteDoc | undefined;
  /** The store's own terminal; HQ sees the same suggestions read-only (single-writer sites). */
  writer: { terminalId: string } | null;
}

const DEFAULT_SETTINGS: ReplenishmentSettings = { leadTimeDays: 1, reviewPeriodDays: 2, serviceLevel: 0.95 };

export function StoreSuggestions({ storeId, series, products, documents, kitchen, writer }: Props) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const [settings, setSettings] = useState(DEFAULT_SETTINGS);
  // Packs typed by the person, by product; absent = take the suggestion.
  const [edits, setEdits] = useState<Record<string, number>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const suggestions =
    useLedgerRead(
      (ledger) => {
        const onOrder = onOrderForStore(storeId, documents);
        const onHand = (productId: string) => ledger?.ledger.productTotals(storeId, productId).qty ?? 0;
        return buildSuggestions(series, products, onHand, onOrder, settings);
      },
      [series, products, documents, storeId, settings],
    ) ?? [];

  const packsOf = (suggestion: Suggestion) => edits[suggestion.productId] ?? suggestion.order.packs;
  const confirmed: ConfirmedLine[] = suggestions.map((suggestion) => ({
    productId: suggestion.productId,
    suggestedQty: suggestion.order.quantity,
    confirmedQty: packsOf(suggestion) * suggestion.pack.size,
  }));
  const lineCount = confirmed.filter((line) => line.confirmedQty > 0).length;
  const kitchenName = kitchen ? siteName(kitchen, i18n.language) : '';
  const recent = documents
    .filter((document) => document.type === 'store-request' && document.siteId === storeId)
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, 5);

  const send = async () => {
    if (!command || !writer || !kitchen) return;
    if (lineCount === 0) {
      setSaveError(t('forecast.suggest.nothingToSend'));
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const { result } = await command('request.submit', {
        kitchenId: kitchen.id,
        note: t('forecast.requestNote'),
        lines: confirmed.map((line) => ({ productId: line.productId, qty: line.confirmedQty, suggestedQty: line.suggestedQty })),
      });
      setEdits({});
      void message.success(t('forecast.suggest.sent', { number: result.number, kitchen: kitchenName }));
      if (result.overrides > 0) void message.info(t('forecast.suggest.overridesRecorded', { count: result.overrides }));
    } catch (error) {
      setSaveError(t('forecast.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };

  if (suggestions.length === 0) return <Alert type="info" showIcon message={t('forecast.suggest.empty')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <SettingsBar settings={settings} onChange={setSettings} />
      {!writer && <Alert type="info" showIcon message={t('forecast.suggest.hqReadOnly')} />}
      {writer && !kitchen && <Alert type="warning" showIcon message={t('forecast.suggest.noKitchen')} />}
      <Table<Suggestion>
        data-testid="suggestions-table"
        rowKey="productId"
        size="small"
        pagination={{ pageSize: 20, showSizeChanger: false }}
        dataSource={suggestions}
        columns={[
          {
            title: t('forecast.suggest.product'),
            key: 'product',
            width: 220,
            render: (_, suggestion) => {
              const product = products.get(suggestion.productId);
              return product ? (
                <span>
                  <div>{productLabel(product, i18n.language)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {product.sku}
                  </Typography.Text>
                </span>
              ) : (
                suggestion.productId
              );
            },
          },
          {
            title: t('forecast.suggest.why'),
            key: 'why',
            render: (_, suggestion) => {
              const product = products.get(suggestion.productId);
              return product ? <Explanation suggestion={suggestion} product={product} /> : null;
            },
          },
          {
            title: t('forecast.suggest.suggested'),
            key: 'suggested',
            width: 130,
            render: (_, suggestion) =>
              suggestion.order.packs === 0 ? (
                <Typography.Text type="secondary">{t('forecast.suggest.nothing')}</Typography.Text>
              ) : (
                <span>
                  <div>{`${suggestion.order.packs} × ${unitLabel(suggestion.pack.unit)}`}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {readableQty(suggestion.order.quantity, products.get(suggestion.productId))}
                  </Typography.Text>
                </span>
              ),
          },
          {
            title: t('forecast.suggest.order'),
            key: 'order',
            width: 150,
            render: (_, suggestion) => {
              const packs = packsOf(suggestion);
              const edited = packs !== suggestion.order.packs;
              return (
                <Space direction="vertical" size={2}>
                  <InputNumber
                    data-testid={`order-packs-${suggestion.productId}`}
                    min={0}
                    precision={0}
                    value={packs}
                    disabled={!writer}
                    addonAfter={unitLabel(suggestion.pack.unit)}
                    style={{ width: 120 }}
                    onChange={(value) => setEdits((current) => ({ ...current, [suggestion.productId]: value ?? 0 }))}
                  />
                  {edited && <Tag color="orange">{t('forecast.suggest.editedFrom', { qty: suggestion.order.packs })}</Tag>}
                </Space>
              );
            },
          },
        ]}
      />
      {saveError && <Alert type="error" showIcon message={saveError} />}
      {writer && kitchen && (
        <Button
          type="primary"
          size="large"
          data-testid="send-request"
          loading={saving}
          disabled={lineCount === 0}
          onClick={() => void send()}
        >
          {t('forecast.suggest.send', { kitchen: kitchenName, count: lineCount })}
        </Button>
      )}
      {recent.length > 0 && (
        <div data-testid="recent-requests">
          <Typography.Title level={5}>{t('forecast.suggest.recent')}</Typography.Title>
          {recent.map((document) => (
            <div key={document.id}>
              <Typography.Text code>{document.number}</Typography.Text> {document.businessDate} · {t(`forecast.status.${document.status}`)}{' '}
              · {t('forecast.plan.lines')} {document.lines.length}
            </div>
          ))}
        </div>
      )}
    </Space>
  );
}
