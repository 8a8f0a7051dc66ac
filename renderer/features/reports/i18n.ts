import { defineMessages } from '../../i18n/define';

/** Strings of the reports feature, under the `reports` key (t('reports.…')). */
export default defineMessages(
  {},
  {},
);
