import { Alert, Button, InputNumber, Space, Table, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDoc, RecipeLine } from '../../../../shared/schemas';
import { useCommand } from '../../../db/commands';
import { ErrorAlert } from '../../../ui/errors';
import { formatQty, productLabel } from '../../../ui/format';
import type { ProductSearchIndex } from '../../../../shared/ops/search';
import { ProductPicker, type ProductPickerHandle } from './ProductPicker';
import { unitLabel } from '../../../ui/units';

interface RecipeEditorProps {
  product: ProductDoc;
  products: readonly ProductDoc[];
  index: ProductSearchIndex;
  /** Only HQ writes products; elsewhere the recipe is shown read-only. */
  editable: boolean;
}

/** 配方: ingredient lines and yield; saved onto the product document (HQ only). */
export function RecipeEditor({ product, products, index, editable }: RecipeEditorProps) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const picker = useRef<ProductPickerHandle>(null);
  const [outputQty, setOutputQty] = useState<number | null>(product.recipe?.outputQty ?? null);
  const [lines, setLines] = useState<RecipeLine[]>(product.recipe?.lines ?? []);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const byId = new Map(products.map((candidate) => [candidate.id, candidate]));

  useEffect(() => {
    setOutputQty(product.recipe?.outputQty ?? null);
    setLines(product.recipe?.lines ?? []);
    setSaved(false);
  }, [product]);

  const save = async () => {
    setError(null);
    setSaved(false);
    if (!outputQty || outputQty <= 0) return setProblem(t('kitchen.recipes.needYield'));
    const bad = lines.find((line) => !(line.qty > 0));
    if (bad) return setProblem(t('kitchen.recipes.needQty', { product: productLabel(byId.get(bad.productId) ?? product, i18n.language) }));
    if (lines.length === 0) return setProblem(t('kitchen.recipes.needLines'));
    setProblem(null);
    try {
      if (!command) return;
      await command('recipe.save', { productId: product.id, outputQty, lines });
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="recipe-editor">
      {!editable && <Alert type="info" showIcon message={t('kitchen.recipes.readOnly')} data-testid="recipe-read-only" />}
      <Space align="center">
        <Typography.Text strong>{t('kitchen.recipes.yield')}</Typography.Text>
        <InputNumber<number>
          min={0}
          value={outputQty}
          disabled={!editable}
          addonAfter={unitLabel(product.baseUnit)}
          onChange={setOutputQty}
          data-testid="recipe-yield"
        />
      </Space>
      {editable && (
        <ProductPicker
          ref={picker}
          index={index}
          products={products}
          batches={() => []}
          autoFocus={false}
          testId="ingredient-picker"
          filter={(candidate) => candidate.id !== product.id}
          onPick={({ product: ingredient }) => {
            setLines((current) =>
              current.some((line) => line.productId === ingredient.id) ? current : [...current, { productId: ingredient.id, qty: 0 }],
            );
          }}
          onUnknown={setProblem}
        />
      )}
      <Table<RecipeLine>
        size="small"
        pagination={false}
        rowKey="productId"
        dataSource={lines}
        locale={{ emptyText: t('kitchen.recipes.noLines') }}
        columns={[
          {
            title: t('kitchen.production.ingredient'),
            key: 'p',
            render: (_, line) => {
              const p = byId.get(line.productId);
              return p ? productLabel(p, i18n.language) : line.productId;
            },
          },
          {
            title: t('kitchen.recipes.qty'),
            key: 'qty',
            width: 200,
            render: (_, line) =>
              editable ? (
                <InputNumber<number>
                  min={0}
                  value={line.qty}
                  addonAfter={unitLabel(byId.get(line.productId)?.baseUnit)}
                  onChange={(value) =>
                    setLines((current) =>
                      current.map((candidate) => (candidate.productId === line.productId ? { ...candidate, qty: value ?? 0 } : candidate)),
                    )
                  }
                  onPressEnter={() => picker.current?.focus()}
                />
              ) : (
                formatQty(line.qty, byId.get(line.productId))
              ),
          },
          {
            title: t('kitchen.recipes.perUnit', { unit: unitLabel(product.baseUnit) }),
            key: 'per',
            align: 'right',
            render: (_, line) => (outputQty ? formatQty(line.qty / outputQty, byId.get(line.productId)) : '—'),
          },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, line: RecipeLine) => (
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('kitchen.dispatch.remove')}
                      onClick={() => setLines((current) => current.filter((candidate) => candidate.productId !== line.productId))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {problem && <Alert type="warning" showIcon message={problem} data-testid="recipe-problem" />}
      <ErrorAlert error={error} />
      {editable && (
        <Space>
          <Button type="primary" onClick={() => void save()} data-testid="recipe-save">
            {t('kitchen.recipes.save')}
          </Button>
          {saved && <Typography.Text type="success">{t('kitchen.recipes.saved')}</Typography.Text>}
        </Space>
      )}
    </Space>
  );
}
