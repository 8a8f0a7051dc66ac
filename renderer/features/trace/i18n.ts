import { defineMessages } from '../../i18n/define';

/** Strings of the trace feature, under the `trace` key (t('trace.…')). */
export default defineMessages(
  {},
  {},
);
