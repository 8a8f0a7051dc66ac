// The header's "Approvals N" button for whoever has something to decide: one click to the queue.
// The message centre renders it beside its bell, from the same queue.
import { Badge, Button } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../shell/routes';

export function ApprovalsButton({ waiting }: { waiting: number }) {
  const { t } = useTranslation();
  return (
    <span data-testid="approvals-badge">
      <Badge count={waiting} size="small">
        <Button
          size="small"
          icon={<AuditOutlined />}
          onClick={() => navigate('approvals')}
          data-testid="approvals-open"
          title={t('approvals.badge')}
        >
          {t('nav.approvals')}
        </Button>
      </Badge>
    </span>
  );
}
