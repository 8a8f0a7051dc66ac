import { defineMessages } from '../../i18n/define';

/** Strings of the receiving feature, under the `receiving` key (t('receiving.…')). */
export default defineMessages(
  {},
  {},
);
