import type { TFunction } from 'i18next';
import type { ProductDoc } from '../../../shared/schemas';

/** The cycle count's category choices: stored as codes (`dry-goods`), read by their translated names. */
export function countCategoryOptions(products: readonly Pick<ProductDoc, 'category'>[], t: TFunction): { value: string; label: string }[] {
  return [...new Set(products.map((p) => p.category))]
    .sort()
    .map((c) => ({ value: c, label: t(`finance.categories.${c}`, { defaultValue: c }) }));
}
