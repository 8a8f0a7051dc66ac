// The header's count of documents waiting for the person signed in (the message centre's first
// entry), and a desktop notification through the bridge when a new one arrives.
import { Badge, Button } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { waitingForViewer } from '../../../shared/ops';
import { bridge } from '../../bridge';
import { navigate } from '../../shell/routes';
import { useApprovalQueue } from './useApprovalQueue';

export function ApprovalsBadge() {
  const { t } = useTranslation();
  const { rows, viewer } = useApprovalQueue();
  const waiting = rows ? waitingForViewer(rows) : 0;
  const seen = useRef<{ personId: string | null; count: number } | null>(null);
  const personId = viewer?.personId ?? null;
  useEffect(() => {
    if (rows === null) return;
    const before = seen.current;
    seen.current = { personId, count: waiting };
    // Only a rise for the same person notifies: signing in to a queue is not news.
    if (before && before.personId === personId && waiting > before.count)
      void bridge.notify({ title: t('approvals.badge'), body: t('approvals.page.mine') + `: ${waiting}` });
  }, [rows, waiting, personId, t]);
  if (!personId || waiting === 0) return null;
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
