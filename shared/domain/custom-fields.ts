// Custom fields HQ adds without an app update (issue 15, "Rules without code"): each is data in the
// organisation's `custom-fields` config — what it is on (products, partners, or a kind of document
// a person fills in: purchase orders, goods receipts, dispatches), its name in both languages, its
// kind (text, number, date, choice, yes/no) and whether it is required — and its values live in the
// record's `custom` object by field id (products v4, partners v3, documents v5). A terminal of an
// earlier release skips fields on records it does not know.
import type { ConfigDoc } from '../schemas';
import { isValidBusinessDate } from './dates';
import { ValidationError } from './errors';

export const customFieldEntities = ['product', 'partner', 'purchase-order', 'goods-receipt', 'dispatch'] as const;
export type CustomFieldEntity = (typeof customFieldEntities)[number];
/** The kinds of document that carry custom fields (their forms show the inputs). */
export type CustomFieldDocumentType = Exclude<CustomFieldEntity, 'product' | 'partner'>;

export function isCustomFieldDocumentType(type: string): type is CustomFieldDocumentType {
  return type !== 'product' && type !== 'partner' && (customFieldEntities as readonly string[]).includes(type);
}

export const customFieldKinds = ['text', 'number', 'date', 'choice', 'yes-no'] as const;
export type CustomFieldKind = (typeof customFieldKinds)[number];

export interface CustomField {
  id: string;
  entity: CustomFieldEntity;
  /** The name shown in Chinese (and in English when `labelEn` is absent). */
  label: string;
  labelEn?: string;
  kind: CustomFieldKind;
  /** The values a choice field offers. */
  choices?: string[];
  required: boolean;
}

export type CustomValue = string | number | boolean;
export type CustomValues = Record<string, CustomValue>;

/** The id of the organisation's custom-fields config document. */
export const CUSTOM_FIELDS_CONFIG_ID = 'custom-fields';

function readField(raw: unknown): CustomField | null {
  const field = raw as Partial<CustomField> | null;
  if (!field || typeof field.id !== 'string' || !field.id || typeof field.label !== 'string' || !field.label.trim()) return null;
  if (!(customFieldEntities as readonly unknown[]).includes(field.entity) || !(customFieldKinds as readonly unknown[]).includes(field.kind))
    return null;
  const choices = Array.isArray(field.choices)
    ? field.choices.filter((choice): choice is string => typeof choice === 'string' && !!choice)
    : [];
  return {
    id: field.id,
    entity: field.entity as CustomFieldEntity,
    label: field.label.trim(),
    ...(typeof field.labelEn === 'string' && field.labelEn.trim() ? { labelEn: field.labelEn.trim() } : {}),
    kind: field.kind as CustomFieldKind,
    ...(field.kind === 'choice' ? { choices } : {}),
    required: field.required === true,
  };
}

/** HQ's custom fields (of one kind of record when `entity` is given), skipping what does not read as one. */
export function customFieldsFrom(config: readonly ConfigDoc[], entity?: CustomFieldEntity): CustomField[] {
  const doc = config.find((entry) => entry.key === 'custom-fields' && !entry.siteId);
  const list = (doc?.value as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: unknown) => readField(raw) ?? []).filter((field) => !entity || field.entity === entity);
}

export function customFieldLabel(field: Pick<CustomField, 'label' | 'labelEn'>, language: string): string {
  return language === 'en' && field.labelEn ? field.labelEn : field.label;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The values a record keeps: each checked against its field's kind, blanks dropped, and — with
 * `requireAll` (the editor) — every required field filled. Values of fields HQ has since removed
 * are kept as they are: removing a field loses no data. A refusal names the field.
 */
export function checkCustomValues(
  fields: readonly CustomField[],
  values: Readonly<Record<string, unknown>> | undefined,
  options: { requireAll: boolean },
): CustomValues {
  const kept: CustomValues = {};
  const byId = new Map(fields.map((field) => [field.id, field]));
  for (const [id, value] of Object.entries(values ?? {})) {
    if (isEmpty(value)) continue;
    const field = byId.get(id);
    if (!field) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') kept[id] = value;
      continue;
    }
    kept[id] = checkedValue(field, value);
  }
  if (options.requireAll)
    for (const field of fields)
      if (field.required && kept[field.id] === undefined) throw new ValidationError(`custom.${field.id}`, `${field.label} is required`);
  return kept;
}

function checkedValue(field: CustomField, value: unknown): CustomValue {
  const where = `custom.${field.id}`;
  switch (field.kind) {
    case 'number': {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(number)) throw new ValidationError(where, `${field.label}: ${String(value)} is not a number`);
      return number;
    }
    case 'yes-no':
      if (typeof value !== 'boolean') throw new ValidationError(where, `${field.label}: yes or no`);
      return value;
    case 'date':
      if (typeof value !== 'string' || !isValidBusinessDate(value.trim()))
        throw new ValidationError(where, `${field.label}: ${String(value)} is not a date (YYYY-MM-DD)`);
      return value.trim();
    case 'choice':
      if (typeof value !== 'string' || !(field.choices ?? []).includes(value.trim()))
        throw new ValidationError(where, `${field.label}: ${String(value)} is not one of ${(field.choices ?? []).join(', ')}`);
      return value.trim();
    case 'text':
      if (typeof value !== 'string' && typeof value !== 'number') throw new ValidationError(where, `${field.label}: text`);
      return String(value).trim().slice(0, 200);
  }
}

/** A value as lists, exports and printed papers show it (yes/no through the caller's words). */
export function customValueText(field: CustomField, value: CustomValue | undefined, yesNo: (value: boolean) => string): string {
  if (value === undefined) return '';
  if (field.kind === 'yes-no') return typeof value === 'boolean' ? yesNo(value) : String(value);
  return String(value);
}

/**
 * The `custom` a document of `type` keeps, checked against HQ's fields for that kind (blank when
 * none is filled); `requireAll` when the document is handed on (submitted, posted, picked).
 */
export function documentCustomValues(
  config: readonly ConfigDoc[],
  type: CustomFieldDocumentType,
  values: Readonly<Record<string, unknown>> | undefined,
  options: { requireAll: boolean },
): { custom?: CustomValues } {
  const custom = checkCustomValues(customFieldsFrom(config, type), values, options);
  return Object.keys(custom).length > 0 ? { custom } : {};
}
