import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export type ExpiryStatus = 'ok' | 'near-expiry' | 'expired';

const colors: Record<ExpiryStatus, string> = { ok: 'green', 'near-expiry': 'orange', expired: 'red' };

export function ExpiryTag({ status, daysLeft }: { status: ExpiryStatus; daysLeft?: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="expiry-tag" data-status={status}>
      {t(`ui.expiry.${status}`)}
      {daysLeft !== undefined && status !== 'expired' ? ` · ${daysLeft}d` : ''}
    </Tag>
  );
}
