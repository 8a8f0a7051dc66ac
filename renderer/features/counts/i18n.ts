import { defineMessages } from '../../i18n/define';

/** Strings of the counts feature, under the `counts` key (t('counts.…')). */
export default defineMessages(
  {},
  {},
);
