import { defineMessages } from '../../i18n/define';

/** Strings of the food-safety feature, under the `food-safety` key (t('food-safety.…')). */
export default defineMessages(
  {},
  {},
);
