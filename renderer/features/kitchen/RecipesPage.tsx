import { Card, Col, Empty, Input, Row, Select, Spin, Table, Typography } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDoc } from '../../../shared/schemas';
import { searchProducts } from '../../../shared/ops/search';
import { useTerminal } from '../../db/hooks';
import { formatQty, productLabel } from '../../ui/format';
import { RecipeEditor } from './components/RecipeEditor';
import { useProductIndex, useProducts } from './hooks';

/** 配方/BOM: recipes of semi-finished products; edited at HQ, read-only in the kitchen. */
export default function RecipesPage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const products = useProducts();
  const index = useProductIndex(products);
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const editable = terminal?.siteKind === 'hq';

  const withRecipe = useMemo(() => {
    if (!products || !index) return null;
    const matching = filter.trim() ? new Set(searchProducts(index, filter, { limit: 500 }).map((hit) => hit.product.id)) : null;
    return products
      .filter((product) => product.recipe && (!matching || matching.has(product.id)))
      .sort((a, b) => a.sku.localeCompare(b.sku));
  }, [products, index, filter]);

  if (!products || !index || !withRecipe) {
    return (
      <Card data-testid="section-recipes">
        <Spin /> {t('common.loading')}
      </Card>
    );
  }
  const selected = products.find((product) => product.id === selectedId) ?? null;
  const withoutRecipe = products.filter((product) => !product.recipe && product.active);

  return (
    <Row gutter={16} data-testid="section-recipes">
      <Col xs={24} lg={10}>
        <Card title={t('nav.recipes')}>
          <Input.Search
            allowClear
            autoFocus
            placeholder={t('kitchen.recipes.filter')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            style={{ marginBottom: 12 }}
            data-testid="recipe-filter"
          />
          {editable && (
            <Select
              showSearch
              allowClear
              style={{ width: '100%', marginBottom: 12 }}
              placeholder={t('kitchen.recipes.newFor')}
              optionFilterProp="label"
              value={null}
              onChange={(value: string | null) => value && setSelectedId(value)}
              options={withoutRecipe.map((product) => ({
                value: product.id,
                label: `${productLabel(product, i18n.language)} (${product.sku})`,
              }))}
            />
          )}
          <Table<ProductDoc>
            size="small"
            rowKey="id"
            dataSource={withRecipe}
            pagination={{ pageSize: 12, showSizeChanger: false }}
            locale={{ emptyText: t('kitchen.recipes.none') }}
            rowClassName={(product) => (product.id === selectedId ? 'ant-table-row-selected' : '')}
            onRow={(product) =>
              ({
                onClick: () => setSelectedId(product.id),
                style: { cursor: 'pointer' },
                'data-testid': 'recipe-row',
              }) as HTMLAttributes<HTMLElement>
            }
            columns={[
              {
                title: t('kitchen.production.product'),
                key: 'name',
                render: (_, product) => <Typography.Link>{productLabel(product, i18n.language)}</Typography.Link>,
              },
              {
                title: t('kitchen.recipes.yield'),
                key: 'yield',
                align: 'right',
                render: (_, product) => formatQty(product.recipe?.outputQty ?? 0, product),
              },
              {
                title: t('kitchen.recipes.ingredients'),
                key: 'lines',
                align: 'right',
                render: (_, product) => product.recipe?.lines.length ?? 0,
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={selected ? `${productLabel(selected, i18n.language)} · ${selected.sku}` : t('kitchen.recipes.detail')}>
          {selected ? (
            <RecipeEditor product={selected} products={products} index={index} editable={editable} />
          ) : (
            <Empty description={t('kitchen.recipes.pick')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
