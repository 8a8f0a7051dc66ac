import { defineMessages } from '../../i18n/define';

/** Strings of the purchasing feature, under the `purchasing` key (t('purchasing.…')). */
export default defineMessages(
  {},
  {},
);
