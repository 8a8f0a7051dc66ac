import { Alert, Button, Card, Input, List, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkBudget, decisionFor, purchaseOrderTotals } from '../../../shared/finance';
import type { DocumentDoc, PurchaseOrderDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { formatMoney } from '../../ui/format';
import { useLabels } from '../finance/labels';
import { budgetReason } from './budgetText';
import { useApprovalRules } from './data';

/**
 * HQ acts as the approving manager. The ordering site owns its PO, so HQ writes an approval
 * document and an audit event under its own siteId, addressed (toSiteId) to the ordering site,
 * which is how that site pulls them.
 */
export function ApprovalQueue({ orders, approvals }: { orders: PurchaseOrderDoc[]; approvals: DocumentDoc[] }) {
  const { t } = useTranslation();
  const command = useCommand();
  const ledger = useLedgerAtHand();
  const labels = useLabels();
  const rules = useApprovalRules();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const waiting = orders.filter((order) => order.status === 'submitted' && !decisionFor(order, approvals));

  const decide = async (order: PurchaseOrderDoc, decision: 'approved' | 'rejected') => {
    if (!command) return;
    const reason = reasons[order.id]?.trim();
    if (decision === 'rejected' && !reason) return void message.warning(t('purchasing.approvals.needReason'));
    setError(undefined);
    try {
      await command('po.decide', { orderId: order.id, decision, ...(reason ? { reason } : {}) });
      void message.success(
        t(decision === 'approved' ? 'purchasing.approvals.approved' : 'purchasing.approvals.rejected', { number: order.number }),
      );
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Card title={t('purchasing.approvals.title')} style={{ marginBottom: 16 }} data-testid="approval-queue">
      <Typography.Paragraph type="secondary">{t('purchasing.approvals.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <List
        dataSource={waiting}
        locale={{ emptyText: t('purchasing.approvals.empty') }}
        renderItem={(order) => {
          const check = ledger
            ? checkBudget(order, {
                otherOrders: orders,
                products: (id) => ledger.ledger.product(id),
                rules: rules.budgetRules(order.siteId),
              })
            : undefined;
          return (
            <List.Item
              data-testid={`approval-${order.number}`}
              actions={[
                <Button key="approve" type="primary" data-testid="approve" onClick={() => void decide(order, 'approved')}>
                  {t('purchasing.approvals.approve')}
                </Button>,
                <Button key="reject" danger onClick={() => void decide(order, 'rejected')}>
                  {t('purchasing.approvals.reject')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <strong>{order.number}</strong>
                    <span>{labels.site(order.siteId)}</span>
                    <span>{labels.partner(order.partnerId)}</span>
                    <span>{formatMoney(purchaseOrderTotals(order).total)}</span>
                  </Space>
                }
                description={
                  <>
                    {(check?.excesses ?? []).map((excess) => (
                      <Alert
                        key={`${excess.kind}:${excess.category}`}
                        type="warning"
                        message={budgetReason(excess, t, labels)}
                        style={{ marginBottom: 4 }}
                        data-testid="approval-reason"
                      />
                    ))}
                    <Input
                      size="small"
                      placeholder={t('purchasing.approvals.rejectReason')}
                      maxLength={500}
                      value={reasons[order.id] ?? ''}
                      onChange={(event) => setReasons((current) => ({ ...current, [order.id]: event.target.value }))}
                      style={{ maxWidth: 360 }}
                    />
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
