// HQ's approval rules (issue 15): document type + condition + threshold (+ site) → the role that
// approves, optionally a second. Saved into the organisation's `approval-rules` config beside the
// purchase budgets (config.save merges, so budgets and contract prices stay as they are). The
// purchase-order rule (over the month's budget or the large-order amount → HQ, whoever may
// approve orders) heads the list; HQ edits its amount, the budgets are set under Suppliers.
import { Button, Card, Form, InputNumber, Modal, Select, Table, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  approvalRulesFrom,
  builtInRoleCodes,
  conditionsOfType,
  customRolesFrom,
  holdableDocumentTypes,
  type ApprovalCondition,
  type ApprovalRule,
  type HoldableDocumentType,
} from '../../../shared/domain';
import { budgetRulesFromConfig } from '../../../shared/finance';
import type { ConfigDoc } from '../../../shared/schemas';
import { useCommand, useDialogCommand } from '../../db/commands';
import { useRxQuery } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { useLabels, useSites } from '../finance/labels';
import { formatMoney } from '../../ui/format';
import { LargeOrderEditor } from './LargeOrderEditor';

/** The purchase-order rule, first in the list: not removable, its amount editable. */
interface PurchaseOrderRow {
  id: 'purchase-order';
  largeOrderAmount: number;
}
type RuleRow = ApprovalRule | PurchaseOrderRow;
const isPurchaseOrderRow = (row: RuleRow): row is PurchaseOrderRow => row.id === 'purchase-order';

interface RuleForm {
  documentType: HoldableDocumentType;
  condition: ApprovalCondition;
  threshold: number;
  siteId?: string;
  firstRole: string;
  secondRole?: string;
}

