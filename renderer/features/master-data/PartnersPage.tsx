import { Alert, Button, Card, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerDraft } from '../../../shared/commands';
import type { CustomValues } from '../../../shared/domain';
import { partnerColumns, partnerSheet, partnerTemplate, planPartnerImport } from '../../../shared/ops/partner-sheet';
import { partnerKinds, type PartnerDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { useApprovalRules } from '../purchasing/data';
import { ExportButtons } from '../finance/ExportButtons';
import { CustomFieldInputs, useCustomFieldText, useCustomFields } from './custom-field-ui';
import { usePartners } from './data';
import { SheetImportDialog } from './SheetImportDialog';
import { AgreedPricesField } from './AgreedPricesField';

type PartnerForm = Omit<PartnerDraft, 'paymentTermsDays' | 'creditLimit'> & {
  paymentTermsDays?: number | null;
  creditLimit?: number | null;
};

function PartnerEditor({ partner, onClose }: { partner: PartnerDoc | null; onClose(): void }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [form] = Form.useForm<PartnerForm>();
  const customFields = useCustomFields('partner');
  const [error, setError] = useState<unknown>(null);
  const required = [{ required: true, whitespace: true, message: t('masterData.editor.required') }];
  const save = async (values: PartnerForm) => {
    if (!command) return;
    setError(null);
    const optional = Object.fromEntries(
      (['nameEn', 'contact', 'phone', 'email', 'address', 'taxId'] as const)
        .map((key) => [key, values[key]?.trim()] as const)
        .filter(([, value]) => value),
    );
    const draft: PartnerDraft = {
      ...(partner ? { id: partner.id } : {}),
      ...optional,
      kind: values.kind,
      code: values.code,
      name: values.name,
      active: values.active,
      ...(typeof values.paymentTermsDays === 'number' ? { paymentTermsDays: values.paymentTermsDays } : {}),
      ...(typeof values.creditLimit === 'number' ? { creditLimit: values.creditLimit } : {}),
      ...(values.kind !== 'supplier' && values.prices?.length ? { prices: values.prices } : {}),
      // Values of fields HQ removed since stay (the form holds only today's fields).
      custom: { ...(partner?.custom ?? {}), ...(values.custom ?? {}) },
    };
    try {
      await command('partner.save', { partner: draft });
      void message.success(t('masterData.saved'));
      onClose();
    } catch (caught) {
      setError(caught);
    }
  };
  const field = (name: keyof PartnerForm, width = 220) => (
    <Form.Item name={name} label={t(`masterData.partners.${name}`)}>
      <Input style={{ width }} />
    </Form.Item>
  );
  return (
    <Drawer
      open
      width="min(620px, 100vw)"
      title={partner ? `${partner.code} ${partner.name}` : t('masterData.partners.new')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('masterData.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} data-testid="partner-save">
            {t('masterData.save')}
          </Button>
        </Space>
      }
    >
      <Form<PartnerForm>
        form={form}
        layout="vertical"
        initialValues={partner ?? { kind: 'supplier', code: '', name: '', active: true }}
        onFinish={(values) => void save(values)}
      >
        <ErrorAlert error={error} testId="partner-error" />
        <Space wrap align="start">
          <Form.Item name="kind" label={t('masterData.partners.kind')}>
            <Select
              style={{ width: 160 }}
              options={partnerKinds.map((kind) => ({ value: kind, label: t(`masterData.partners.kinds.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item name="code" label={t('masterData.partners.code')} rules={required}>
            <Input style={{ width: 140 }} data-testid="partner-code" />
          </Form.Item>
          <Form.Item name="active" label={t('masterData.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="name" label={t('masterData.partners.name')} rules={required}>
            <Input style={{ width: 220 }} data-testid="partner-name" />
          </Form.Item>
          {field('nameEn')}
        </Space>
        <Space wrap align="start">
          {field('contact', 160)}
          {field('phone', 160)}
          {field('email', 200)}
        </Space>
        {field('address', 460)}
        <Space wrap align="start">
          {field('taxId', 220)}
          <Form.Item name="paymentTermsDays" label={t('masterData.partners.paymentTermsDays')}>
            <InputNumber min={0} max={365} precision={0} style={{ width: 140 }} data-testid="partner-terms" />
          </Form.Item>
          <Form.Item name="creditLimit" label={t('masterData.partners.creditLimit')} extra={t('masterData.partners.creditLimitHint')}>
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: 180 }} data-testid="partner-credit-limit" />
          </Form.Item>
        </Space>
        <Form.Item noStyle shouldUpdate={(before, after) => before.kind !== after.kind}>
          {({ getFieldValue }) => (getFieldValue('kind') === 'supplier' ? null : <AgreedPricesField />)}
        </Form.Item>
        <CustomFieldInputs fields={customFields} />
      </Form>
    </Drawer>
  );
}

/** 往来单位: suppliers and customers with contact, tax number and payment terms (HQ edits). */
export default function PartnersPage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const partners = usePartners();
  const rules = useApprovalRules();
  const customFields = useCustomFields('partner');
  const customText = useCustomFieldText();
  const [editing, setEditing] = useState<PartnerDoc | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const command = useCommand();
  const sheetLanguage = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const isHq = terminal?.siteKind === 'hq';
  const contracts = (id: string) => rules.contracts.filter((price) => price.partnerId === id).length;
  return (
    <div data-testid="section-partners">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('masterData.partners.title')}
      </Typography.Title>
      {!isHq && <Alert type="info" showIcon message={t('masterData.hqOnly')} style={{ marginBottom: 16 }} />}
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          {isHq && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="partner-new">
              {t('masterData.partners.new')}
            </Button>
          )}
          {isHq && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="partners-import">
              {t('masterData.import.button')}
            </Button>
          )}
          <ExportButtons table={() => partnerSheet(partners ?? [], sheetLanguage)} testId="partners-export" />
        </Space>
        <Table<PartnerDoc>
          size="small"
          rowKey="id"
          loading={partners === null}
          dataSource={partners ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 660 + customFields.length * 110 }}
          onRow={(partner) => ({ onClick: () => isHq && setEditing(partner), style: { cursor: isHq ? 'pointer' : undefined } })}
          data-testid="partners-table"
          columns={[
            { title: t('masterData.partners.code'), dataIndex: 'code', width: 80 },
            {
              title: t('masterData.products.col.name'),
              key: 'name',
              render: (_, p) => (i18n.language === 'en' && p.nameEn ? p.nameEn : p.name),
            },
            {
              title: t('masterData.partners.kind'),
              key: 'kind',
              width: 96,
              render: (_, p) => <Tag>{t(`masterData.partners.kinds.${p.kind}`)}</Tag>,
            },
            {
              title: t('masterData.partners.contact'),
              key: 'contact',
              width: 120,
              render: (_, p) => [p.contact, p.phone].filter(Boolean).join(' · '),
            },
            { title: t('masterData.partners.taxId'), dataIndex: 'taxId', width: 120 },
            {
              title: t('masterData.partners.paymentTermsDays'),
              key: 'terms',
              width: 84,
              render: (_, p) => (p.paymentTermsDays === undefined ? '—' : t('masterData.partners.terms', { days: p.paymentTermsDays })),
            },
            ...customFields.map((field) => ({
              title: customText.label(field),
              key: `custom-${field.id}`,
              width: 110,
              render: (_: unknown, p: PartnerDoc) => customText.value(field, p.custom as CustomValues | undefined),
            })),
            { title: t('masterData.partners.contracts'), key: 'contracts', width: 64, align: 'right', render: (_, p) => contracts(p.id) },
          ]}
        />
        <Typography.Text type="secondary">{t('masterData.partners.contractsHint', { count: rules.contracts.length })}</Typography.Text>
      </Card>
      {importing && command && (
        <SheetImportDialog
          sheet={{
            noun: 'partners',
            columns: partnerColumns,
            plan: (records) => planPartnerImport(records, partners ?? []),
            template: partnerTemplate,
            apply: async (chunk) => void (await command('partner.import', { partners: chunk })),
          }}
          onClose={() => setImporting(false)}
        />
      )}
      {editing !== null && <PartnerEditor partner={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
