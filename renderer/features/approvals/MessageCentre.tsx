// The message centre in the header (issue 15): the "Approvals N" button for whoever has something
// to decide, and a bell whose badge counts approvals waiting for the person signed in and what
// arrived since they last looked — decisions on their documents, the
// near-expiry notice, receiving discrepancies, refused records — and a desktop notification
// through the bridge when something new comes.
import { Badge, Button, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/domain';
import { messagesFor, unreadMessages, waitingForViewer, type Message } from '../../../shared/ops';
import type { EventDoc } from '../../../shared/schemas';
import { bridge } from '../../bridge';
import { useRxQuery } from '../../db/hooks';
import { navigate } from '../../shell/routes';
import { useMessageSeenStore } from '../../state/message-seen-store';
import { useSyncStatusStore } from '../../state/sync-status-store';
import { businessDateToday } from '../../ui/format';
import { useLabels } from '../finance/labels';
import { ApprovalsButton } from './ApprovalsButton';
import { useApprovalQueue } from './useApprovalQueue';

/** Notices and discrepancies of the last week. */
const WINDOW_DAYS = 7;

function useMessageText(): (message: Message) => string {
  const { t } = useTranslation();
  const labels = useLabels();
  return (message) => {
    const p = message.params;
    switch (message.kind) {
      case 'approval-waiting':
        return t('approvals.messages.waiting', { document: `${labels.docType(String(p.type))} ${p.number}` });
      case 'approval-decided':
        return t(`approvals.messages.${p.decision === 'rejected' ? 'rejected' : 'approved'}`, {
          number: p.number,
          person: p.by ? labels.person(String(p.by)) : '',
          reason: p.reason,
        });
      case 'expiry':
        return t('approvals.messages.expiry', { site: labels.site(String(p.site)), expired: p.expired, near: p.near });
      case 'discrepancy':
        return t('approvals.messages.discrepancy', { site: labels.site(String(p.site)), count: Number(p.lines) });
      case 'refused':
        return t('approvals.messages.refused', { count: Number(p.count), reason: p.reason });
    }
  };
}

function open(message: Message): void {
  if (message.kind === 'approval-waiting') navigate('approvals');
  else if (message.kind === 'expiry') navigate('expiry');
  else if (message.kind === 'refused') navigate('settings');
  else if (message.docId) navigate('journal', 'doc', message.docId);
}

export function MessageCentre() {
  const { t } = useTranslation();
  const text = useMessageText();
  const { rows, viewer } = useApprovalQueue();
  const since = addDays(businessDateToday(), -WINDOW_DAYS);
  const events = useRxQuery<EventDoc>(
    (db) => db.events.find({ selector: { kind: { $in: ['near-expiry', 'discrepancy'] }, at: { $gte: since } } }),
    [since],
  );
  const refused = useSyncStatusStore((s) => s.refused);
  const personKey = viewer?.personId ?? '';
  const lastSeen = useMessageSeenStore((s) => s.seen[personKey] ?? null);
  const markSeen = useMessageSeenStore((s) => s.markSeen);
  const messages = useMemo(
    () => (viewer && rows ? messagesFor(viewer, { queue: rows, events: events ?? [], refused }) : []),
    [viewer, rows, events, refused],
  );
  const unread = unreadMessages(messages, lastSeen);

  // A desktop notification when something new arrives for the same person (signing in is not news).
  const notified = useRef<{ personKey: string; ids: Set<string> } | null>(null);
  useEffect(() => {
    if (!rows || events === null) return;
    const before = notified.current;
    notified.current = { personKey, ids: new Set(messages.map((message) => message.id)) };
    if (!before || before.personKey !== personKey) return;
    const fresh = messages.filter((message) => !before.ids.has(message.id));
    if (fresh[0]) void bridge.notify({ title: t('approvals.messages.title'), body: text(fresh[0]) });
  }, [messages, rows, events, personKey, t, text]);

  if (!viewer) return null;
  const waiting = rows ? waitingForViewer(rows) : 0;
  const list = (
    <List<Message>
      size="small"
      style={{ width: 380, maxHeight: 420, overflow: 'auto' }}
      dataSource={messages}
      locale={{ emptyText: t('approvals.messages.none') }}
      data-testid="messages-list"
      renderItem={(message) => (
        <List.Item
          style={{ cursor: 'pointer', fontWeight: lastSeen === null || message.at > lastSeen ? 600 : 400 }}
          onClick={() => open(message)}
          data-testid={`message-${message.kind}`}
        >
          <Typography.Text type={message.severity === 'error' ? 'danger' : message.severity === 'warning' ? 'warning' : undefined}>
            {text(message)}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
  return (
    <>
      {viewer.personId && waiting > 0 && <ApprovalsButton waiting={waiting} />}
      <Popover
        trigger="click"
        placement="bottomRight"
        title={t('approvals.messages.title')}
        content={list}
        onOpenChange={(opened) => !opened && markSeen(personKey, new Date().toISOString())}
      >
        <Badge count={unread} size="small" data-testid="messages-badge">
          <Button size="small" icon={<BellOutlined />} aria-label={t('approvals.messages.title')} data-testid="messages-open" />
        </Badge>
      </Popover>
    </>
  );
}
