// The approvals screen (issue 15): what waits for the person signed in, what waits for others, what
// was decided lately — and, at HQ, the rules. Deciding runs `approval.decide`; at the document's
// own site an approval of the last level posts it at once, offline too.
import { Alert, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography, message, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalCondition } from '../../../shared/domain';
import type { QueueRow } from '../../../shared/ops';
import { useCommand, useDialogCommand } from '../../db/commands';
import { navigate } from '../../shell/routes';
import { ErrorAlert } from '../../ui/errors';
import { useLabels } from '../finance/labels';
import { ApprovalRulesCard } from './ApprovalRulesCard';
import { useRoleName } from './role-name';
import { useApprovalQueue } from './useApprovalQueue';

/** A tripped rule's figure with its unit: a percentage, yuan, or a quantity. */
function figureOf(condition: ApprovalCondition, measured: number, language: string): string {
  if (condition === 'amount-over') return `¥${measured.toFixed(2)}`;
  if (condition === 'quantity-over') return String(measured);
  return language === 'en' ? `${measured} %` : `${measured}%`;
}

function RejectDialog({ row, onClose }: { row: QueueRow; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { error, run } = useDialogCommand(onClose);
  const reject = ({ reason }: { reason: string }) =>
    run((command) => command('approval.decide', { documentId: row.document.id, decision: 'rejected', reason }));
  return (
    <Modal
      open
      title={t('approvals.rejectTitle', { number: row.document.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('approvals.reject')}
      okButtonProps={{ danger: true, 'data-testid': 'approval-reject-confirm' } as ButtonProps}
    >
      <Form form={form} layout="vertical" onFinish={(values) => void reject(values)}>
        <ErrorAlert error={error} testId="approval-reject-error" />
        <Form.Item
          name="reason"
          label={t('approvals.reason')}
          rules={[{ required: true, whitespace: true, message: t('approvals.reasonRequired') }]}
        >
          <Input.TextArea rows={3} data-testid="approval-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const labels = useLabels();
  const roleName = useRoleName();
  const command = useCommand();
  const { rows, viewer } = useApprovalQueue();
  const [rejecting, setRejecting] = useState<QueueRow | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const approve = async (row: QueueRow) => {
    if (!command) return;
    setBusy(row.document.id);
    setError(null);
    try {
      await command('approval.decide', { documentId: row.document.id, decision: 'approved' });
      void message.success(t('approvals.approvedNote', { number: row.document.number }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const stateText = (row: QueueRow) => {
    const { state, request } = row;
    if (state.kind === 'waiting')
      return request.levels.length > 1
        ? t('approvals.state.waitingLevel', { role: roleName(state.role), level: state.level + 1, levels: request.levels.length })
        : t('approvals.state.waiting', { role: roleName(state.role) });
    const last = row.decisions[row.decisions.length - 1];
    const decision = t(`approvals.state.${state.kind}`);
    const by = last?.operatorId ? t('approvals.decidedBy', { decision, person: labels.person(last.operatorId) }) : decision;
    const reason = state.kind === 'rejected' && state.decision?.note ? `: ${state.decision.note}` : '';
    // Approved but still held: elsewhere it posts when its site syncs; at its own site the posting was
    // refused (the stock it needs went meanwhile), so the site records it again as a new document.
    if (state.kind === 'approved' && row.document.status === 'submitted')
      return t(viewer?.siteId === row.document.siteId ? 'approvals.state.approvedNotPosted' : 'approvals.state.approvedElsewhere');
    return `${by}${reason}`;
  };

  const columns = (actions: boolean) => [
    {
      title: t('approvals.columns.document'),
      key: 'document',
      render: (_: unknown, row: QueueRow) => (
        <Typography.Link onClick={() => navigate('journal', 'doc', row.document.id)} data-testid="approval-doc">
          {labels.docType(row.document.type)} {row.document.number}
        </Typography.Link>
      ),
    },
    { title: t('approvals.columns.site'), key: 'site', render: (_: unknown, row: QueueRow) => labels.site(row.document.siteId) },
    {
      title: t('approvals.columns.madeBy'),
      key: 'madeBy',
      render: (_: unknown, row: QueueRow) => (row.document.operatorId ? labels.person(row.document.operatorId) : '—'),
    },
    {
      title: t('approvals.columns.why'),
      key: 'why',
      render: (_: unknown, row: QueueRow) =>
        row.request.tripped.map((rule) => (
          <div key={rule.ruleId}>
            {t(`approvals.conditions.${rule.condition}`, { threshold: rule.threshold })} ·{' '}
            {t('approvals.measured', { figure: figureOf(rule.condition, rule.measured, language) })}
          </div>
        )),
    },
    {
      title: t('approvals.columns.state'),
      key: 'state',
      render: (_: unknown, row: QueueRow) => (
        <Tag color={row.state.kind === 'rejected' ? 'red' : row.state.kind === 'approved' ? 'green' : 'gold'} data-testid="approval-state">
          {stateText(row)}
        </Tag>
      ),
    },
    ...(actions
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row: QueueRow) => (
              <Space>
                <Button type="primary" loading={busy === row.document.id} onClick={() => void approve(row)} data-testid="approval-approve">
                  {t('approvals.approve')}
                </Button>
                <Button danger onClick={() => setRejecting(row)} data-testid="approval-reject">
                  {t('approvals.reject')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const mine = (rows ?? []).filter((row) => row.mine);
  const others = (rows ?? []).filter((row) => !row.mine && row.state.kind === 'waiting');
  const decided = (rows ?? []).filter((row) => row.state.kind !== 'waiting');
  const table = (data: QueueRow[], testId: string, actions = false, empty = t('approvals.page.none')) => (
    <Table<QueueRow>
      size="small"
      rowKey={(row) => row.document.id}
      loading={rows === null}
      dataSource={data}
      columns={columns(actions)}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: empty }}
      data-testid={testId}
    />
  );

  return (
    <div data-testid="section-approvals">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('approvals.page.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('approvals.page.intro')}
      </Typography.Paragraph>
      <ErrorAlert error={error} testId="approval-error" />
      {viewer && !viewer.personId && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('approvals.page.signInToDecide')} />
      )}
      <Card title={t('approvals.page.mine')} size="small" style={{ marginBottom: 16 }}>
        {table(mine, 'approvals-mine', true)}
      </Card>
      <Card title={t('approvals.page.others')} size="small" style={{ marginBottom: 16 }}>
        {table(others, 'approvals-others')}
      </Card>
      <Card title={t('approvals.page.decided')} size="small" style={{ marginBottom: 16 }}>
        {table(decided, 'approvals-decided', false, t('approvals.page.noneDecided'))}
      </Card>
      {viewer?.siteKind === 'hq' && <ApprovalRulesCard roleName={roleName} />}
      {rejecting && <RejectDialog row={rejecting} onClose={() => setRejecting(null)} />}
    </div>
  );
}
