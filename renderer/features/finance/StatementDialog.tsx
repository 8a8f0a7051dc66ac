// 对账单 (issue 17): a partner's statement for a period — balance brought forward, each invoice,
// credit note and payment with the running balance, balance carried forward — on screen, printed
// and exported (Excel/CSV with numeric cells), the figures of shared/finance/statement.ts.
import { Descriptions, Modal, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partnerStatement, type PartnerSide, type StatementLine, type TableModel } from '../../../shared/finance';
import type { DocumentDoc, JournalDoc } from '../../../shared/schemas';
import { formatMoney } from '../../ui/format';
import { navigate } from '../../shell/routes';
import { DateRangeField, type BusinessDateRange } from './DateRange';
import { ExportButtons } from './ExportButtons';

export function StatementDialog(props: {
  partnerId: string;
  partnerName: string;
  side: PartnerSide;
  journal: readonly JournalDoc[];
  documents: readonly DocumentDoc[];
  siteIds?: readonly string[];
  initialRange: BusinessDateRange;
  onClose(): void;
}) {
  const { partnerId, partnerName, side, journal, documents, siteIds, onClose } = props;
  const { t } = useTranslation();
  const [range, setRange] = useState(props.initialRange);
  const statement = useMemo(
    () => partnerStatement({ journal, documents, partnerId, side, ...range, ...(siteIds ? { siteIds } : {}) }),
    [journal, documents, partnerId, side, range, siteIds],
  );
  const kindText = (line: StatementLine) => t(`finance.statement.kinds.${line.kind}`);
  const money = (value: number | null) => (value === null ? '' : formatMoney(value));
  const title = `${t('finance.statement.title')} · ${partnerName} · ${range.from}~${range.to}`;
  const table = (): TableModel => ({
    title,
    columns: [
      { key: 'businessDate', title: t('finance.journal.date'), kind: 'text' },
      { key: 'docNumber', title: t('finance.journal.docNumber'), kind: 'text' },
      { key: 'kind', title: t('finance.statement.kind'), kind: 'text' },
      { key: 'increase', title: t(`finance.statement.increase.${side}`), kind: 'money' },
      { key: 'decrease', title: t(`finance.statement.decrease.${side}`), kind: 'money' },
      { key: 'balance', title: t('finance.ledgers.balance'), kind: 'money' },
    ],
    rows: [
      {
        businessDate: range.from,
        docNumber: '',
        kind: t('finance.statement.opening'),
        increase: null,
        decrease: null,
        balance: statement.opening,
      },
      ...statement.lines.map((line) => ({ ...line, kind: kindText(line) })),
      {
        businessDate: range.to,
        docNumber: '',
        kind: t('finance.statement.closing'),
        increase: statement.totalIncrease,
        decrease: statement.totalDecrease,
        balance: statement.closing,
      },
    ],
  });
  return (
    <Modal open width={920} title={title} onCancel={onClose} footer={null} data-testid="statement">
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <DateRangeField value={range} onChange={setRange} testId="statement-range" />
        <ExportButtons table={table} testId="statement-export" printable />
      </div>
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('finance.statement.opening')}>
          <span data-testid="statement-opening">{formatMoney(statement.opening)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t(`finance.statement.movement.${side}`)}>
          +{formatMoney(statement.totalIncrease)} / −{formatMoney(statement.totalDecrease)}
        </Descriptions.Item>
        <Descriptions.Item label={t('finance.statement.closing')}>
          <strong data-testid="statement-closing">{formatMoney(statement.closing)}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Table<StatementLine>
        size="small"
        rowKey={(line) => `${line.docId}:${line.balance}:${line.businessDate}`}
        dataSource={statement.lines}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: t('finance.statement.empty') }}
        data-testid="statement-lines"
        columns={[
          { title: t('finance.journal.date'), dataIndex: 'businessDate', width: 110 },
          {
            title: t('finance.journal.docNumber'),
            key: 'doc',
            render: (_, line) => (
              <Typography.Link
                onClick={() => {
                  onClose();
                  navigate('journal', 'doc', line.docId);
                }}
              >
                {line.docNumber}
              </Typography.Link>
            ),
          },
          { title: t('finance.statement.kind'), key: 'kind', render: (_, line) => kindText(line) },
          { title: t(`finance.statement.increase.${side}`), key: 'inc', align: 'right', render: (_, line) => money(line.increase) },
          { title: t(`finance.statement.decrease.${side}`), key: 'dec', align: 'right', render: (_, line) => money(line.decrease) },
          { title: t('finance.ledgers.balance'), key: 'bal', align: 'right', render: (_, line) => formatMoney(line.balance) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('finance.statement.note')}
      </Typography.Paragraph>
    </Modal>
  );
}
