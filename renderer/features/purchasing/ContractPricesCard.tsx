import { Button, Card, DatePicker, InputNumber, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractPrice } from '../../../shared/finance';
import type { PartnerDoc, ProductDoc } from '../../../shared/schemas';
import { formatMoney, productLabel } from '../../ui/format';
import { useUiLanguage } from '../finance/labels';
import { withContractPrice } from './model';
import { ProductSelect } from './ProductSelect';

export function ContractPricesCard(props: {
  editable: boolean;
  suppliers: PartnerDoc[];
  products: ProductDoc[];
  contracts: ContractPrice[];
  onSave: (prices: ContractPrice[]) => Promise<void>;
}) {
  const { editable, suppliers, products, contracts, onSave } = props;
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [partnerId, setPartnerId] = useState<string>();
  const [productId, setProductId] = useState<string>();
  const [price, setPrice] = useState<number | null>(null);
  const [validTo, setValidTo] = useState<string>();
  const productsById = useMemo(() => new Map(products.map((p) => [p.id, p])), [products]);
  const supplierName = (id: string) => {
    const partner = suppliers.find((p) => p.id === id);
    return partner ? (language === 'en' && partner.nameEn ? partner.nameEn : partner.name) : id;
  };
  const add = async () => {
    if (!partnerId || !productId || !price || price <= 0) return;
    await onSave(withContractPrice(contracts, { partnerId, productId, unitCost: price, ...(validTo ? { validTo } : {}) }));
    setProductId(undefined);
    setPrice(null);
  };
  return (
    <Card title={t('purchasing.contracts.title')} style={{ marginBottom: 16 }}>
      {editable && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            data-testid="contract-supplier"
            style={{ width: 260 }}
            placeholder={t('purchasing.contracts.supplier')}
            value={partnerId}
            onChange={setPartnerId}
            options={suppliers.map((p) => ({ value: p.id, label: supplierName(p.id) }))}
          />
          <div style={{ width: 280 }}>
            <ProductSelect
              testId="contract-product"
              products={products}
              value={productId}
              onChange={setProductId}
              language={language}
              placeholder={t('purchasing.po.pickProduct')}
            />
          </div>
          <InputNumber
            data-testid="contract-price"
            min={0}
            step={0.01}
            placeholder={t('purchasing.contracts.price')}
            value={price}
            onChange={setPrice}
            prefix="¥"
            style={{ width: 150 }}
          />
          <DatePicker
            placeholder={t('purchasing.contracts.validTo')}
            onChange={(date) => setValidTo(date ? date.format('YYYY-MM-DD') : undefined)}
          />
          <Button type="primary" data-testid="contract-add" disabled={!partnerId || !productId || !price} onClick={() => void add()}>
            {t('purchasing.contracts.add')}
          </Button>
        </Space>
      )}
      <Table<ContractPrice>
        size="small"
        rowKey={(p) => `${p.partnerId}:${p.productId}`}
        dataSource={contracts}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('purchasing.contracts.empty') }}
        columns={[
          { title: t('purchasing.contracts.supplier'), key: 's', render: (_, p) => supplierName(p.partnerId) },
          {
            title: t('purchasing.contracts.product'),
            key: 'p',
            render: (_, p) => {
              const product = productsById.get(p.productId);
              return product ? productLabel(product, language) : p.productId;
            },
          },
          { title: t('purchasing.contracts.price'), key: 'c', align: 'right', render: (_, p) => formatMoney(p.unitCost) },
          { title: t('purchasing.contracts.validTo'), key: 'v', render: (_, p) => p.validTo ?? '—' },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'x',
                  width: 80,
                  render: (_: unknown, p: ContractPrice) => (
                    <Button size="small" danger type="link" onClick={() => void onSave(contracts.filter((c) => c !== p))}>
                      {t('purchasing.contracts.remove')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
