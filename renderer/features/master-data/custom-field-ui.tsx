// HQ's custom fields (issue 15) in forms, lists, exports and printed papers: the fields of a kind
// of record from config, inputs for them inside an editor's form (or, on a document's form, an
// inline form of their own), and their values as text.
import { Form, Input, InputNumber, Select, Switch, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  customFieldLabel,
  customFieldsFrom,
  customValueText,
  type CustomField,
  type CustomFieldDocumentType,
  type CustomFieldEntity,
  type CustomValue,
} from '../../../shared/domain';
import type { ConfigDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';

/** HQ's custom fields of `entity` (every one without), as the local store holds them (empty until config arrives). */
export function useCustomFields(entity?: CustomFieldEntity): CustomField[] {
  const config = useRxQuery<ConfigDoc>((db) => db.config.find({ selector: { key: 'custom-fields' } }), []) ?? [];
  return customFieldsFrom(config, entity);
}

/** A field's name and its value as text, in the UI language. */
export function useCustomFieldText(): {
  label(field: CustomField): string;
  value(field: CustomField, values: Readonly<Record<string, unknown>> | undefined): string;
} {
  const { t, i18n } = useTranslation();
  return {
    label: (field) => customFieldLabel(field, i18n.language),
    value: (field, values) =>
      customValueText(field, values?.[field.id] as CustomValue | undefined, (yes) =>
        yes ? t('masterData.customFields.yes') : t('masterData.customFields.no'),
      ),
  };
}

/** A list column per custom field, showing each row's value (`valuesOf`: the row's `custom`). */
export function customColumns<Row>(
  fields: readonly CustomField[],
  text: ReturnType<typeof useCustomFieldText>,
  valuesOf: (row: Row) => Readonly<Record<string, unknown>> | undefined,
): { title: string; key: string; render(_: unknown, row: Row): string }[] {
  return fields.map((field) => ({
    title: text.label(field),
    key: `custom-${field.id}`,
    render: (_: unknown, row: Row) => text.value(field, valuesOf(row)),
  }));
}

/** The filled custom fields of a record as printed papers show them, in the paper's language (`fixed`: that language's t). */
export function printedCustomValues(
  fields: readonly CustomField[],
  values: Readonly<Record<string, unknown>> | undefined,
  language: string,
  fixed: (key: string) => string,
): { label: string; value: string }[] {
  return fields
    .filter((field) => values?.[field.id] !== undefined)
    .map((field) => ({
      label: customFieldLabel(field, language),
      value: customValueText(field, values?.[field.id] as CustomValue | undefined, (yes) =>
        fixed(yes ? 'masterData.customFields.yes' : 'masterData.customFields.no'),
      ),
    }));
}

/** "产地: 山东 · 等级: A" — the filled custom fields of a record, for a list cell or a printed line. */
export function customSummary(
  fields: readonly CustomField[],
  values: Readonly<Record<string, unknown>> | undefined,
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

type CustomForm = FormInstance<{ custom?: Record<string, unknown> }>;

/** A document form's custom fields: HQ's for this kind, and the inline form that holds their values. */
export function useDocumentCustomFields(entity: CustomFieldDocumentType): {
  fields: CustomField[];
  form: CustomForm;
  /** The values typed; a required one left blank is shown under its input and the promise rejects. */
  read(): Promise<Record<string, unknown>>;
  reset(): void;
} {
  const fields = useCustomFields(entity);
  const [form] = Form.useForm<{ custom?: Record<string, unknown> }>();
  return {
    fields,
    form,
    read: async () => (fields.length === 0 ? {} : ((await form.validateFields()).custom ?? {})),
    reset: () => {
      if (fields.length > 0) form.resetFields();
    },
  };
}

/** The inputs of a document's custom fields, in a row under its header (nothing when HQ defined none). */
export function DocumentCustomFields({
  fields,
  form,
  initial,
  onChange,
}: {
  fields: readonly CustomField[];
  form: CustomForm;
  initial?: Readonly<Record<string, unknown>> | undefined;
  onChange?(custom: Record<string, unknown>): void;
}) {
  if (fields.length === 0) return null;
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 12, rowGap: 8 }}
      initialValues={{ custom: initial ?? {} }}
      onValuesChange={(_changed, all: { custom?: Record<string, unknown> }) => onChange?.(all.custom ?? {})}
      data-testid="document-custom-fields"
    >
      <CustomFieldInputs fields={fields} />
    </Form>
  );
}
