import { Alert, Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostingResult } from '../../../shared/domain';
import { accountLabel } from '../../../shared/finance';
import { navigate } from '../../shell/routes';
import { formatMoney } from '../../ui/format';
import { useUiLanguage } from '../finance/labels';

/** What a posting wrote to the books, shown right after posting, with the way into the document. */
export function PostedReceipt({
  result,
  onClose,
  messageKey = 'purchasing.receipt.posted',
}: {
  result: PostingResult;
  onClose: () => void;
  messageKey?: string;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="receipt-posted"
      style={{ marginBottom: 12 }}
      message={t(messageKey, { number: result.document.number })}
      description={
        <>
          <Typography.Text strong>{t('purchasing.receipt.entry')}</Typography.Text>
          {result.journal.map((entry) => (
            <Table
              key={entry.id}
              data-testid="receipt-entry"
              size="small"
              pagination={false}
              rowKey={(_, index) => String(index)}
              dataSource={entry.lines}
              columns={[
                {
                  title: t('finance.journal.accountName'),
                  key: 'a',
                  render: (_, line) => `${line.accountCode} ${accountLabel(line.accountCode, language)}`,
                },
                {
                  title: t('finance.journal.debit'),
                  key: 'd',
                  align: 'right',
                  render: (_, line) => (line.debit ? formatMoney(line.debit) : ''),
                },
                {
                  title: t('finance.journal.credit'),
                  key: 'c',
                  align: 'right',
                  render: (_, line) => (line.credit ? formatMoney(line.credit) : ''),
                },
              ]}
            />
          ))}
          <Button type="link" data-testid="receipt-open-doc" onClick={() => navigate('journal', 'doc', result.document.id)}>
            {t('purchasing.receipt.openDocument')}
          </Button>
        </>
      }
    />
  );
}
