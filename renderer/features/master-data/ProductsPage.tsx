import { Alert, Button, Card, Input, Segmented, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryAndDescendants, salePriceOn } from '../../../shared/domain';
import { buildProductSearchIndex, searchProducts } from '../../../shared/ops';
import type { CustomValues } from '../../../shared/domain';
import { planProductImport, productColumns, productSheet, productTemplate } from '../../../shared/ops/product-sheet';
import type { ProductDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useTerminal } from '../../db/hooks';
import { businessDateToday, formatMoney, productLabel } from '../../ui/format';
import { unitLabel } from '../../ui/units';
import { categoryLabel, categoryTreeOptions, useAllProducts, useCategories, useStores } from './data';
import { ExportButtons } from '../finance/ExportButtons';
import { ProductEditor } from './ProductEditor';
import { useCustomFieldText, useCustomFields } from './custom-field-ui';
import { SheetImportDialog } from './SheetImportDialog';

type StatusFilter = 'active' | 'inactive' | 'all';

/** 商品: HQ's product list — search by name, code, barcode or pinyin; filter by status and category. */
export default function ProductsPage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const products = useAllProducts();
  const storedCategories = useCategories();
  const categories = useMemo(() => storedCategories ?? [], [storedCategories]);
  const stores = useStores();
  const customFields = useCustomFields('product');
  const customText = useCustomFieldText();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('active');
  const [category, setCategory] = useState<string | undefined>();
  const [editing, setEditing] = useState<ProductDoc | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const command = useCommand();
  const isHq = terminal?.siteKind === 'hq';
  const today = businessDateToday();
  // The search index (pinyin of every name) is built only when a search needs it: rebuilt on
  // every chunk an import saved, it took most of a 10,000-row import's time.
  const searching = query.trim() !== '';
  const index = useMemo(() => (searching ? buildProductSearchIndex(products ?? []) : null), [products, searching]);

  const rows = useMemo(() => {
    const found = !index ? (products ?? []) : searchProducts(index, query, { includeInactive: true, limit: 500 }).map((hit) => hit.product);
    const inCategory = category ? categoryAndDescendants(categories, category) : null;
    return found.filter(
      (product) => (status === 'all' || product.active === (status === 'active')) && (!inCategory || inCategory.has(product.category)),
    );
  }, [products, index, query, status, category, categories]);

  // The price a store sells at today: the first store's (or the all-stores entry) as a hint in the list.
  const firstStore = stores[0]?.id ?? '';
  return (
    <div data-testid="section-products">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.products')}
      </Typography.Title>
      {!isHq && <Alert type="info" showIcon message={t('masterData.hqOnly')} style={{ marginBottom: 16 }} />}
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('masterData.products.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            style={{ width: 300 }}
            data-testid="products-search"
          />
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'active', label: t('masterData.active') },
              { value: 'inactive', label: t('masterData.inactive') },
              { value: 'all', label: t('masterData.all') },
            ]}
            data-testid="products-status"
          />
          <TreeSelect
            allowClear
            placeholder={t('masterData.products.category')}
            value={category}
            onChange={(value: string | undefined) => setCategory(value)}
            treeData={categoryTreeOptions(categories, i18n.language)}
            treeDefaultExpandAll
            style={{ width: 200 }}
            data-testid="products-category"
          />
          {isHq && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="product-new">
              {t('masterData.products.new')}
            </Button>
          )}
          {isHq && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="products-import">
              {t('masterData.import.button')}
            </Button>
          )}
          <ExportButtons
            table={() => productSheet({ products: products ?? [], categories, today }, i18n.language === 'zh-CN' ? 'zh-CN' : 'en')}
            testId="products-export"
          />
        </Space>
        <Table<ProductDoc>
          size="small"
          rowKey="id"
          loading={products === null}
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (count) => t('masterData.products.count', { count }) }}
          scroll={{ x: 640 + customFields.length * 110 }}
          onRow={(product) => ({ onClick: () => isHq && setEditing(product), style: { cursor: isHq ? 'pointer' : undefined } })}
          data-testid="products-table"
          columns={[
            { title: t('masterData.products.col.sku'), dataIndex: 'sku', width: 110 },
            { title: t('masterData.products.col.name'), key: 'name', render: (_, product) => productLabel(product, i18n.language) },
            {
              title: t('masterData.products.col.category'),
              key: 'category',
              width: 120,
              render: (_, product) => categoryLabel(categories, product.category, i18n.language, t),
            },
            {
              title: t('masterData.products.col.unit'),
              key: 'units',
              width: 100,
              render: (_, product) =>
                [product.baseUnit, ...product.packs.map((pack) => pack.unit)].map((unit) => unitLabel(unit)).join(' · '),
            },
            {
              title: t('masterData.products.col.price'),
              key: 'price',
              width: 120,
              align: 'right',
              render: (_, product) => {
                const price = salePriceOn(product, firstStore, today);
                return price === undefined ? (
                  <Typography.Text type="secondary">{t('masterData.products.noPrice')}</Typography.Text>
                ) : (
                  `${formatMoney(price)} / ${unitLabel(product.baseUnit, i18n.language, 1)}`
                );
              },
            },
            ...customFields.map((field) => ({
              title: customText.label(field),
              key: `custom-${field.id}`,
              width: 110,
              render: (_: unknown, product: ProductDoc) => customText.value(field, product.custom as CustomValues | undefined),
            })),
            {
              title: t('masterData.products.col.status'),
              key: 'active',
              width: 76,
              render: (_, product) =>
                product.active ? <Tag color="green">{t('masterData.active')}</Tag> : <Tag>{t('masterData.inactive')}</Tag>,
            },
          ]}
        />
      </Card>
      {importing && command && (
        <SheetImportDialog
          sheet={{
            noun: 'products',
            columns: productColumns,
            plan: (records) => planProductImport(records, { products: products ?? [], categories, today }),
            template: productTemplate,
            apply: async (chunk) => void (await command('product.import', { products: chunk })),
          }}
          onClose={() => setImporting(false)}
        />
      )}
      {editing !== null && (
        <ProductEditor
          product={editing === 'new' ? null : editing}
          categories={categories}
          stores={stores}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
