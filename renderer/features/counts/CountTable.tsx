import { Empty, theme, Typography } from 'antd';
import { memo, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ledger } from '../../../shared/domain';
import { formatQty, formatSiteTimeOfDay, productLabel } from '../../ui/format';
import type { CountRow } from './count-rows';

interface CountTableProps {
  rows: readonly CountRow[];
  blind: boolean;
  /** The batch scanned last, highlighted. */
  current: string | null;
  ledger: Ledger;
}

const ROW_HEIGHT = 40;
const VIEW_HEIGHT = 460;
const OVERSCAN = 8;

const ellipsis: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', padding: '0 8px' };

interface Column {
  key: string;
  title: string;
  width: string;
  align?: 'right';
  cell(row: CountRow): ReactNode;
}

/**
 * The counting list: a scan must show on screen within a frame at 5,000 batches (bench:count).
 * Rows all have one height, so the window of rows to draw follows from the scroll offset alone;
 * a general virtual table (antd's) measures rows and re-syncs header scroll on every data change,
 * which forced a layout on each scan. Only the rows in view (plus a margin) are in the DOM.
 */
export const CountTable = memo(function CountTable({ rows, blind, current, ledger }: CountTableProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const [scrollTop, setScrollTop] = useState(0);

  const columns = useMemo((): Column[] => {
    const unitOf = (row: CountRow) => ledger.product(row.productId);
    return [
      {
        key: 'product',
        title: t('counts.col.product'),
        width: 'minmax(220px, 2.4fr)',
        cell: (row) => {
          const product = ledger.product(row.productId);
          return product ? `${productLabel(product, i18n.language)} · ${product.sku}` : row.productId;
        },
      },
      { key: 'lot', title: t('counts.col.lot'), width: 'minmax(120px, 1.2fr)', cell: (row) => row.lotCode ?? '—' },
      { key: 'expiry', title: t('counts.col.expiry'), width: '110px', cell: (row) => row.expiryDate ?? '—' },
      ...(blind
        ? []
        : [
            {
              key: 'expected',
              title: t('counts.col.expected'),
              width: '110px',
              align: 'right' as const,
              cell: (row: CountRow) => (row.expected === undefined ? '—' : formatQty(row.expected, unitOf(row))),
            },
          ]),
      {
        key: 'counted',
        title: t('counts.col.counted'),
        width: '120px',
        align: 'right',
        cell: (row) => (
          <span data-testid={`counted-${row.batchId}`} style={{ fontWeight: row.counted === undefined ? undefined : 600 }}>
            {row.counted === undefined ? '—' : formatQty(row.counted, unitOf(row))}
          </span>
        ),
      },
      {
        key: 'countedAt',
        title: t('counts.col.countedAt'),
        width: '110px',
        cell: (row) =>
          row.countedAt ? formatSiteTimeOfDay(row.countedAt) : <Typography.Text type="secondary">{t('counts.notCounted')}</Typography.Text>,
      },
    ];
  }, [t, i18n.language, ledger, blind]);

  const grid: CSSProperties = useMemo(
    () => ({ display: 'grid', gridTemplateColumns: columns.map((c) => c.width).join(' '), alignItems: 'center' }),
    [columns],
  );
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + VIEW_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const border = `1px solid ${token.colorBorderSecondary}`;

  return (
    <div
      data-testid="count-table"
      role="table"
      aria-rowcount={rows.length}
      style={{ border, borderRadius: token.borderRadiusLG, overflowX: 'auto', background: token.colorBgContainer }}
    >
      <div style={{ minWidth: 880 }}>
        <div role="row" style={{ ...grid, height: ROW_HEIGHT, background: token.colorFillAlter, borderBottom: border, fontWeight: 600 }}>
          {columns.map((c) => (
            <div role="columnheader" key={c.key} style={{ ...ellipsis, textAlign: c.align ?? 'left' }}>
              {c.title}
            </div>
          ))}
        </div>
        <div
          style={{ height: rows.length === 0 ? undefined : Math.min(VIEW_HEIGHT, rows.length * ROW_HEIGHT), overflowY: 'auto' }}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          {rows.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('counts.emptyScope')} />
          ) : (
            <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
              {rows.slice(first, last).map((row, offset) => (
                <CountRowView
                  key={row.key}
                  row={row}
                  top={(first + offset) * ROW_HEIGHT}
                  selected={row.batchId === current}
                  columns={columns}
                  grid={grid}
                  border={border}
                  selectedBackground={token.colorPrimaryBg}
                />
              ))}
            </div>
          )}
        </div>
      </div>
    </div>
  );
});

interface CountRowViewProps {
  row: CountRow;
  top: number;
  selected: boolean;
  columns: Column[];
  grid: CSSProperties;
  border: string;
  selectedBackground: string;
}

const sameRow = (a: CountRowViewProps, b: CountRowViewProps) =>
  a.top === b.top &&
  a.selected === b.selected &&
  a.columns === b.columns &&
  a.grid === b.grid &&
  a.border === b.border &&
  a.row.batchId === b.row.batchId &&
  a.row.counted === b.row.counted &&
  a.row.countedAt === b.row.countedAt &&
  a.row.expected === b.row.expected;

/** One line; re-rendered only when what it shows or where it sits changes. */
const CountRowView = memo(function CountRowView({ row, top, selected, columns, grid, border, selectedBackground }: CountRowViewProps) {
  return (
    <div
      role="row"
      data-batch={row.batchId}
      aria-selected={selected}
      style={{
        ...grid,
        position: 'absolute',
        top,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        borderBottom: border,
        background: selected ? selectedBackground : undefined,
      }}
    >
      {columns.map((c) => (
        <CountCell key={c.key} align={c.align}>
          {c.cell(row)}
        </CountCell>
      ))}
    </div>
  );
}, sameRow);

/** A cell that ends in … when its text is too long, with the whole text on hover. */
function CountCell({ align, children }: { align: 'right' | undefined; children: ReactNode }) {
  return (
    <div role="cell" title={typeof children === 'string' ? children : undefined} style={{ ...ellipsis, textAlign: align ?? 'left' }}>
      {children}
    </div>
  );
}
