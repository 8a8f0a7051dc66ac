// A customer's agreed prices (协议价, partners v5 `prices`): per product a tax-inclusive price per
// base unit from a date on. Its orders and sales on account take them before the store's list.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { businessDateToday } from '../../ui/format';
import { ProductSelect } from '../purchasing/ProductSelect';
import { useAllProducts } from './data';

export function AgreedPricesField() {
  const { t, i18n } = useTranslation();
  const products = useAllProducts() ?? [];
  return (
    <Form.Item label={t('masterData.partners.prices')} extra={t('masterData.partners.pricesHint')}>
      <Form.List name="prices">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="partner-prices">
            {fields.length === 0 && <Typography.Text type="secondary">{t('masterData.partners.noPrices')}</Typography.Text>}
            {fields.map((field) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item
                  name={[field.name, 'productId']}
                  rules={[{ required: true, message: t('masterData.editor.required') }]}
                  style={{ marginBottom: 0, width: 240 }}
                >
                  <ProductSelect
                    products={products}
                    value={undefined}
                    onChange={() => undefined}
                    language={i18n.language}
                    placeholder={t('masterData.partners.priceProduct')}
                    testId={`partner-price-product-${field.name}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'price']}
                  rules={[{ required: true, message: t('masterData.editor.required') }]}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: 104 }} data-testid={`partner-price-${field.name}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'from']}
                  rules={[{ required: true, message: t('masterData.editor.required') }]}
                  style={{ marginBottom: 0 }}
                >
                  <Input type="date" style={{ width: 136 }} aria-label={t('masterData.partners.priceFrom')} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('masterData.partners.removePrice')}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ from: businessDateToday() })} data-testid="partner-price-add">
              {t('masterData.partners.addPrice')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
