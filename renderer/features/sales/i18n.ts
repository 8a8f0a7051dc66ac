import { defineMessages } from '../../i18n/define';

/** Strings of the sales feature, under the `sales` key (t('sales.…')). */
export default defineMessages(
  {},
  {},
);