function RuleEditor({ rules, roleName, onClose }: { rules: readonly ApprovalRule[]; roleName(role: string): string; onClose(): void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const sites = (useSites() ?? []).filter((site) => site.kind !== 'hq');
  const config = useRxQuery<ConfigDoc>((db) => db.config.find(), []) ?? [];
  const roles = [...builtInRoleCodes, ...customRolesFrom(config).map((role) => role.id)];
  const [form] = Form.useForm<RuleForm>();
  const documentType = Form.useWatch('documentType', form) ?? 'stock-count';
  const { error, run } = useDialogCommand(onClose);
  const save = (values: RuleForm) => {
    const rule: ApprovalRule = {
      id: `rule-${crypto.randomUUID().slice(0, 8)}`,
      documentType: values.documentType,
      condition: values.condition,
      threshold: values.threshold,
      ...(values.siteId ? { siteId: values.siteId } : {}),
      approverRoles: [values.firstRole, ...(values.secondRole && values.secondRole !== values.firstRole ? [values.secondRole] : [])],
    };
    return run((command) => command('config.save', { key: 'approval-rules', patch: { rules: [...rules, rule] } }));
  };
  const roleOptions = roles.map((role) => ({ value: role, label: roleName(role) }));
  return (
    <Modal
      open
      title={t('approvals.rules.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('approvals.rules.save')}
      okButtonProps={{ 'data-testid': 'rule-save' } as ButtonProps}
    >
      <Form<RuleForm>
        form={form}
        layout="vertical"
        initialValues={{ documentType: 'stock-count', condition: 'count-variance-over', threshold: 5 }}
        onFinish={(values) => void save(values)}
      >
        <ErrorAlert error={error} testId="rule-error" />
        <Form.Item name="documentType" label={t('approvals.rules.documentType')} rules={[{ required: true }]}>
          <Select
            data-testid="rule-type"
            options={holdableDocumentTypes.map((type) => ({ value: type, label: t(`approvals.types.${type}`) }))}
            onChange={(type: HoldableDocumentType) => form.setFieldValue('condition', conditionsOfType[type][0])}
          />
        </Form.Item>
        <Form.Item name="condition" label={t('approvals.rules.condition')} rules={[{ required: true }]}>
          <Select
            data-testid="rule-condition"
            options={conditionsOfType[documentType].map((condition) => ({
              value: condition,
              label: t(`approvals.conditions.${condition}`, { threshold: '…' }),
            }))}
          />
        </Form.Item>
        <Form.Item name="threshold" label={t('approvals.rules.threshold')} rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid="rule-threshold" />
        </Form.Item>
        <Form.Item name="siteId" label={t('approvals.rules.site')}>
          <Select
            allowClear
            placeholder={t('approvals.rules.allSites')}
            options={sites.map((site) => ({ value: site.id, label: labels.site(site.id) }))}
          />
        </Form.Item>
        <Form.Item name="firstRole" label={t('approvals.rules.approvers')} rules={[{ required: true }]}>
          <Select data-testid="rule-role" showSearch optionFilterProp="label" options={roleOptions} />
        </Form.Item>
        <Form.Item name="secondRole" label={t('approvals.rules.secondLevel')}>
          <Select allowClear showSearch optionFilterProp="label" options={roleOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ApprovalRulesCard({ roleName }: { roleName(role: string): string }) {
  const { t } = useTranslation();
  const command = useCommand();
  const labels = useLabels();
  const config = useRxQuery<ConfigDoc>((db) => db.config.find(), []) ?? [];
  const rules = approvalRulesFrom(config);
  const orgConfig = config.filter((entry) => !entry.siteId);
  const purchaseOrders: PurchaseOrderRow = {
    id: 'purchase-order',
    largeOrderAmount: budgetRulesFromConfig(orgConfig, '').largeOrderAmount ?? 0,
  };
  const [adding, setAdding] = useState(false);
  const [editingLargeOrder, setEditingLargeOrder] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async (id: string) => {
    if (!command) return;
    try {
      await command('config.save', { key: 'approval-rules', patch: { rules: rules.filter((rule) => rule.id !== id) } });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Card
      size="small"
      title={t('approvals.rules.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rule-add">
          {t('approvals.rules.add')}
        </Button>
      }
      data-testid="approval-rules"
    >
      <Typography.Paragraph type="secondary">{t('approvals.rules.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} testId="rules-error" />
      <Table<RuleRow>
        size="small"
        rowKey="id"
        dataSource={[purchaseOrders, ...rules]}
        pagination={false}
        columns={[
          {
            title: t('approvals.rules.documentType'),
            key: 'type',
            render: (_, row) => (isPurchaseOrderRow(row) ? t('approvals.types.purchase-order') : t(`approvals.types.${row.documentType}`)),
          },
          {
            title: t('approvals.rules.condition'),
            key: 'condition',
            render: (_, row) =>
              isPurchaseOrderRow(row) ? (
                <span data-testid="large-order-rule">
                  {t('approvals.rules.purchaseOrderCondition', { amount: formatMoney(row.largeOrderAmount) })}
                </span>
              ) : (
                t(`approvals.conditions.${row.condition}`, { threshold: row.threshold })
              ),
          },
          {
            title: t('approvals.rules.site'),
            key: 'site',
            render: (_, row) => (!isPurchaseOrderRow(row) && row.siteId ? labels.site(row.siteId) : t('approvals.rules.allSites')),
          },
          {
            title: t('approvals.rules.approvers'),
            key: 'roles',
            render: (_, row) =>
              isPurchaseOrderRow(row) ? t('approvals.rules.purchaseOrderApprovers') : row.approverRoles.map(roleName).join(' → '),
          },
          {
            title: '',
            key: 'remove',
            render: (_, row) =>
              isPurchaseOrderRow(row) ? (
                <Button size="small" onClick={() => setEditingLargeOrder(true)} data-testid="large-order-edit">
                  {t('approvals.rules.edit')}
                </Button>
              ) : (
                <Button size="small" danger onClick={() => void remove(row.id)}>
                  {t('approvals.rules.remove')}
                </Button>
              ),
          },
        ]}
        data-testid="rules-table"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {rules.length === 0 ? `${t('approvals.rules.empty')} ` : ''}
        {t('approvals.rules.budgets')}
      </Typography.Paragraph>
      {editingLargeOrder && <LargeOrderEditor amount={purchaseOrders.largeOrderAmount} onClose={() => setEditingLargeOrder(false)} />}
      {adding && <RuleEditor rules={rules} roleName={roleName} onClose={() => setAdding(false)} />}
    </Card>
  );
}
