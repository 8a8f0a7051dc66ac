import { Alert, Button, Card, Empty, InputNumber, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDoc, ProductionRunDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand, useLedgerRead, useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { businessDateToday, formatQty, productLabel } from '../../ui/format';
import { IngredientPlan, planIngredients } from './components/IngredientPlan';
import { ProductPicker, type ProductPickerHandle } from './components/ProductPicker';
import { ProductionResult } from './components/ProductionResult';
import { RecentRuns } from './components/RecentRuns';
import { useProductIndex, useProducts } from './hooks';
import { unitLabel } from '../../ui/units';

const hasRecipe = (product: ProductDoc) => (product.recipe?.lines.length ?? 0) > 0;

/** 生产/加工: choose a recipe and quantity, see the FEFO ingredients, post, label the new batch. */
export default function ProductionPage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const command = useCommand();
  const products = useProducts();
  const index = useProductIndex(products);
  const picker = useRef<ProductPickerHandle>(null);
  const qtyInput = useRef<{ focus(): void }>(null);
  const [product, setProduct] = useState<ProductDoc | null>(null);
  const [outputQty, setOutputQty] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);
  const [lastRun, setLastRun] = useState<ProductionRunDoc | null>(null);
  const businessDate = businessDateToday();

  const plan = useLedgerRead(
    (ledger) => {
      if (!ledger || !terminal || !product?.recipe || !outputQty || outputQty <= 0) return null;
      return planIngredients(ledger.ledger, terminal.siteId, product.recipe, outputQty, businessDate);
    },
    [terminal, product, outputQty, businessDate],
  );
  const short = plan?.some((row) => row.shortfall > 0) ?? false;

  if (!terminal || !products || !index || !ledger) {
    return (
      <Card data-testid="section-production">
        <Spin /> {t('common.loading')}
      </Card>
    );
  }

  const choose = (chosen: ProductDoc) => {
    setProduct(chosen);
    setOutputQty(chosen.recipe?.outputQty ?? null);
    setError(null);
    setNotice(null);
    setTimeout(() => qtyInput.current?.focus(), 0);
  };

  const submit = async () => {
    if (!command || !product || !outputQty || !plan) return;
    setPosting(true);
    setError(null);
    try {
      const { posting } = await command('production.post', {
        outputProductId: product.id,
        outputQty,
        // Ingredients as the recipe scales them; the posting splits each across batches by FEFO.
        lines: plan.map((row) => ({ productId: row.productId, qty: row.required })),
      });
      if (posting?.document.type === 'production-run') setLastRun(posting.document);
      setProduct(null);
      setOutputQty(null);
      setTimeout(() => picker.current?.focus(), 0);
    } catch (caught) {
      setError(caught);
    } finally {
      setPosting(false);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="section-production">
      <Card title={t('nav.production')}>
        {terminal.siteKind !== 'kitchen' && (
          <Alert type="info" showIcon message={t('kitchen.production.kitchenOnly')} style={{ marginBottom: 12 }} />
        )}
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <div>
            <Typography.Text strong>{t('kitchen.production.chooseRecipe')}</Typography.Text>
            <ProductPicker
              ref={picker}
              index={index}
              products={products}
              batches={() => []}
              filter={hasRecipe}
              testId="recipe-picker"
              onPick={({ product: picked }) =>
                hasRecipe(picked)
                  ? choose(picked)
                  : setNotice(t('kitchen.production.noRecipe', { product: productLabel(picked, i18n.language) }))
              }
              onUnknown={setNotice}
            />
          </div>
          {notice && <Alert type="warning" showIcon message={notice} data-testid="production-notice" />}
          {product?.recipe && (
            <>
              <Space wrap align="center" size={12}>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="production-product">
                  {productLabel(product, i18n.language)}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {t('kitchen.production.recipeYield', { qty: formatQty(product.recipe.outputQty, product) })}
                </Typography.Text>
              </Space>
              <Space align="center" wrap>
                <Typography.Text strong>{t('kitchen.production.outputQty')}</Typography.Text>
                <InputNumber<number>
                  ref={qtyInput as React.Ref<never>}
                  min={0}
                  size="large"
                  value={outputQty}
                  addonAfter={unitLabel(product.baseUnit)}
                  onChange={(value) => setOutputQty(value)}
                  onPressEnter={() => !short && void submit()}
                  data-testid="production-qty"
                />
                <Typography.Text type="secondary">{t('kitchen.production.enterToPost')}</Typography.Text>
              </Space>
              {plan && <IngredientPlan rows={plan} />}
              {short && <Alert type="error" showIcon message={t('kitchen.production.cannotCover')} data-testid="production-short" />}
              <ErrorAlert error={error} testId="production-error" />
              <Button
                type="primary"
                size="large"
                disabled={!plan || short || posting || !command}
                loading={posting}
                onClick={() => void submit()}
                data-testid="production-post"
              >
                {t('kitchen.production.post')}
              </Button>
            </>
          )}
          {!product && !lastRun && <Empty description={t('kitchen.production.pickHint')} />}
        </Space>
      </Card>
      {lastRun && <ProductionResult run={lastRun} />}
      <RecentRuns siteId={terminal.siteId} />
    </Space>
  );
}
