import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { AuditOutlined, RollbackOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConflictingPosting, type ExceptionResolution, type ExceptionView } from '../../../shared/ops';
import { shownDocument } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand, useTerminal } from '../../db/hooks';
import { navigate } from '../../shell/routes';
import { ErrorAlert } from '../../ui/errors';
import { formatQty, formatSiteTime, productLabel } from '../../ui/format';
import { useSites } from '../food-safety/site-names';

type Reverse = Extract<ExceptionResolution, { kind: 'reverse-posting' }>;

/** One batch below zero: what happened, and the two ways out (count, or reverse a posting). */
export function ExceptionCard({ view }: { view: ExceptionView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const ledger = useLedgerAtHand();
  const command = useCommand();
  const terminal = useTerminal();
  const { siteName } = useSites();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { exception } = view;
  const product = ledger?.ledger.product(exception.productId);
  const lot = ledger?.ledger.batch(exception.batchId)?.lotCode ?? exception.batchId;
  const qty = (value: number) => formatQty(value, product);
  const ownSite = terminal?.siteId === exception.siteId;
  const numberOf = (resolution: { docNumber?: string; docId: string }) => resolution.docNumber ?? resolution.docId.slice(0, 8);

  const reverse = async (resolution: Reverse) => {
    if (!command || !terminal) return;
    setError(null);
    setBusy(resolution.docId);
    try {
      const { result } = await command('reversal.post', { resolution });
      message.success(t('exceptions.reversed', { number: numberOf(resolution), reversal: result.number }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const reversals = view.resolutions.filter((resolution): resolution is Reverse => resolution.kind === 'reverse-posting');
  return (
    <Card
      size="small"
      data-testid={`exception-${lot}`}
      title={
        <Space>
          <Tag color="red">{siteName(exception.siteId)}</Tag>
          <span>{t('exceptions.heading', { product: product ? productLabel(product, i18n.language) : exception.productId, lot })}</span>
        </Space>
      }
    >
      <Typography.Paragraph strong type="danger" data-testid="exception-stands-at">
        {t('exceptions.standsAt', { qty: qty(exception.onHand), site: siteName(exception.siteId), shortfall: qty(exception.shortfall) })}
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Typography.Text type="secondary">{t('exceptions.postings')}</Typography.Text>
      <Table<ConflictingPosting>
        size="small"
        rowKey="docId"
        pagination={false}
        dataSource={view.postings}
        style={{ margin: '8px 0 16px' }}
        columns={[
          { title: t('exceptions.document'), key: 'doc', render: (_, posting) => numberOf(posting) },
          {
            title: t('exceptions.type'),
            key: 'type',
            render: (_, posting) => t(`exceptions.docTypes.${shownDocument({ type: posting.docType }).kind}`),
          },
          { title: t('exceptions.terminal'), dataIndex: 'terminalId', ellipsis: true },
          { title: t('exceptions.at'), key: 'at', render: (_, posting) => formatSiteTime(posting.at) },
          { title: t('exceptions.qty'), key: 'qty', align: 'right', render: (_, posting) => qty(posting.qty) },
          {
            title: '',
            key: 'flag',
            render: (_, posting) =>
              posting.wentNegative ? <Tag color="red">{t('exceptions.wentNegative')}</Tag> : <Tag>{t('exceptions.first')}</Tag>,
          },
        ]}
      />
      <Typography.Text strong>{t('exceptions.resolve')}</Typography.Text>
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <Space wrap>
          <Button icon={<AuditOutlined />} onClick={() => navigate('counts')} data-testid="exception-count">
            {t('exceptions.count')}
          </Button>
          <Typography.Text type="secondary">{t('exceptions.countHint')}</Typography.Text>
        </Space>
        <Space wrap>
          {reversals.map((resolution) => (
            <Tooltip key={resolution.docId} title={ownSite ? undefined : t('exceptions.otherSite', { site: siteName(exception.siteId) })}>
              <Popconfirm
                title={t('exceptions.reverseConfirm', { number: numberOf(resolution), terminal: resolution.terminalId })}
                onConfirm={() => reverse(resolution)}
                disabled={!ownSite}
              >
                <Button
                  danger
                  icon={<RollbackOutlined />}
                  disabled={!ownSite}
                  loading={busy === resolution.docId}
                  data-testid="exception-reverse"
                >
                  {t('exceptions.reverse', { number: numberOf(resolution) })}
                </Button>
              </Popconfirm>
            </Tooltip>
          ))}
        </Space>
        {reversals[0] && <Alert type="info" showIcon message={t('exceptions.reverseHint', { number: numberOf(reversals[0]) })} />}
      </Space>
    </Card>
  );
}
