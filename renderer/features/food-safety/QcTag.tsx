import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QcStatus } from '../../../shared/schemas';

const colors: Record<QcStatus, string> = { pending: 'gold', released: 'green', quarantined: 'red', rejected: 'default' };

export function QcTag({ status }: { status: QcStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="qc-tag" data-status={status}>
      {t(`ui.qc.${status}`)}
    </Tag>
  );
}
