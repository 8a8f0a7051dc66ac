// The purchase-order rule's one threshold HQ sets (issue 15: the fixed over-budget rule becomes a
// rule in the list): the amount above which an order waits for HQ whatever the budgets say,
// stored as the organisation's `approval-rules` largeOrderAmount (config.save merges it beside
// the rules and budgets).
import { Form, InputNumber, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDialogCommand } from '../../db/commands';
import { ErrorAlert } from '../../ui/errors';

export function LargeOrderEditor({ amount, onClose }: { amount: number; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ amount: number }>();
  const { error, run } = useDialogCommand(onClose);
  return (
    <Modal
      open
      title={t('approvals.rules.largeOrderTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('approvals.rules.save')}
      okButtonProps={{ 'data-testid': 'large-order-save' } as ButtonProps}
    >
      <Form<{ amount: number }>
        form={form}
        layout="vertical"
        initialValues={{ amount }}
        onFinish={(values) =>
          void run((command) => command('config.save', { key: 'approval-rules', patch: { largeOrderAmount: values.amount } }))
        }
      >
        <ErrorAlert error={error} testId="large-order-error" />
        <Form.Item
          name="amount"
          label={t('approvals.rules.largeOrderAmount')}
          extra={t('approvals.rules.largeOrderHint')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} precision={2} prefix="¥" style={{ width: 200 }} data-testid="large-order-amount" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
