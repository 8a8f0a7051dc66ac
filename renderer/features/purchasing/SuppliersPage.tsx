import { Alert, Card, InputNumber, Table, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartnerDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useTerminal } from '../../db/hooks';
import { useUiLanguage } from '../finance/labels';
import { BudgetsCard } from './BudgetsCard';
import { ContractPricesCard } from './ContractPricesCard';
import { useApprovalRules, useProducts, useSuppliers } from './data';

/** 供应商: suppliers with lead times and contract prices, and the purchasing budgets (HQ edits). */
export default function SuppliersPage() {
  const { t } = useTranslation();
  const command = useCommand();
  const terminal = useTerminal();
  const language = useUiLanguage();
  const suppliers = useSuppliers();
  const products = useProducts();
  const rules = useApprovalRules();
  const isHq = terminal?.siteKind === 'hq';

  const saveOrgRules = async (patch: Record<string, unknown>) => {
    if (!command) return;
    try {
      await command('config.save', { key: 'approval-rules', patch });
      void message.success(t('purchasing.suppliers.saved'));
    } catch (error) {
      void message.error(t('ui.errors.write', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const contractCount = (partnerId: string) => rules.contracts.filter((price) => price.partnerId === partnerId).length;

  return (
    <div data-testid="section-suppliers">
      {!isHq && (
        <Alert type="info" showIcon message={t('purchasing.readOnly')} style={{ marginBottom: 16 }} data-testid="suppliers-readonly" />
      )}
      <Card title={t('purchasing.suppliers.title')} style={{ marginBottom: 16 }}>
        <Table<PartnerDoc>
          size="small"
          rowKey="id"
          loading={suppliers === null}
          dataSource={suppliers ?? []}
          pagination={false}
          locale={{ emptyText: t('purchasing.suppliers.empty') }}
          columns={[
            { title: t('purchasing.suppliers.code'), dataIndex: 'code', width: 100 },
            { title: t('purchasing.suppliers.name'), key: 'name', render: (_, p) => (language === 'en' && p.nameEn ? p.nameEn : p.name) },
            { title: t('purchasing.suppliers.contact'), dataIndex: 'contact', width: 100 },
            { title: t('purchasing.suppliers.phone'), dataIndex: 'phone', width: 140 },
            {
              title: t('purchasing.suppliers.leadTime'),
              key: 'lead',
              width: 140,
              align: 'right',
              render: (_, p) =>
                isHq ? (
                  <InputNumber
                    size="small"
                    min={0}
                    max={60}
                    data-testid={`lead-${p.code}`}
                    defaultValue={rules.leadTimes[p.id]}
                    onBlur={(event) => {
                      const days = Number(event.target.value);
                      if (event.target.value !== '' && Number.isFinite(days) && days !== rules.leadTimes[p.id])
                        void saveOrgRules({ leadTimes: { ...rules.leadTimes, [p.id]: days } });
                    }}
                  />
                ) : (
                  (rules.leadTimes[p.id] ?? '—')
                ),
            },
            {
              title: t('purchasing.suppliers.contracts'),
              key: 'contracts',
              width: 90,
              align: 'right',
              render: (_, p) => contractCount(p.id) || '',
            },
          ]}
        />
      </Card>
      <ContractPricesCard
        editable={isHq}
        suppliers={suppliers ?? []}
        products={products ?? []}
        contracts={rules.contracts}
        onSave={(contractPrices) => saveOrgRules({ contractPrices })}
      />
      <BudgetsCard editable={isHq} rules={rules.configs} products={products ?? []} />
      {!isHq && <Typography.Text type="secondary">{t('purchasing.readOnly')}</Typography.Text>}
    </div>
  );
}
