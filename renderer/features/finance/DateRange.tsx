import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { addDays } from '../../../shared/domain';
import { businessDateToday } from '../../ui/format';

export interface BusinessDateRange {
  from: string;
  to: string;
}

/** The last 28 days ending today (four whole weeks, so weekday patterns compare fairly). */
export function lastFourWeeks(today = businessDateToday()): BusinessDateRange {
  return { from: addDays(today, -27), to: today };
}

/** antd's range picker speaking business dates (YYYY-MM-DD strings) both ways. */
export function DateRangeField({
  value,
  onChange,
  testId,
}: {
  value: BusinessDateRange;
  onChange: (range: BusinessDateRange) => void;
  testId: string;
}) {
  return (
    <DatePicker.RangePicker
      data-testid={testId}
      allowClear={false}
      value={[dayjs(value.from), dayjs(value.to)]}
      onChange={(dates) => {
        const [from, to] = dates ?? [];
        if (from && to) onChange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
      }}
    />
  );
}
