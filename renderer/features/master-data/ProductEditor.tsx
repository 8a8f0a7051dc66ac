import { Button, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch, TreeSelect, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDraft } from '../../../shared/commands';
import type { CategoryNode } from '../../../shared/domain';
import { pinyinInitials } from '../../../shared/ops';
import { storageClasses, type ProductDoc, type SiteDoc, type StorageClass } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { ErrorAlert } from '../../ui/errors';
import { CustomFieldInputs, useCustomFields } from './custom-field-ui';
import { categoryTreeOptions } from './data';
import { PackFields, PriceFields, type PackRow, type PriceRow } from './ProductEditorLists';

/** What the form holds: the product's fields, with percentages, one barcode list per pack and '' for "all stores". */
interface ProductForm {
  name: string;
  nameEn?: string;
  sku: string;
  pinyin?: string;
  category: string;
  baseUnit: string;
  barcodes: string[];
  packs: PackRow[];
  perishable: boolean;
  shelfLifeDays?: number | null;
  shelfLifeHours?: number | null;
  nearExpiryDays: number;
  storageClass: StorageClass;
  plu?: string;
  taxRatePct?: number | null;
  purchasePrice?: number | null;
  salePrices: PriceRow[];
  active: boolean;
  /** HQ's custom fields, by field id. */
  custom: Record<string, unknown>;
}

function toForm(product: ProductDoc | null): ProductForm {
  return {
    name: product?.name ?? '',
    nameEn: product?.nameEn ?? '',
    sku: product?.sku ?? '',
    pinyin: product?.pinyin ?? '',
    category: product?.category ?? '',
    baseUnit: product?.baseUnit ?? '',
    barcodes: product?.barcodes ?? [],
    packs: (product?.packs ?? []).map((pack) => ({
      unit: pack.unit,
      qtyInBase: pack.qtyInBase,
      barcodes: [...(pack.barcode ? [pack.barcode] : []), ...(pack.barcodes ?? [])],
    })),
    perishable: product?.perishable ?? true,
    shelfLifeDays: product?.shelfLifeDays ?? null,
    shelfLifeHours: product?.shelfLifeHours ?? null,
    nearExpiryDays: product?.nearExpiryDays ?? 2,
    storageClass: product?.storageClass ?? 'ambient',
    plu: product?.scale?.plu ?? '',
    taxRatePct: product?.taxRate === undefined ? null : Math.round(product.taxRate * 10000) / 100,
    purchasePrice: product?.purchasePrice ?? null,
    salePrices: (product?.salePrices ?? []).map((entry) => ({ siteId: entry.siteId ?? '', price: entry.price, from: entry.from })),
    active: product?.active ?? true,
    custom: { ...(product?.custom ?? {}) },
  };
}

const text = (value: string | undefined) => value?.trim() || undefined;
const num = (value: number | null | undefined) => (typeof value === 'number' ? value : undefined);

function toDraft(form: ProductForm, product: ProductDoc | null): ProductDraft {
  const optional = {
    nameEn: text(form.nameEn),
    pinyin: text(form.pinyin)?.toLowerCase(),
    shelfLifeDays: num(form.shelfLifeDays),
    shelfLifeHours: num(form.shelfLifeHours),
    taxRate: num(form.taxRatePct) === undefined ? undefined : Math.round((form.taxRatePct as number) * 100) / 10000,
    purchasePrice: num(form.purchasePrice),
    scale: text(form.plu) ? { ...product?.scale, plu: (form.plu as string).trim() } : undefined,
    recipe: product?.recipe,
  };
  return {
    ...(product ? { id: product.id } : {}),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    sku: form.sku,
    name: form.name,
    baseUnit: form.baseUnit.trim(),
    barcodes: form.barcodes.map((code) => code.trim()).filter(Boolean),
    packs: (form.packs ?? []).map((pack) => {
      const [first, ...rest] = (pack.barcodes ?? []).map((code) => code.trim()).filter(Boolean);
      return {
        unit: pack.unit.trim(),
        qtyInBase: pack.qtyInBase,
        ...(first ? { barcode: first } : {}),
        ...(rest.length ? { barcodes: rest } : {}),
      };
    }),
    category: form.category,
    perishable: form.perishable,
    nearExpiryDays: form.nearExpiryDays,
    storageClass: form.storageClass,
    salePrices: (form.salePrices ?? []).map((row) => ({
      ...(row.siteId ? { siteId: row.siteId } : {}),
      price: row.price,
      from: row.from.trim(),
    })),
    active: form.active,
    // Values of fields HQ removed since stay (the form holds only today's fields).
    custom: { ...(product?.custom ?? {}), ...(form.custom ?? {}) },
  } as ProductDraft;
}

