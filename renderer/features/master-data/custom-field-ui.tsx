// HQ's custom fields (issue 15) in forms, lists, exports and printed papers: the fields of a kind
// of record from config, inputs for them inside an editor's form, and their values as text.
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  customFieldLabel,
  customFieldsFrom,
  customValueText,
  type CustomField,
  type CustomFieldEntity,
  type CustomValues,
} from '../../../shared/domain';
import type { ConfigDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';

/** HQ's custom fields of `entity`, as the local store holds them (empty until config arrives). */
export function useCustomFields(entity: CustomFieldEntity): CustomField[] {
  const config = useRxQuery<ConfigDoc>((db) => db.config.find({ selector: { key: 'custom-fields' } }), []) ?? [];
  return customFieldsFrom(config, entity);
}

/** A field's name and its value as text, in the UI language. */
export function useCustomFieldText(): {
  label(field: CustomField): string;
  value(field: CustomField, values: CustomValues | undefined): string;
} {
  const { t, i18n } = useTranslation();
  return {
    label: (field) => customFieldLabel(field, i18n.language),
    value: (field, values) =>
      customValueText(field, values?.[field.id], (yes) => (yes ? t('masterData.customFields.yes') : t('masterData.customFields.no'))),
  };
}

/** "产地: 山东 · 等级: A" — the filled custom fields of a record, for a list cell or a printed line. */
export function customSummary(
  fields: readonly CustomField[],
  values: CustomValues | undefined,
  text: ReturnType<typeof useCustomFieldText>,
): string {
  return fields
    .filter((field) => values?.[field.id] !== undefined)
    .map((field) => `${text.label(field)}: ${text.value(field, values)}`)
    .join(' · ');
}

/** Inputs for the custom fields inside an editor's antd form (values under `custom.<id>`). */
export function CustomFieldInputs({ fields }: { fields: readonly CustomField[] }) {
  const { t } = useTranslation();
  const text = useCustomFieldText();
  return (
    <>
      {fields.map((field) => {
        const rules = field.required ? [{ required: true, message: t('masterData.editor.required') }] : [];
        const common = { name: ['custom', field.id], label: text.label(field), key: field.id };
        const testId = `custom-${field.id}`;
        switch (field.kind) {
          case 'number':
            return (
              <Form.Item {...common} rules={rules}>
                <InputNumber style={{ width: 200 }} data-testid={testId} />
              </Form.Item>
            );
          case 'yes-no':
            return (
              <Form.Item {...common} valuePropName="checked">
                <Switch data-testid={testId} />
              </Form.Item>
            );
          case 'choice':
            return (
              <Form.Item {...common} rules={rules}>
                <Select
                  allowClear
                  style={{ width: 240 }}
                  options={(field.choices ?? []).map((choice) => ({ value: choice, label: choice }))}
                  data-testid={testId}
                />
              </Form.Item>
            );
          case 'date':
            return (
              <Form.Item
                {...common}
                rules={[...rules, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
                extra={t('masterData.customFields.dateHint')}
              >
                <Input style={{ width: 160 }} placeholder="YYYY-MM-DD" data-testid={testId} />
              </Form.Item>
            );
          case 'text':
            return (
              <Form.Item {...common} rules={field.required ? [{ ...rules[0], whitespace: true }] : []}>
                <Input maxLength={200} style={{ width: 320 }} data-testid={testId} />
              </Form.Item>
            );
        }
      })}
    </>
  );
}
