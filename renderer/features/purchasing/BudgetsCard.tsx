import { Button, Card, DatePicker, InputNumber, Select, Space, Table, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_CATEGORIES, type BudgetLine } from '../../../shared/finance';
import type { ConfigDoc, ProductDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { businessDateToday, formatMoney } from '../../ui/format';
import { useLabels, useSites } from '../finance/labels';
import { rulesDoc, storedBudgets, withBudget } from './model';

interface BudgetRow extends BudgetLine {
  siteId: string;
}

/** Budgets per site, category and month, stored in each site's own `approval-rules` doc. */
export function BudgetsCard({ editable, rules, products }: { editable: boolean; rules: ConfigDoc[]; products: ProductDoc[] }) {
  const { t } = useTranslation();
  const command = useCommand();
  const labels = useLabels();
  const sites = useSites();
  const [siteId, setSiteId] = useState<string>();
  const [category, setCategory] = useState<string>(ALL_CATEGORIES);
  const [month, setMonth] = useState(businessDateToday().slice(0, 7));
  const [amount, setAmount] = useState<number | null>(null);
  const categories = useMemo(() => [ALL_CATEGORIES, ...new Set(products.map((p) => p.category))].sort(), [products]);
  const rows: BudgetRow[] = useMemo(
    () =>
      rules
        .filter((doc) => doc.siteId !== undefined)
        .flatMap((doc) => storedBudgets(doc).map((line) => ({ ...line, siteId: doc.siteId as string }))),
    [rules],
  );
  const save = async (site: string, budgets: BudgetLine[]) => {
    if (!command) return;
    try {
      await command('config.save', { key: 'approval-rules', siteId: site, patch: { budgets } });
      void message.success(t('purchasing.suppliers.saved'));
    } catch (error) {
      void message.error(t('ui.errors.write', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const add = () => {
    if (!siteId || amount === null || amount < 0) return;
    void save(siteId, withBudget(storedBudgets(rulesDoc(rules, siteId)), { category, month, amount }));
    setAmount(null);
  };
  return (
    <Card title={t('purchasing.budgets.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('purchasing.budgets.intro')}</Typography.Paragraph>
      {editable && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            data-testid="budget-site"
            style={{ width: 180 }}
            placeholder={t('purchasing.budgets.site')}
            value={siteId}
            onChange={setSiteId}
            options={(sites ?? []).map((s) => ({ value: s.id, label: labels.site(s.id) }))}
          />
          <Select
            data-testid="budget-category"
            style={{ width: 160 }}
            value={category}
            onChange={setCategory}
            options={categories.map((c) => ({ value: c, label: labels.category(c) }))}
          />
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(date) => date && setMonth(date.format('YYYY-MM'))}
          />
          <InputNumber
            data-testid="budget-amount"
            min={0}
            step={100}
            prefix="¥"
            placeholder={t('purchasing.budgets.amount')}
            value={amount}
            onChange={setAmount}
            style={{ width: 160 }}
          />
          <Button type="primary" data-testid="budget-add" disabled={!siteId || amount === null} onClick={add}>
            {t('purchasing.budgets.add')}
          </Button>
        </Space>
      )}
      <Table<BudgetRow>
        size="small"
        data-testid="budget-table"
        rowKey={(r) => `${r.siteId}:${r.category}:${r.month}`}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('purchasing.budgets.empty') }}
        columns={[
          { title: t('purchasing.budgets.site'), key: 'site', render: (_, r) => labels.site(r.siteId) },
          { title: t('purchasing.budgets.category'), key: 'cat', render: (_, r) => labels.category(r.category) },
          { title: t('purchasing.budgets.month'), dataIndex: 'month' },
          { title: t('purchasing.budgets.amount'), key: 'amount', align: 'right', render: (_, r) => formatMoney(r.amount) },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'x',
                  width: 80,
                  render: (_: unknown, r: BudgetRow) => (
                    <Button
                      size="small"
                      danger
                      type="link"
                      onClick={() =>
                        void save(
                          r.siteId,
                          storedBudgets(rulesDoc(rules, r.siteId)).filter((b) => !(b.category === r.category && b.month === r.month)),
                        )
                      }
                    >
                      {t('purchasing.budgets.remove')}
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
