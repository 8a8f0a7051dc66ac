import { Button, Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ageingBuckets,
  ageingTotals,
  partnerLedgers,
  type PartnerBalance,
  type PartnerSide,
  type TableModel,
} from '../../../shared/finance';
import type { DocumentDoc, JournalDoc } from '../../../shared/schemas';
import { useRxQuery, useTerminal } from '../../db/hooks';
import { businessDateToday, formatMoney } from '../../ui/format';
import { ExportButtons } from './ExportButtons';
import { useLabels, usePartners, useSites } from './labels';
import { lastFourWeeks } from './DateRange';
import { PaymentDialog } from './PaymentDialog';
import { StatementDialog } from './StatementDialog';

/** Documents that can touch receivables or payables. */
// Shipments and receipts between companies name their partner too (issue 17).
const partnerDocTypes: DocumentDoc['type'][] = [
  'goods-receipt',
  'sale',
  'return',
  'reversal',
  'payment',
  'dispatch',
  'transfer',
  'store-receipt',
];

/** A partner the page is acting for: a payment to record, or a statement to read. */
interface Acting {
  action: 'payment' | 'statement';
  row: PartnerBalance;
}

/** 应收应付: balance per partner with ageing 0–30 / 31–60 / 61–90 / 90+ days, from the journal. */
export default function PartnerLedgersPage() {
  const { t } = useTranslation();
  const terminal = useTerminal();
  const labels = useLabels();
  const sites = useSites();
  const partners = usePartners();
  const journal = useRxQuery<JournalDoc>((db) => db.journal.find(), []);
  const documents = useRxQuery<DocumentDoc>((db) => db.documents.find({ selector: { type: { $in: partnerDocTypes } } }), []);
  const [asOf, setAsOf] = useState(businessDateToday);
  const [siteId, setSiteId] = useState('');
  const [acting, setActing] = useState<Acting | null>(null);
  const loading = journal === null || documents === null;

  const balances = useMemo(
    () =>
      loading
        ? []
        : partnerLedgers({
            journal,
            documents,
            partners: partners ?? [],
            asOf,
            language: labels.language,
            ...(siteId ? { siteIds: [siteId] } : {}),
          }).filter((row) => Math.abs(row.balance) >= 0.005),
    [loading, journal, documents, partners, asOf, labels.language, siteId],
  );

  const side = (which: PartnerSide) => {
    const rows = balances.filter((row) => row.side === which);
    const totals = ageingTotals(balances, which);
    const title = which === 'payable' ? t('finance.ledgers.payables') : t('finance.ledgers.receivables');
    const partnerName = (row: PartnerBalance) => (row.partnerId ? labels.partner(row.partnerId) : t('finance.ledgers.unassigned'));
    const columns: ColumnsType<PartnerBalance> = [
      { title: t('finance.ledgers.partner'), key: 'partner', render: (_, row) => partnerName(row) },
      { title: t('finance.ledgers.balance'), dataIndex: 'balance', align: 'right', render: formatMoney },
      ...ageingBuckets.map((bucket) => ({
        title: bucket,
        key: bucket,
        align: 'right' as const,
        render: (_: unknown, row: PartnerBalance) => (row.ageing[bucket] ? formatMoney(row.ageing[bucket]) : ''),
      })),
      {
        title: t('finance.ledgers.actions'),
        key: 'actions',
        render: (_, row) =>
          row.partnerId ? (
            <Space size={4}>
              <Button size="small" onClick={() => setActing({ action: 'payment', row })} data-testid={`ledger-pay-${row.partnerId}`}>
                {t(which === 'receivable' ? 'finance.ledgers.receive' : 'finance.ledgers.pay')}
              </Button>
              <Button
                size="small"
                onClick={() => setActing({ action: 'statement', row })}
                data-testid={`ledger-statement-${row.partnerId}`}
              >
                {t('finance.ledgers.statement')}
              </Button>
            </Space>
          ) : null,
      },
    ];
    const table = (): TableModel => ({
      title: `${title} ${asOf}`,
      columns: [
        { key: 'partner', title: t('finance.ledgers.partner'), kind: 'text' },
        { key: 'balance', title: t('finance.ledgers.balance'), kind: 'money' },
        ...ageingBuckets.map((bucket) => ({ key: bucket, title: bucket, kind: 'money' as const })),
      ],
      rows: [
        ...rows.map((row) => ({ partner: partnerName(row), balance: row.balance, ...row.ageing })),
        { partner: t('finance.ledgers.total'), balance: totals.balance, ...totals.ageing },
      ],
    });
    return (
      <Card
        size="small"
        type="inner"
        title={title}
        extra={<ExportButtons testId={`ledger-${which}-export`} table={table} printable />}
        style={{ marginBottom: 16 }}
        data-testid={`ledger-${which}`}
      >
        <Table<PartnerBalance>
          size="small"
          loading={loading}
          rowKey={(row) => `${row.partnerId}:${row.accountCode}`}
          columns={columns}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('finance.ledgers.empty') }}
          expandable={{
            rowExpandable: (row) => row.openItems.length > 0,
            expandedRowRender: (row) => (
              <Table
                size="small"
                pagination={false}
                rowKey={(item) => `${item.docNumber}:${item.businessDate}`}
                dataSource={row.openItems}
                columns={[
                  { title: t('finance.journal.docNumber'), dataIndex: 'docNumber' },
                  { title: t('finance.journal.date'), dataIndex: 'businessDate' },
                  { title: t('finance.ledgers.age'), dataIndex: 'ageDays', align: 'right' },
                  { title: t('finance.ledgers.balance'), dataIndex: 'open', align: 'right', render: formatMoney },
                ]}
              />
            ),
          }}
          summary={() =>
            rows.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} />
                <Table.Summary.Cell index={1}>
                  <strong>{t('finance.ledgers.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <strong data-testid={`ledger-${which}-total`}>{formatMoney(totals.balance)}</strong>
                </Table.Summary.Cell>
                {ageingBuckets.map((bucket, index) => (
                  <Table.Summary.Cell key={bucket} index={3 + index} align="right">
                    {formatMoney(totals.ageing[bucket])}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    );
  };

  return (
    <Card data-testid="section-partner-ledgers" title={t('finance.ledgers.title')}>
      <Typography.Paragraph type="secondary">{t('finance.ledgers.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('finance.ledgers.asOf')}</span>
        <DatePicker
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(date) => date && setAsOf(date.format('YYYY-MM-DD'))}
          data-testid="ledger-asof"
        />
        {terminal?.siteKind === 'hq' && (
          <Select
            style={{ minWidth: 160 }}
            value={siteId}
            onChange={setSiteId}
            options={[
              { value: '', label: t('finance.journal.allSites') },
              ...(sites ?? []).map((site) => ({ value: site.id, label: labels.site(site.id) })),
            ]}
          />
        )}
      </Space>
      {side('payable')}
      {side('receivable')}
      {acting?.action === 'payment' && (
        <PaymentDialog
          partnerId={acting.row.partnerId}
          partnerName={labels.partner(acting.row.partnerId)}
          side={acting.row.side}
          balance={acting.row.balance}
          onClose={() => setActing(null)}
        />
      )}
      {acting?.action === 'statement' && journal && documents && (
        <StatementDialog
          partnerId={acting.row.partnerId}
          partnerName={labels.partner(acting.row.partnerId)}
          side={acting.row.side}
          journal={journal}
          documents={documents}
          {...(siteId ? { siteIds: [siteId] } : {})}
          initialRange={{ from: lastFourWeeks(asOf).from, to: asOf }}
          onClose={() => setActing(null)}
        />
      )}
    </Card>
  );
}
