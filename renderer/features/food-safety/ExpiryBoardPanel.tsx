import { App, Button, Card, Col, Empty, Popconfirm, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, TagOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildExpiryBoard, type ExpiryBoardLine, type ExpiryGroup } from '../../../shared/ops';
import type { EventDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand, useLedgerRead, useRxQuery, useTerminal } from '../../db/hooks';
import { ErrorAlert } from '../../ui/errors';
import { ExpiryTag } from '../../ui/ExpiryTag';
import { businessDateToday, formatMoney, formatQty, productLabel } from '../../ui/format';
import { markdownsByBatch } from '../../../shared/ops/expiry-actions';
import { MarkdownDialog } from './MarkdownDialog';

interface Props {
  siteId: string;
  /** This terminal belongs to the site shown: it may write there. */
  canWrite: boolean;
}

/** 临期看板: expired and near-expiry stock of one site, with one-click waste and markdown notes. */
export function ExpiryBoardPanel({ siteId, canWrite }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const ledger = useLedgerAtHand();
  const command = useCommand();
  const terminal = useTerminal();
  const [error, setError] = useState<unknown>(null);
  const [busyBatch, setBusyBatch] = useState<string | null>(null);
  const [markdownLine, setMarkdownLine] = useState<ExpiryBoardLine | null>(null);
  const businessDate = businessDateToday();

  const board = useLedgerRead(
    // The instant too: a batch with an hour shelf life is expired from that instant, not from tomorrow.
    (ledger) =>
      ledger ? buildExpiryBoard(siteId, businessDate, ledger.ledger.positions(), ledger.ledger, new Date().toISOString()) : null,
    [siteId, businessDate],
  );
  const events = useRxQuery<EventDoc>((database) => database.events.find({ selector: { siteId, kind: 'near-expiry' } }), [siteId]);
  const markdowns = useMemo(() => markdownsByBatch(events ?? []), [events]);

  if (!board || !ledger)
    return (
      <Spin tip={t('foodSafety.board.loading')}>
        <div style={{ minHeight: 120 }} />
      </Spin>
    );

  const productName = (line: ExpiryBoardLine) => {
    const product = ledger.ledger.product(line.productId);
    return product ? productLabel(product, i18n.language) : line.productName;
  };
  const qtyText = (line: ExpiryBoardLine) => formatQty(line.qty, ledger.ledger.product(line.productId));

  const waste = async (lines: readonly ExpiryBoardLine[], busyKey: string) => {
    const [first] = lines;
    if (!command || !terminal || !first) return;
    setError(null);
    setBusyBatch(busyKey);
    try {
      const { result } = await command('waste.expired', { lines });
      message.success(
        lines.length === 1
          ? t('foodSafety.board.wasteDone', { product: productName(first), lot: first.lotCode, number: result.number })
          : t('foodSafety.board.wasteAllDone', { count: lines.length, number: result.number }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusyBatch(null);
    }
  };

  const saveMarkdown = async (line: ExpiryBoardLine, pct: number, note: string) => {
    if (!command) return;
    setError(null);
    try {
      await command('expiry.markdown', { line, discountPct: pct, note });
      message.success(t('foodSafety.board.markdownDone', { lot: line.lotCode }));
      setMarkdownLine(null);
    } catch (caught) {
      setError(caught);
    }
  };

  const daysText = (line: ExpiryBoardLine) => {
    if (line.daysLeft === undefined) return t('foodSafety.board.noExpiry');
    if (line.daysLeft < 0) return t('foodSafety.board.expiredDaysAgo', { days: -line.daysLeft });
    if (line.daysLeft === 0) return t('foodSafety.board.expiresToday');
    return t('foodSafety.board.daysLeftValue', { days: line.daysLeft });
  };

  const table = (group: ExpiryGroup) => (
    <Table<ExpiryBoardLine>
      size="small"
      rowKey="batchId"
      pagination={group.lines.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
      dataSource={group.lines}
      data-testid={`expiry-table-${group.status}`}
      onRow={(line) => ({ 'data-testid': `expiry-row-${line.lotCode}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('foodSafety.board.product'), key: 'product', render: (_, line) => productName(line), ellipsis: true },
        { title: t('foodSafety.board.lot'), dataIndex: 'lotCode', width: 150 },
        { title: t('foodSafety.board.expiryDate'), dataIndex: 'expiryDate', width: 110 },
        {
          title: t('foodSafety.board.daysLeft'),
          key: 'days',
          width: 190,
          render: (_, line) => (
            <Space size={4} style={{ whiteSpace: 'nowrap' }}>
              <ExpiryTag status={line.status} />
              <span>{daysText(line)}</span>
            </Space>
          ),
        },
        { title: t('foodSafety.board.onHand'), key: 'qty', align: 'right', width: 110, render: (_, line) => qtyText(line) },
        {
          title: t('foodSafety.board.value'),
          key: 'value',
          align: 'right',
          width: 100,
          render: (_, line) => formatMoney(line.valueAtRisk),
        },
        {
          title: t('foodSafety.board.actions'),
          key: 'actions',
          width: 210,
          render: (_, line) => (
            <Space size={4}>
              <Popconfirm
                title={t('foodSafety.board.wasteConfirm', { qty: qtyText(line), product: productName(line), lot: line.lotCode })}
                onConfirm={() => waste([line], line.batchId)}
                disabled={!canWrite}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={!canWrite}
                  loading={busyBatch === line.batchId}
                  data-testid="expiry-waste"
                >
                  {t('foodSafety.board.waste')}
                </Button>
              </Popconfirm>
              {line.status === 'near-expiry' &&
                (markdowns.has(line.batchId) ? (
                  <Tag color="blue" data-testid="expiry-marked-down">
                    {t('foodSafety.board.markedDown', { pct: markdowns.get(line.batchId) })}
                  </Tag>
                ) : (
                  <Button
                    size="small"
                    icon={<TagOutlined />}
                    disabled={!canWrite}
                    onClick={() => setMarkdownLine(line)}
                    data-testid="expiry-markdown"
                  >
                    {t('foodSafety.board.markdown')}
                  </Button>
                ))}
            </Space>
          ),
        },
      ]}
    />
  );

  const empty = board.expired.count === 0 && board.nearExpiry.count === 0;
  return (
    <div data-testid="expiry-board">
      <ErrorAlert error={error} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <Card size="small" data-testid="expiry-summary-expired">
            <Space size={48}>
              <Statistic title={t('foodSafety.board.expired')} value={board.expired.count} valueStyle={{ color: '#cf1322' }} />
              <Statistic
                title={t('foodSafety.board.valueAtRisk')}
                value={formatMoney(board.expired.value)}
                valueStyle={{ color: '#cf1322' }}
              />
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" data-testid="expiry-summary-near">
            <Space size={48}>
              <Statistic title={t('foodSafety.board.nearExpiry')} value={board.nearExpiry.count} valueStyle={{ color: '#d46b08' }} />
              <Statistic
                title={t('foodSafety.board.valueAtRisk')}
                value={formatMoney(board.nearExpiry.value)}
                valueStyle={{ color: '#d46b08' }}
              />
            </Space>
          </Card>
        </Col>
      </Row>
      {empty ? (
        <Empty description={t('foodSafety.board.empty')} data-testid="expiry-empty" />
      ) : (
        <>
          {board.expired.count > 0 && (
            <section data-testid="expiry-group-expired" style={{ marginBottom: 24 }}>
              <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
                <Typography.Title level={5} type="danger" style={{ margin: 0 }}>
                  {t('foodSafety.board.expired')} · {t('foodSafety.board.batches', { count: board.expired.count })} ·{' '}
                  {formatMoney(board.expired.value)}
                </Typography.Title>
                {board.expired.count > 1 && (
                  <Popconfirm
                    title={t('foodSafety.board.wasteAllConfirm', { count: board.expired.count, value: formatMoney(board.expired.value) })}
                    onConfirm={() => waste(board.expired.lines, 'all')}
                    disabled={!canWrite}
                  >
                    <Button
                      danger
                      type="primary"
                      icon={<DeleteOutlined />}
                      disabled={!canWrite}
                      loading={busyBatch === 'all'}
                      data-testid="expiry-waste-all"
                    >
                      {t('foodSafety.board.wasteAll', { count: board.expired.count })}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
              {table(board.expired)}
            </section>
          )}
          {board.nearExpiry.count > 0 && (
            <section data-testid="expiry-group-near">
              <Typography.Title level={5} type="warning">
                {t('foodSafety.board.nearExpiry')} · {t('foodSafety.board.batches', { count: board.nearExpiry.count })} ·{' '}
                {formatMoney(board.nearExpiry.value)}
              </Typography.Title>
              {table(board.nearExpiry)}
            </section>
          )}
        </>
      )}
      {markdownLine && (
        <MarkdownDialog
          title={t('foodSafety.board.markdownTitle', { product: productName(markdownLine), lot: markdownLine.lotCode })}
          onCancel={() => setMarkdownLine(null)}
          onSave={(pct, note) => saveMarkdown(markdownLine, pct, note)}
        />
      )}
    </div>
  );
}
