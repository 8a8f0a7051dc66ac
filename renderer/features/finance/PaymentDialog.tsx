// 收款 / 付款 (issue 17): money a customer pays against its balance, or money paid to a supplier,
// by cash, bank transfer, WeChat or Alipay; posted at once through payment.record.
import { Alert, Form, Input, InputNumber, Modal, Segmented, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { settlementMethods, type SettlementMethod } from '../../../shared/schemas';
import type { PartnerSide } from '../../../shared/finance';
import { useDialogCommand } from '../../db/commands';
import { ErrorAlert } from '../../ui/errors';
import { formatMoney } from '../../ui/format';

interface PaymentForm {
  amount: number;
  method: SettlementMethod;
  note?: string;
}

export function PaymentDialog({
  partnerId,
  partnerName,
  side,
  balance,
  onClose,
}: {
  partnerId: string;
  partnerName: string;
  side: PartnerSide;
  balance: number;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PaymentForm>();
  const { error, run } = useDialogCommand(onClose);
  const direction = side === 'receivable' ? 'from-customer' : 'to-supplier';
  const save = (values: PaymentForm) =>
    run((command) =>
      command('payment.record', {
        partnerId,
        direction,
        amount: values.amount,
        method: values.method,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      }),
    );
  return (
    <Modal
      open
      title={t(side === 'receivable' ? 'finance.payment.receiveTitle' : 'finance.payment.payTitle', { partner: partnerName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('finance.payment.post')}
      okButtonProps={{ 'data-testid': 'payment-post' } as ButtonProps}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('finance.payment.balance', { balance: formatMoney(balance) })} />
      <ErrorAlert error={error} testId="payment-error" />
      <Form<PaymentForm> form={form} layout="vertical" initialValues={{ method: 'transfer' }} onFinish={(values) => void save(values)}>
        <Form.Item
          name="amount"
          label={t('finance.payment.amount')}
          rules={[{ required: true, message: t('finance.payment.amountNeeded') }]}
        >
          <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: 200 }} data-testid="payment-amount" />
        </Form.Item>
        <Form.Item name="method" label={t('finance.payment.method')}>
          <Segmented<SettlementMethod>
            options={settlementMethods.map((method) => ({ value: method, label: t(`finance.payment.methods.${method}`) }))}
            data-testid="payment-method"
          />
        </Form.Item>
        <Form.Item name="note" label={t('finance.payment.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
