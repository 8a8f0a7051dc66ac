import { defineMessages } from '../../i18n/define';

/** Strings of the kitchen feature, under the `kitchen` key (t('kitchen.…')). */
export default defineMessages(
  {},
  {},
);
