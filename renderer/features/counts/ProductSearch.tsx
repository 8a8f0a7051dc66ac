import { AutoComplete, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchProducts, type ProductSearchIndex } from '../../../shared/ops';
import type { ProductDoc } from '../../../shared/schemas';
import { productLabel } from '../../ui/format';

interface ProductSearchProps {
  index: ProductSearchIndex;
  onPick(product: ProductDoc): void;
  testId?: string;
}

/** Manual search when there is no barcode: name, English name, SKU or pinyin initials (hsr → 红烧肉). */
export const ProductSearch = memo(function ProductSearch({ index, onPick, testId = 'product-search' }: ProductSearchProps) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const options = useMemo(
    () =>
      searchProducts(index, query, { limit: 20 }).map((hit) => ({
        value: hit.product.id,
        label: (
          <span data-testid={`search-hit-${hit.product.sku}`}>
            {productLabel(hit.product, i18n.language)} <span style={{ color: '#8c8c8c' }}>· {hit.product.sku}</span>
          </span>
        ),
        product: hit.product,
      })),
    [index, query, i18n.language],
  );
  return (
    <AutoComplete
      value={query}
      options={options}
      onSearch={setQuery}
      onSelect={(_value: string, option: { product: ProductDoc }) => {
        setQuery('');
        onPick(option.product);
      }}
      style={{ width: '100%' }}
      defaultActiveFirstOption
    >
      <Input size="large" prefix={<SearchOutlined />} placeholder={t('counts.search.placeholder')} data-testid={testId} allowClear />
    </AutoComplete>
  );
});
