import { Input, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitChoices, type ProductUnits } from '../../shared/ops/quantity';
import { formatQty, parseQty } from './format';
import { unitLabel } from './units';

/**
 * A quantity typed in the product's units ("2.5 kg", "3 箱 4 瓶", a bare number in the base
 * unit), committed in base units on Enter or when focus leaves; shown back in the product's units.
 * Text that is no quantity of this product stays in the field, marked, and commits nothing.
 */
export function QtyInput({
  value,
  product,
  onCommit,
  testId,
  autoFocus,
  width = 150,
  invalid,
  ariaLabel,
}: {
  value: number;
  product: ProductUnits;
  onCommit(qty: number): void;
  testId?: string;
  autoFocus?: boolean;
  width?: number;
  /** Marked as wrong by the form around it (more than was shipped), beside text that is no quantity. */
  invalid?: boolean;
  ariaLabel?: string;
}) {
  const { t } = useTranslation();
  const shown = formatQty(value, product);
  const [text, setText] = useState(shown);
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(shown);
    setBad(false);
  }, [shown]);
  const commit = () => {
    try {
      const qty = parseQty(text, product);
      setBad(false);
      if (qty < 0) throw new RangeError('negative');
      onCommit(qty);
      setText(formatQty(qty, product));
    } catch {
      setBad(true);
    }
  };
  const units = unitChoices(product)
    .map((choice) => unitLabel(choice.unit))
    .join(' / ');
  return (
    <Tooltip title={bad ? t('ui.qty.bad', { units }) : t('ui.qty.hint', { units })}>
      <Input
        size="small"
        value={text}
        status={bad || invalid ? 'error' : undefined}
        aria-label={ariaLabel}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onPressEnter={commit}
        data-testid={testId}
        style={{ width }}
      />
    </Tooltip>
  );
}
