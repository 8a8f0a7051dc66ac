// HQ's custom fields (issue 15): fields a shop adds to products, partners and documents without an app update,
// kept in the organisation's `custom-fields` config (config.save; the right to manage master data).
import { Alert, Button, Card, Checkbox, Form, Input, Modal, Select, Table, Tag, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldEntities, customFieldKinds, customFieldsFrom, type CustomField } from '../../../shared/domain';
import type { ConfigDoc } from '../../../shared/schemas';
import { useCommand, useDialogCommand } from '../../db/commands';
import { useRxQuery, useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { useCustomFieldText } from './custom-field-ui';

/** A field as the form holds it: all but its id, given on saving. */
type FieldForm = Omit<CustomField, 'id'>;

function FieldEditor({ fields, onClose }: { fields: readonly CustomField[]; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FieldForm>();
  const kind = Form.useWatch('kind', form);
  const { error, run } = useDialogCommand(onClose);
  const save = (values: FieldForm) => {
    const field: CustomField = {
      id: `f-${crypto.randomUUID().slice(0, 8)}`,
      entity: values.entity,
      label: values.label.trim(),
      ...(values.labelEn?.trim() ? { labelEn: values.labelEn.trim() } : {}),
      kind: values.kind,
      ...(values.kind === 'choice' ? { choices: (values.choices ?? []).map((choice) => choice.trim()).filter(Boolean) } : {}),
      required: values.required,
    };
    return run((command) => command('config.save', { key: 'custom-fields', patch: { fields: [...fields, field] } }));
  };
  return (
    <Modal
      open
      title={t('masterData.customFields.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'custom-field-save' } as ButtonProps}
    >
      <Form<FieldForm>
        form={form}
        layout="vertical"
        initialValues={{ entity: 'product', kind: 'text', required: false }}
        onFinish={(values) => void save(values)}
      >
        <ErrorAlert error={error} testId="custom-field-error" />
        <Form.Item name="entity" label={t('masterData.customFields.entity')} rules={[{ required: true }]}>
          <Select
            data-testid="custom-field-entity"
            options={customFieldEntities.map((entity) => ({ value: entity, label: t(`masterData.customFields.entities.${entity}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="label"
          label={t('masterData.customFields.label')}
          rules={[{ required: true, whitespace: true, message: t('masterData.editor.required') }]}
        >
          <Input maxLength={40} data-testid="custom-field-label" />
        </Form.Item>
        <Form.Item name="labelEn" label={t('masterData.customFields.labelEn')}>
          <Input maxLength={40} data-testid="custom-field-label-en" />
        </Form.Item>
        <Form.Item name="kind" label={t('masterData.customFields.kind')} rules={[{ required: true }]}>
          <Select options={customFieldKinds.map((value) => ({ value, label: t(`masterData.customFields.kinds.${value}`) }))} />
        </Form.Item>
        {kind === 'choice' && (
          <Form.Item
            name="choices"
            label={t('masterData.customFields.choices')}
            extra={t('masterData.customFields.choicesHelp')}
            rules={[{ required: true, message: t('masterData.editor.required') }]}
          >
            <Select mode="tags" open={false} />
          </Form.Item>
        )}
        <Form.Item name="required" valuePropName="checked">
          <Checkbox>{t('masterData.customFields.required')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CustomFieldsPage() {
  const { t } = useTranslation();
  const command = useCommand();
  const terminal = useTerminal();
  const text = useCustomFieldText();
  const config = useRxQuery<ConfigDoc>((db) => db.config.find({ selector: { key: 'custom-fields' } }), []);
  const fields = customFieldsFrom(config ?? []);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async (id: string) => {
    if (!command) return;
    try {
      await command('config.save', { key: 'custom-fields', patch: { fields: fields.filter((field) => field.id !== id) } });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Card
      data-testid="section-custom-fields"
      title={t('masterData.customFields.title')}
      extra={
        terminal?.siteKind === 'hq' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="custom-field-add">
            {t('masterData.customFields.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('masterData.customFields.intro')}
      </Typography.Paragraph>
      {terminal && terminal.siteKind !== 'hq' && (
        <Alert type="info" showIcon message={t('masterData.hqOnly')} style={{ marginBottom: 16 }} />
      )}
      <ErrorAlert error={error} testId="custom-fields-error" />
      <Table<CustomField>
        size="small"
        rowKey="id"
        loading={config === null}
        dataSource={fields}
        pagination={false}
        locale={{ emptyText: t('masterData.customFields.empty') }}
        data-testid="custom-fields-table"
        columns={[
          { title: t('masterData.customFields.label'), key: 'label', render: (_, field) => text.label(field) },
          {
            title: t('masterData.customFields.entity'),
            key: 'entity',
            render: (_, field) => t(`masterData.customFields.entities.${field.entity}`),
          },
          {
            title: t('masterData.customFields.kind'),
            key: 'kind',
            render: (_, field) =>
              `${t(`masterData.customFields.kinds.${field.kind}`)}${field.choices?.length ? `: ${field.choices.join(' / ')}` : ''}`,
          },
          {
            title: t('masterData.customFields.required'),
            key: 'required',
            render: (_, field) => (field.required ? <Tag color="orange">{t('masterData.customFields.required')}</Tag> : null),
          },
          {
            title: '',
            key: 'remove',
            render: (_, field) => (
              <Button size="small" danger onClick={() => void remove(field.id)}>
                {t('masterData.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('masterData.customFields.removeNote')}
      </Typography.Paragraph>
      {adding && <FieldEditor fields={fields} onClose={() => setAdding(false)} />}
    </Card>
  );
}