/** The product editor (HQ): every field a shop needs on day one, saved through `product.save`. */
export function ProductEditor({
  product,
  categories,
  stores,
  onClose,
}: {
  product: ProductDoc | null;
  categories: readonly CategoryNode[];
  stores: readonly SiteDoc[];
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const [form] = Form.useForm<ProductForm>();
  const customFields = useCustomFields('product');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const name = Form.useWatch('name', form) ?? '';
  const required = [{ required: true, whitespace: true, message: t('masterData.editor.required') }];

  const save = async (values: ProductForm) => {
    if (!command) return;
    setBusy(true);
    setError(null);
    try {
      await command('product.save', { product: toDraft(values, product) });
      void message.success(t('masterData.saved'));
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      width="min(760px, 100vw)"
      title={product ? t('masterData.editor.titleEdit', { name: product.name }) : t('masterData.editor.titleNew')}
      onClose={onClose}
      data-testid="product-editor"
      extra={
        <Space>
          <Button onClick={onClose}>{t('masterData.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="product-save">
            {t('masterData.save')}
          </Button>
        </Space>
      }
    >
      <Form<ProductForm> form={form} layout="vertical" initialValues={toForm(product)} onFinish={(values) => void save(values)}>
        <ErrorAlert error={error} testId="product-error" />
        <Typography.Title level={5}>{t('masterData.editor.basics')}</Typography.Title>
        <Space wrap align="start">
          <Form.Item name="name" label={t('masterData.editor.name')} rules={required}>
            <Input style={{ width: 220 }} data-testid="product-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('masterData.editor.nameEn')}>
            <Input style={{ width: 220 }} data-testid="product-name-en" />
          </Form.Item>
          <Form.Item name="sku" label={t('masterData.editor.sku')} rules={required}>
            <Input style={{ width: 160 }} data-testid="product-sku" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item
            name="pinyin"
            label={t('masterData.editor.pinyin')}
            extra={t('masterData.editor.pinyinHelp', { computed: pinyinInitials(name) || '—' })}
            rules={[{ pattern: /^[a-zA-Z0-9]*$/, message: 'a–z, 0–9' }]}
          >
            <Input style={{ width: 220 }} placeholder={pinyinInitials(name)} />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('masterData.editor.category')}
            rules={[{ required: true, message: t('masterData.editor.required') }]}
          >
            <TreeSelect
              style={{ width: 220 }}
              treeData={categoryTreeOptions(categories, i18n.language)}
              treeDefaultExpandAll
              showSearch
              data-testid="product-category"
            />
          </Form.Item>
          <Form.Item name="active" label={t('masterData.editor.active')} valuePropName="checked">
            <Switch data-testid="product-active" />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>{t('masterData.editor.units')}</Typography.Title>
        <Space wrap align="start">
          <Form.Item name="baseUnit" label={t('masterData.editor.baseUnit')} rules={required} extra={t('masterData.editor.baseUnitHelp')}>
            <Input style={{ width: 160 }} data-testid="product-base-unit" />
          </Form.Item>
          <Form.Item name="barcodes" label={t('masterData.editor.barcodes')}>
            <Select
              mode="tags"
              open={false}
              style={{ width: 320 }}
              placeholder={t('masterData.editor.barcodesPlaceholder')}
              data-testid="product-barcodes"
            />
          </Form.Item>
        </Space>
        <PackFields />
        <Typography.Title level={5}>{t('masterData.editor.keeping')}</Typography.Title>
        <Form.Item name="perishable" label={t('masterData.editor.perishable')}>
          <Radio.Group
            options={[
              { value: true, label: t('masterData.editor.fefo') },
              { value: false, label: t('masterData.editor.fifo') },
            ]}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="shelfLifeDays" label={t('masterData.editor.shelfLifeDays')}>
            <InputNumber min={0} precision={0} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="shelfLifeHours" label={t('masterData.editor.shelfLifeHours')}>
            <InputNumber min={0} precision={0} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="nearExpiryDays" label={t('masterData.editor.nearExpiryDays')}>
            <InputNumber min={0} precision={0} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="storageClass" label={t('masterData.editor.storageClass')}>
            <Select
              style={{ width: 130 }}
              options={storageClasses.map((value) => ({ value, label: t(`masterData.editor.storage.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="plu" label={t('masterData.editor.plu')} rules={[{ pattern: /^\d{0,8}$/, message: '0–9 ×8' }]}>
            <Input style={{ width: 110 }} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>{t('masterData.editor.prices')}</Typography.Title>
        <Space wrap align="start">
          <Form.Item name="taxRatePct" label={t('masterData.editor.taxRate')}>
            <InputNumber min={0} max={100} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="purchasePrice" label={t('masterData.editor.purchasePrice')}>
            <InputNumber min={0} prefix="¥" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <PriceFields stores={stores} />
        {customFields.length > 0 && (
          <>
            <Typography.Title level={5}>{t('masterData.customFields.title')}</Typography.Title>
            <CustomFieldInputs fields={customFields} />
          </>
        )}
      </Form>
    </Drawer>
  );
}
