import { Card, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultChartOfAccounts } from '../../../shared/domain';
import { journalRows, journalTable, type JournalFilter, type JournalRow } from '../../../shared/finance';
import type { JournalDoc } from '../../../shared/schemas';
import { useLedgerAtHand, useRxQuery, useTerminal } from '../../db/hooks';
import { useRoute } from '../../shell/useRoute';
import { navigate } from '../../shell/routes';
import { formatMoney } from '../../ui/format';
import { DateRangeField, lastFourWeeks, type BusinessDateRange } from './DateRange';
import { DocumentView } from './DocumentView';
import { TrialBalanceTab } from './TrialBalanceTab';
import { useCompanyScopes } from './site-scope';
import { ExportButtons } from './ExportButtons';
import { useLabels, useSites } from './labels';
import { customSummary, useCustomFields, useCustomFieldText } from '../master-data/custom-field-ui';

const money = (value: number) => (value ? formatMoney(value) : '');

/** 凭证查询: entries by date, site and account, each line opening its document; trial balance beside. */
export default function JournalPage() {
  const route = useRoute();
  if (route.rest[0] === 'doc' && route.rest[1]) return <DocumentView docId={route.rest[1]} />;
  return <JournalList />;
}

function JournalList() {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const labels = useLabels();
  const ledger = useLedgerAtHand();
  const sites = useSites();
  const customFields = useCustomFields();
  const customText = useCustomFieldText();
  const documentFieldsOf = (type: string) => customFields.filter((field) => field.entity === type);
  const entries = useRxQuery<JournalDoc>((db) => db.journal.find(), []);
  const [range, setRange] = useState<BusinessDateRange>(lastFourWeeks);
  // A site, or `company:<id>` for all the sites of one company (issue 17).
  const [siteId, setSiteId] = useState<string | undefined>(undefined);
  const scopes = useCompanyScopes(sites);
  const siteIds = useMemo(() => scopes.siteIdsOf(siteId), [scopes, siteId]);
  const [accountCode, setAccountCode] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim().toLowerCase());
  const isHq = terminal?.siteKind === 'hq';

  const filter: JournalFilter = useMemo(
    () => ({ from: range.from, to: range.to, ...(siteIds ? { siteIds } : {}), ...(accountCode ? { accountCode } : {}) }),
    [range, siteIds, accountCode],
  );
  const rows = useMemo(() => {
    const all = journalRows(entries ?? [], filter, labels.language, labels);
    if (!deferredSearch) return all;
    // A document is found by its number, the memo, or a value of HQ's custom fields (the supplier's delivery note number …).
    const customOf = (docId: string) =>
      Object.values(ledger?.ledger.document(docId)?.custom ?? {})
        .map(String)
        .join(' ')
        .toLowerCase();
    return all.filter(
      (row) =>
        row.docNumber.toLowerCase().includes(deferredSearch) ||
        row.memo.toLowerCase().includes(deferredSearch) ||
        customOf(row.docId).includes(deferredSearch),
    );
  }, [entries, filter, labels, deferredSearch, ledger]);
  const entryCount = useMemo(() => new Set(rows.map((row) => row.entryId)).size, [rows]);

  const columns: ColumnsType<JournalRow> = [
    { title: t('finance.journal.date'), dataIndex: 'businessDate', width: 110 },
    ...(isHq
      ? [{ title: t('finance.journal.site'), key: 'site', width: 130, render: (_: unknown, row: JournalRow) => labels.site(row.siteId) }]
      : []),
    {
      title: t('finance.journal.docNumber'),
      key: 'doc',
      render: (_, row) => (
        <Typography.Link data-testid="journal-doc-link" onClick={() => navigate('journal', 'doc', row.docId)}>
          {row.docNumber}
        </Typography.Link>
      ),
    },
    { title: t('finance.journal.docType'), key: 'type', width: 110, render: (_, row) => labels.docType(row.docType) },
    { title: t('finance.journal.accountName'), key: 'account', width: 220, render: (_, row) => `${row.accountCode} ${row.accountName}` },
    { title: t('finance.journal.debit'), dataIndex: 'debit', align: 'right', width: 120, render: money },
    { title: t('finance.journal.credit'), dataIndex: 'credit', align: 'right', width: 120, render: money },
    { title: t('finance.journal.memo'), dataIndex: 'memo', ellipsis: true },
  ];

  const filters = (
    <Space wrap style={{ marginBottom: 12 }}>
      <DateRangeField value={range} onChange={setRange} testId="journal-range" />
      {isHq && (
        <Select
          data-testid="journal-site"
          style={{ minWidth: 160 }}
          value={siteId ?? ''}
          onChange={(value: string) => setSiteId(value || undefined)}
          options={[
            { value: '', label: t('finance.journal.allSites') },
            ...scopes.companyOptions,
            ...(sites ?? []).map((site) => ({ value: site.id, label: labels.site(site.id) })),
          ]}
        />
      )}
      <Select
        data-testid="journal-account"
        style={{ minWidth: 200 }}
        value={accountCode ?? ''}
        onChange={(value: string) => setAccountCode(value || undefined)}
        options={[
          { value: '', label: t('finance.journal.allAccounts') },
          ...defaultChartOfAccounts.map((account) => ({
            value: account.code,
            label: `${account.code} ${labels.language === 'en' ? account.nameEn : account.nameZh}`,
          })),
        ]}
      />
      <Input.Search
        data-testid="journal-search"
        allowClear
        placeholder={t('finance.journal.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ width: 220 }}
      />
    </Space>
  );

  return (
    <Card data-testid="section-journal" title={t('finance.journal.title')}>
      <Typography.Paragraph type="secondary">{t('finance.journal.intro')}</Typography.Paragraph>
      {filters}
      <Tabs
        items={[
          {
            key: 'entries',
            label: t('finance.journal.tabEntries'),
            children: (
              <>
                <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
                  <Typography.Text type="secondary" data-testid="journal-count">
                    {t('finance.journal.rows', { count: rows.length, entries: entryCount })}
                  </Typography.Text>
                  <ExportButtons
                    testId="journal-export"
                    printable
                    table={() => ({
                      ...journalTable(rows, labels.language, {
                        operatorOf: (docId) => {
                          const operatorId = ledger?.ledger.document(docId)?.operatorId;
                          return operatorId ? labels.person(operatorId) : '';
                        },
                        fieldsOf: (docId) => {
                          const document = ledger?.ledger.document(docId);
                          return document ? customSummary(documentFieldsOf(document.type), document.custom, customText) : '';
                        },
                      }),
                      title: `${t('finance.journal.title')} ${range.from}~${range.to}`,
                    })}
                  />
                </Space>
                <Table<JournalRow>
                  data-testid="journal-table"
                  size="small"
                  loading={entries === null}
                  rowKey={(row) => `${row.entryId}:${row.lineNo}`}
                  columns={columns}
                  dataSource={rows}
                  pagination={{ pageSize: 50, showSizeChanger: false }}
                  locale={{ emptyText: t('finance.journal.empty') }}
                />
              </>
            ),
          },
          {
            key: 'trial',
            label: t('finance.journal.tabTrial'),
            children: <TrialBalanceTab entries={entries} range={range} siteIds={siteIds} />,
          },
        ]}
      />
    </Card>
  );
}
