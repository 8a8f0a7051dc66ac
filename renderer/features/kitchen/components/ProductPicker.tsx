import { Input, List, Typography, type InputRef } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchDoc, ProductDoc } from '../../../../shared/schemas';
import { parseScan, resolveScan } from '../../../../shared/ops/scan';
import { searchProducts, type ProductSearchIndex } from '../../../../shared/ops/search';
import { productLabel } from '../../../ui/format';
import { unitLabel } from '../../../ui/units';

export interface PickedProduct {
  product: ProductDoc;
  /** Base units the scan stands for (a pack barcode is a whole pack); 0 when typed. */
  quantity: number;
  /** The batch a GS1 label (lot / expiry) names. */
  batch?: BatchDoc;
}

export interface ProductPickerHandle {
  focus(): void;
}

interface ProductPickerProps {
  index: ProductSearchIndex;
  products: readonly ProductDoc[];
  batches: () => Iterable<BatchDoc>;
  onPick(picked: PickedProduct): void;
  /** A code that names no product, in words. */
  onUnknown(message: string): void;
  testId?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  filter?: (product: ProductDoc) => boolean;
}

/**
 * Scan or search in one field: a barcode or GS1 label resolves at once on Enter; typed text
 * (name, SKU, pinyin initials such as "hsr") lists matches, ↑/↓ choose, Enter takes one.
 */
export const ProductPicker = forwardRef<ProductPickerHandle, ProductPickerProps>(function ProductPicker(
  { index, products, batches, onPick, onUnknown, testId = 'product-picker', autoFocus = true, disabled, filter },
  ref,
) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<InputRef>(null);
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);

  const hits = useMemo(
    () =>
      text.trim() === ''
        ? []
        : searchProducts(index, text, { limit: 40 })
            .filter((hit) => !filter || filter(hit.product))
            .slice(0, 8),
    [index, text, filter],
  );

  const take = (picked: PickedProduct) => {
    setText('');
    setActive(0);
    onPick(picked);
  };

  const submit = () => {
    const raw = text.trim();
    if (raw === '') return;
    const parsed = parseScan(raw);
    if (parsed.kind !== 'unknown') {
      const resolved = resolveScan(parsed, products, batches());
      if (resolved.status === 'resolved')
        return take({ product: resolved.product, quantity: resolved.quantity, ...(resolved.batch ? { batch: resolved.batch } : {}) });
      if (resolved.status === 'no-batch') return take({ product: resolved.product, quantity: 0 });
      setText('');
      return onUnknown(t('kitchen.picker.unknownCode', { code: raw }));
    }
    const hit = hits[Math.min(active, hits.length - 1)];
    if (hit) return take({ product: hit.product, quantity: 0 });
    setText('');
    onUnknown(t('kitchen.picker.noMatch', { text: raw }));
  };

  return (
    <div style={{ position: 'relative' }}>
      <Input
        ref={input}
        size="large"
        prefix={<ScanOutlined />}
        value={text}
        disabled={disabled}
        autoFocus={autoFocus}
        data-testid={testId}
        placeholder={t('kitchen.picker.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((current) => Math.min(current + 1, Math.max(hits.length - 1, 0)));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((current) => Math.max(current - 1, 0));
          } else if (event.key === 'Escape') {
            setText('');
          }
        }}
        onPressEnter={submit}
      />
      {hits.length > 0 && (
        <List
          size="small"
          bordered
          data-testid={`${testId}-hits`}
          style={{
            position: 'absolute',
            zIndex: 20,
            background: 'var(--ant-color-bg-elevated, #fff)',
            width: '100%',
            boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
          }}
          dataSource={hits}
          renderItem={(hit, position) => (
            <List.Item
              data-testid={`${testId}-hit`}
              onMouseDown={(event) => {
                event.preventDefault();
                take({ product: hit.product, quantity: 0 });
              }}
              style={{ cursor: 'pointer', background: position === active ? 'rgba(22,119,255,0.10)' : undefined }}
            >
              <span>{productLabel(hit.product, i18n.language)}</span>
              <Typography.Text type="secondary">
                {hit.product.sku} · {unitLabel(hit.product.baseUnit)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
});
