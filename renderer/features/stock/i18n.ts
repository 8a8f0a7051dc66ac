import { defineMessages } from '../../i18n/define';

/** Strings of the stock feature, under the `stock` key (t('stock.…')). */
export default defineMessages(
  {},
  {},
);
