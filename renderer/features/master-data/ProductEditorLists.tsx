import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isValidBusinessDate } from '../../../shared/domain';
import type { SiteDoc } from '../../../shared/schemas';
import { businessDateToday } from '../../ui/format';

export interface PackRow {
  unit: string;
  qtyInBase: number;
  barcodes: string[];
}

export interface PriceRow {
  /** '' = every store. */
  siteId: string;
  price: number;
  from: string;
}

/** 包装单位: unit, how many base units, its barcodes (a case's EAN and ITF-14 …). */
export function PackFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('masterData.editor.required') };
  return (
    <Form.List name="packs">
      {(fields, { add, remove }) => (
        <>
          <div>
            <Typography.Text strong>{t('masterData.editor.packs')}</Typography.Text>
          </div>
          {fields.map((field) => (
            <Space key={field.key} wrap align="start" style={{ display: 'flex', marginTop: 8 }} data-testid={`pack-row-${field.name}`}>
              <Form.Item name={[field.name, 'unit']} label={t('masterData.editor.packUnit')} rules={[{ ...required, whitespace: true }]}>
                <Input style={{ width: 100 }} data-testid={`pack-unit-${field.name}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'qtyInBase']} label={t('masterData.editor.packQty')} rules={[required]}>
                <InputNumber min={0.000001} style={{ width: 150 }} data-testid={`pack-qty-${field.name}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'barcodes']} label={t('masterData.editor.packBarcodes')}>
                <Select
                  mode="tags"
                  open={false}
                  style={{ width: 280 }}
                  placeholder={t('masterData.editor.barcodesPlaceholder')}
                  data-testid={`pack-barcodes-${field.name}`}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('masterData.remove')}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
              />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ unit: '', qtyInBase: undefined, barcodes: [] })}
            style={{ margin: '8px 0 16px' }}
            data-testid="pack-add"
          >
            {t('masterData.editor.addPack')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 价目表: per store (or all stores) a price per base unit from a date on. */
export function PriceFields({ stores }: { stores: readonly SiteDoc[] }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('masterData.editor.required') };
  const storeOptions = [
    { value: '', label: t('masterData.editor.allStores') },
    ...stores.map((site) => ({ value: site.id, label: site.name })),
  ];
  return (
    <Form.List name="salePrices">
      {(fields, { add, remove }) => (
        <>
          <div>
            <Typography.Text strong>{t('masterData.editor.salePrices')}</Typography.Text>
          </div>
          {fields.map((field) => (
            <Space key={field.key} wrap align="start" style={{ display: 'flex', marginTop: 8 }} data-testid={`price-row-${field.name}`}>
              <Form.Item name={[field.name, 'siteId']} label={t('masterData.editor.store')}>
                <Select style={{ width: 180 }} options={storeOptions} data-testid={`price-store-${field.name}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'price']} label={t('masterData.editor.price')} rules={[required]}>
                <InputNumber min={0} prefix="¥" style={{ width: 130 }} data-testid={`price-value-${field.name}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'from']}
                label={t('masterData.editor.from')}
                rules={[
                  required,
                  {
                    validator: async (_, value: string) => {
                      if (value && !isValidBusinessDate(value.trim())) throw new Error(t('masterData.editor.badDate'));
                    },
                  },
                ]}
              >
                <Input style={{ width: 150 }} data-testid={`price-from-${field.name}`} />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('masterData.remove')}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
              />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ siteId: '', price: undefined, from: businessDateToday() })}
            style={{ marginTop: 8 }}
            data-testid="price-add"
          >
            {t('masterData.editor.addPrice')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
