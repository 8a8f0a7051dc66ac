import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { buildProductSearchIndex, searchProducts } from '../../../shared/ops';
import type { ProductDoc } from '../../../shared/schemas';
import { productLabel } from '../../ui/format';

/** Product search by name, pinyin initials, SKU or barcode (a scanned code picks at once). */
export function ProductSelect(props: {
  products: readonly ProductDoc[];
  value: string | undefined;
  onChange: (productId: string) => void;
  language: string;
  placeholder: string;
  testId: string;
  autoFocus?: boolean;
}) {
  const { products, value, onChange, language, placeholder, testId, autoFocus } = props;
  const index = useMemo(() => buildProductSearchIndex(products), [products]);
  const [query, setQuery] = useState('');
  const options = useMemo(() => {
    const hits = query ? searchProducts(index, query, { limit: 30 }).map((hit) => hit.product) : [];
    const chosen = products.find((product) => product.id === value);
    const list = chosen && !hits.includes(chosen) ? [chosen, ...hits] : hits;
    return list.map((product) => ({ value: product.id, label: `${productLabel(product, language)} · ${product.sku}` }));
  }, [index, query, products, value, language]);
  return (
    <Select
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      autoFocus={autoFocus}
      value={value}
      placeholder={placeholder}
      options={options}
      style={{ width: '100%', minWidth: 240 }}
      onChange={(id: string) => {
        onChange(id);
        setQuery('');
      }}
    />
  );
}
