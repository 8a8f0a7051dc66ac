// 试算平衡表: by site, by company (the entries of its sites), or — where the organisation has
// several companies — the group's, with inter-company amounts eliminated (issue 17,
// shared/finance/consolidation.ts). The eliminations are listed under the table.
import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { companiesFrom, companyLabel } from '../../../shared/domain';
import { companyTrialBalance, consolidatedTrialBalance, trialBalance, trialBalanceTable, type TrialBalance } from '../../../shared/finance';
import { shipmentTypes, type ConfigDoc, type DocumentDoc, type JournalDoc } from '../../../shared/schemas';
import { useRxQuery, useTerminal } from '../../db/hooks';
import { formatMoney } from '../../ui/format';
import type { BusinessDateRange } from './DateRange';
import { ExportButtons } from './ExportButtons';
import { useLabels } from './labels';

/** An account's row; in the group's view also what the eliminations took from it. */
type Row = TrialBalance['rows'][number] & { eliminated?: number };

/** '' : the sites chosen above; 'group': all companies consolidated; else a company id. */
type Scope = string;

export function TrialBalanceTab({
  entries,
  range,
  siteIds,
}: {
  entries: JournalDoc[] | null;
  range: BusinessDateRange;
  /** The sites (one, or a company's) chosen above the tabs; all when undefined. */
  siteIds?: readonly string[] | undefined;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const terminal = useTerminal();
  const config = useRxQuery<ConfigDoc>((db) => db.config.find({ selector: { key: 'companies' } }), []);
  const companies = companiesFrom(config ?? []);
  const several = terminal?.siteKind === 'hq' && companies.companies.length > 1;
  const [scope, setScope] = useState<Scope>('');
  // Documents between companies name their partner: shipments and their receipts.
  const documents = useRxQuery<DocumentDoc>(
    (db) => (several ? db.documents.find({ selector: { type: { $in: [...shipmentTypes, 'store-receipt'] } } }) : null),
    [several],
  );
  const result = useMemo(() => {
    const all = entries ?? [];
    const period = { from: range.from, to: range.to };
    if (several && scope === 'group') {
      // The companies' figures as booked, the eliminations beside them, and the group's balance after them.
      const booked = trialBalance(all, period);
      const { eliminations } = consolidatedTrialBalance(all, documents ?? [], config ?? [], period);
      const eliminated = new Map(trialBalance(eliminations, period).rows.map((row) => [row.accountCode, row.balance]));
      const rows = booked.rows.map((row) => {
        const out = eliminated.get(row.accountCode) ?? 0;
        return { ...row, eliminated: out, balance: Math.round((row.balance + out) * 100) / 100 };
      });
      return { ...booked, rows, eliminations };
    }
    if (several && scope) return { ...companyTrialBalance(all, config ?? [], scope, period), eliminations: [] };
    return { ...trialBalance(all, { ...period, ...(siteIds ? { siteIds } : {}) }), eliminations: [] };
  }, [entries, several, scope, documents, config, range.from, range.to, siteIds]);
  const companyName = (id: string) => {
    const company = companies.companies.find((candidate) => candidate.id === id);
    return company ? companyLabel(company, labels.language, t('finance.companies.main')) : id;
  };
  const grouped = several && scope === 'group';
  const scopeName = scope === 'group' ? t('finance.companies.group') : scope ? companyName(scope) : '';
  return (
    <>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          {several && (
            <Select
              style={{ minWidth: 220 }}
              value={scope}
              onChange={setScope}
              data-testid="trial-company"
              options={[
                { value: '', label: t('finance.companies.bySite') },
                { value: 'group', label: t('finance.companies.group') },
                ...companies.companies.map((company) => ({ value: company.id, label: companyName(company.id) })),
              ]}
            />
          )}
          {result.balanced ? (
            <Tag color="green" data-testid="trial-balanced">
              {t('finance.journal.balanced')}
            </Tag>
          ) : (
            <Alert
              type="error"
              showIcon
              message={t('finance.journal.unbalanced', { debit: formatMoney(result.totalDebit), credit: formatMoney(result.totalCredit) })}
            />
          )}
        </Space>
        <ExportButtons
          testId="trial-export"
          printable
          table={() => ({
            ...trialBalanceTable(result, labels.language),
            title: `${t('finance.journal.tabTrial')} ${scopeName} ${range.from}~${range.to}`.replace(/\s+/g, ' '),
          })}
        />
      </Space>
      <Table<Row>
        data-testid="trial-table"
        size="small"
        loading={entries === null}
        rowKey="accountCode"
        pagination={false}
        dataSource={result.rows}
        columns={[
          {
            title: t('finance.journal.account'),
            key: 'account',
            render: (_, row) => `${row.accountCode} ${labels.language === 'en' ? row.nameEn : row.nameZh}`,
          },
          { title: t('finance.journal.debit'), dataIndex: 'debit', align: 'right', render: formatMoney },
          { title: t('finance.journal.credit'), dataIndex: 'credit', align: 'right', render: formatMoney },
          ...(grouped
            ? [
                {
                  title: t('finance.companies.eliminatedColumn'),
                  key: 'eliminated',
                  align: 'right' as const,
                  render: (_: unknown, row: Row) => (row.eliminated ? formatMoney(row.eliminated) : ''),
                },
              ]
            : []),
          {
            title: grouped ? t('finance.companies.groupBalance') : t('finance.journal.balance'),
            dataIndex: 'balance',
            align: 'right',
            render: formatMoney,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('finance.journal.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{formatMoney(result.totalDebit)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{formatMoney(result.totalCredit)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
            {grouped && <Table.Summary.Cell index={4} />}
          </Table.Summary.Row>
        )}
      />
      {result.eliminations.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="trial-eliminations">
          {t('finance.companies.eliminated', { count: result.eliminations.length })}
        </Typography.Paragraph>
      )}
    </>
  );
}
