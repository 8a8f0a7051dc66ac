import { defineMessages } from '../../i18n/define';

/** Strings of the finance feature, under the `finance` key (t('finance.…')). */
export default defineMessages(
  {},
  {},
);
