import { Button, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDoc } from '../../../shared/schemas';

export interface IncomingRow {
  dispatchId: string;
  number: string;
  fromName: string;
  businessDate: string;
  lines: number;
  state: 'on-the-way' | 'received' | 'preparing';
  receiptNumber?: string;
  /** Lines with short or rejected quantities on the store receipt. */
  lossLines: number;
}

/** Dispatches addressed to this store, plus receipts posted by QR before their dispatch synced. */
export function incomingRows(
  dispatches: readonly DocumentDoc[],
  receipts: readonly DocumentDoc[],
  siteName: (id: string) => string,
): IncomingRow[] {
  const receiptByDispatch = new Map(receipts.flatMap((r) => (r.dispatchId ? [[r.dispatchId, r] as const] : [])));
  const rows: IncomingRow[] = dispatches.map((dispatch) => {
    const receipt = receiptByDispatch.get(dispatch.id);
    return {
      dispatchId: dispatch.id,
      number: dispatch.number,
      fromName: siteName(dispatch.siteId),
      businessDate: dispatch.businessDate,
      lines: dispatch.lines.length,
      state: receipt ? 'received' : dispatch.status === 'shipped' ? 'on-the-way' : 'preparing',
      ...(receipt ? { receiptNumber: receipt.number } : {}),
      lossLines: receipt ? receipt.lines.filter((l) => (l.short ?? 0) + (l.rejected ?? 0) > 0).length : 0,
    };
  });
  const known = new Set(dispatches.map((d) => d.id));
  for (const receipt of receipts) {
    if (!receipt.dispatchId || known.has(receipt.dispatchId)) continue;
    rows.push({
      dispatchId: receipt.dispatchId,
      number: receipt.number,
      fromName: siteName(receipt.toSiteId ?? ''),
      businessDate: receipt.businessDate,
      lines: receipt.lines.length,
      state: 'received',
      receiptNumber: receipt.number,
      lossLines: receipt.lines.filter((l) => (l.short ?? 0) + (l.rejected ?? 0) > 0).length,
    });
  }
  const order = { 'on-the-way': 0, preparing: 1, received: 2 };
  return rows.sort(
    (a, b) => order[a.state] - order[b.state] || (a.businessDate < b.businessDate ? 1 : a.businessDate > b.businessDate ? -1 : 0),
  );
}

const stateColors = { 'on-the-way': 'blue', received: 'green', preparing: 'default' } as const;

export function IncomingList({ rows, loading, onOpen }: { rows: IncomingRow[]; loading: boolean; onOpen(row: IncomingRow): void }) {
  const { t } = useTranslation();
  return (
    <Table<IncomingRow>
      size="middle"
      rowKey="dispatchId"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('receiving.list.empty') }}
      data-testid="incoming-list"
      onRow={(row) => ({ 'data-testid': `incoming-${row.number}`, 'data-state': row.state }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('receiving.columns.number'),
          dataIndex: 'number',
          render: (number: string) => <Typography.Text strong>{number}</Typography.Text>,
        },
        { title: t('receiving.columns.from'), dataIndex: 'fromName' },
        { title: t('receiving.columns.date'), dataIndex: 'businessDate', width: 120 },
        { title: t('receiving.columns.lines'), dataIndex: 'lines', align: 'right', width: 80 },
        {
          title: t('receiving.columns.state'),
          key: 'state',
          render: (_: unknown, row) => (
            <>
              <Tag color={stateColors[row.state]} data-testid="incoming-state">
                {t(`receiving.states.${row.state}`)}
              </Tag>
              {row.receiptNumber ? <Typography.Text type="secondary">{row.receiptNumber}</Typography.Text> : null}
              {row.lossLines > 0 ? (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  {t('receiving.list.lossLines', { count: row.lossLines })}
                </Tag>
              ) : null}
            </>
          ),
        },
        {
          title: '',
          key: 'action',
          width: 110,
          align: 'right',
          render: (_: unknown, row) =>
            row.state === 'on-the-way' ? (
              <Button type="primary" onClick={() => onOpen(row)} data-testid={`open-${row.number}`}>
                {t('receiving.list.receive')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
