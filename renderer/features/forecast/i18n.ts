import { defineMessages } from '../../i18n/define';

/** Strings of the forecast feature, under the `forecast` key (t('forecast.…')). */
export default defineMessages(
  {},
  {},
);
