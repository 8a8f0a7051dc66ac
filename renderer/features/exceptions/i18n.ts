import { defineMessages } from '../../i18n/define';

/** Strings of the exceptions feature, under the `exceptions` key (t('exceptions.…')). */
export default defineMessages(
  {},
  {},
);
