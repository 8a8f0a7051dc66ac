import { Button, Card, Checkbox, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ledger } from '../../../shared/domain';
import type { VarianceReview, VarianceReviewLine } from '../../../shared/ops';
import { ErrorAlert } from '../../ui/errors';
import { formatMoney, formatQty, productLabel } from '../../ui/format';

interface VarianceReviewViewProps {
  review: VarianceReview;
  ledger: Ledger;
  siteId: string;
  /** Set once posted: the report then shows on-hand now beside each line. */
  posted: boolean;
  /** Set when an approval rule held the count instead of posting it: what it waits for. */
  held?: string | null;
  zeroUncounted: boolean;
  /** Null for a full count, where uncounted batches are always zeroed. */
  onZeroUncountedChange: ((value: boolean) => void) | null;
  error: unknown;
  busy: boolean;
  onBack(): void;
  onPost(): void;
  onExport(kind: 'csv' | 'xlsx'): void;
  onDone(): void;
}

const signed = (value: number, text: string) => (
  <span style={{ color: value > 0 ? '#389e0d' : value < 0 ? '#cf1322' : undefined }}>{value > 0 ? `+${text}` : text}</span>
);

/** Variance per line in quantity and value, largest value first, with totals; then post or go back. */
export function VarianceReviewView(props: VarianceReviewViewProps) {
  const { review, ledger, siteId, posted } = props;
  const { t, i18n } = useTranslation();
  const product = (line: VarianceReviewLine) => ledger.product(line.productId);
  const columns = [
    {
      title: t('counts.col.product'),
      key: 'product',
      width: 240,
      render: (_: unknown, line: VarianceReviewLine) => {
        const p = product(line);
        return p ? `${productLabel(p, i18n.language)} · ${p.sku}` : line.productName;
      },
    },
    { title: t('counts.col.lot'), dataIndex: 'lotCode', key: 'lot', width: 140 },
    {
      title: t('counts.col.expectedAt'),
      key: 'expected',
      width: 120,
      align: 'right' as const,
      render: (_: unknown, line: VarianceReviewLine) => formatQty(line.expected, product(line)),
    },
    {
      title: t('counts.col.counted'),
      key: 'counted',
      width: 110,
      align: 'right' as const,
      render: (_: unknown, line: VarianceReviewLine) => formatQty(line.counted, product(line)),
    },
    {
      title: t('counts.col.variance'),
      key: 'variance',
      width: 160,
      align: 'right' as const,
      render: (_: unknown, line: VarianceReviewLine) => (
        <span data-testid={`variance-${line.batchId}`}>{signed(line.varianceQty, formatQty(line.varianceQty, product(line)))}</span>
      ),
    },
    {
      title: t('counts.col.varianceValue'),
      key: 'value',
      width: 120,
      align: 'right' as const,
      render: (_: unknown, line: VarianceReviewLine) => signed(line.varianceValue, formatMoney(line.varianceValue)),
    },
    ...(posted
      ? [
          {
            title: t('counts.col.onHandNow'),
            key: 'now',
            width: 120,
            align: 'right' as const,
            render: (_: unknown, line: VarianceReviewLine) => (
              <span data-testid={`onhand-now-${line.batchId}`}>{formatQty(ledger.onHand(siteId, line.batchId), product(line))}</span>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap size="large">
          <Statistic title={t('counts.totals.lines')} value={review.totals.lines} />
          <Statistic title={t('counts.totals.differing')} value={review.totals.linesDiffering} />
          <Statistic title={t('counts.totals.gain')} value={formatMoney(review.totals.gainValue)} valueStyle={{ color: '#389e0d' }} />
          <Statistic title={t('counts.totals.loss')} value={formatMoney(review.totals.lossValue)} valueStyle={{ color: '#cf1322' }} />
          <Statistic title={t('counts.totals.net')} value={formatMoney(review.totals.netValue)} data-testid="variance-net" />
        </Space>
      </Card>
      {/* Actions above the table: a clerk posts without scrolling past a long variance list. */}
      <Space wrap>
        {posted ? (
          <Button type="primary" onClick={props.onDone} data-testid="count-done">
            {t('counts.newCount')}
          </Button>
        ) : (
          <>
            <Button onClick={props.onBack} disabled={props.busy}>
              {t('counts.backToCounting')}
            </Button>
            <Button type="primary" onClick={props.onPost} loading={props.busy} data-testid="count-post">
              {t('counts.post')}
            </Button>
          </>
        )}
        <Button onClick={() => props.onExport('csv')} data-testid="count-export-csv">
          {t('counts.exportCsv')}
        </Button>
        <Button onClick={() => props.onExport('xlsx')}>{t('counts.exportXlsx')}</Button>
      </Space>

      {posted && props.held ? (
        <Typography.Paragraph type="warning" data-testid="count-held">
          {props.held}
        </Typography.Paragraph>
      ) : posted ? (
        <Typography.Paragraph type="success" data-testid="count-posted">
          {t('counts.postedNote')}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('counts.reviewNote')}</Typography.Paragraph>
      )}
      {!posted && props.onZeroUncountedChange ? (
        <Checkbox
          checked={props.zeroUncounted}
          onChange={(e) => props.onZeroUncountedChange?.(e.target.checked)}
          data-testid="count-zero-uncounted"
        >
          {t('counts.zeroUncounted')}
        </Checkbox>
      ) : null}
      <ErrorAlert error={props.error} testId="count-error" />
      <Table<VarianceReviewLine>
        virtual
        size="small"
        rowKey="batchId"
        columns={columns}
        dataSource={review.lines}
        pagination={false}
        scroll={{ x: 960, y: 420 }}
        data-testid="variance-table"
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}>
                {t('counts.totals.net')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {signed(review.totals.netValue, formatMoney(review.totals.netValue))}
              </Table.Summary.Cell>
              {posted ? <Table.Summary.Cell index={6} /> : null}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Space>
  );
}
