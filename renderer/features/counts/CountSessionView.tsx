import { Alert, Button, Card, Col, InputNumber, Popconfirm, Row, Space, Table, Tag, Typography, type InputNumberProps } from 'antd';
import { useCallback, useMemo, useRef, useState, type ComponentRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ledger } from '../../../shared/domain';
import { inCountScope, recordCount, type CountSession, type RecordMode } from '../../../shared/ops';
import type { ProductDoc } from '../../../shared/schemas';
import { formatQty, productLabel } from '../../ui/format';
import { ScanInput, type ScanInputHandle } from '../../ui/ScanInput';
import { BatchPicker, batchOptions, type BatchOption } from './BatchPicker';
import { countProgress, countRows, type CountRow } from './count-rows';
import { ProductSearch } from './ProductSearch';
import { lookupScan, splitQuantityPrefix } from './scan-lookup';
import type { LoadedCatalog } from './useScanCatalog';

interface Notice {
  type: 'success' | 'warning' | 'error';
  text: string;
}

interface Pending {
  product: ProductDoc;
  options: BatchOption[];
  qty: number;
  reason?: string;
}

interface CountSessionViewProps {
  session: CountSession;
  onChange(session: CountSession): void;
  catalog: LoadedCatalog;
  ledger: Ledger;
  onReview(): void;
  onCancel(): void;
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Counting: scan first, search as fallback, set a line's quantity by hand (F2), undo the last scan. */
export function CountSessionView({ session, onChange, catalog, ledger, onReview, onCancel }: CountSessionViewProps) {
  const { t, i18n } = useTranslation();
  const scanRef = useRef<ScanInputHandle>(null);
  const qtyRef = useRef<ComponentRef<typeof InputNumber>>(null);
  const history = useRef<CountSession[]>([]);
  const [undoable, setUndoable] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [setQty, setSetQty] = useState<number | null>(null);

  const label = useCallback((product: ProductDoc) => productLabel(product, i18n.language), [i18n.language]);

  const record = useCallback(
    (batchId: string, qty: number, mode: RecordMode) => {
      const outcome = recordCount(session, { batchId, qty, countedAt: new Date().toISOString() }, mode, ledger);
      if (!outcome.ok) {
        setNotice({ type: 'error', text: t('counts.scan.refused', { reason: outcome.reason }) });
        return;
      }
      history.current = [...history.current.slice(-49), session];
      setUndoable(history.current.length);
      onChange(outcome.session);
      setCurrent(batchId);
      const line = outcome.session.counted.find((l) => l.batchId === batchId);
      const batch = ledger.batch(batchId);
      const product = batch ? ledger.product(batch.productId) : undefined;
      if (line && batch && product) {
        const text = mode === 'add' ? t('counts.scan.added', { product: label(product), lot: batch.lotCode, qty: formatQty(qty, product), total: formatQty(line.qty, product) }) : t('counts.scan.set', { product: label(product), lot: batch.lotCode, total: formatQty(line.qty, product) });
        setNotice({ type: 'success', text });
      }
    },
    [session, ledger, onChange, t, label],
  );

  /** A product is known but not its batch: take the only one the site holds, else ask. */
  const chooseBatch = useCallback(
    (product: ProductDoc, qty: number, candidates: readonly string[], reason?: string) => {
      const all = batchOptions(ledger, session.siteId, product, catalog.scan.batchesByProduct.get(product.id) ?? []);
      const narrowed = candidates.length > 0 ? all.filter((o) => candidates.includes(o.batch.id)) : all;
      const held = narrowed.filter((o) => o.onHand !== 0);
      if (held.length === 1 && candidates.length === 0 && all.filter((o) => o.onHand !== 0).length === 1) return record((held[0] as BatchOption).batch.id, qty, 'add');
      if (narrowed.length === 1) return record((narrowed[0] as BatchOption).batch.id, qty, 'add');
      setPending({ product, options: narrowed.length > 0 ? narrowed : all, qty, ...(reason ? { reason } : {}) });
    },
    [ledger, session.siteId, catalog.scan.batchesByProduct, record],
  );

  const onScan = useCallback(
    (text: string) => {
      const { multiplier, code } = splitQuantityPrefix(text);
      const resolution = lookupScan(code, catalog.scan);
      switch (resolution.status) {
        case 'unknown-code':
          return setNotice({ type: 'error', text: t('counts.scan.unknownCode', { code: resolution.raw, reason: resolution.reason }) });
        case 'unknown-product':
          return setNotice({ type: 'error', text: t('counts.scan.unknownProduct', { code: resolution.code }) });
        case 'no-batch':
          if (!inCountScope(resolution.product, session.scope)) return setNotice({ type: 'error', text: t('counts.scan.outOfScope', { product: label(resolution.product) }) });
          setNotice({ type: 'warning', text: t('counts.scan.noBatch', { product: label(resolution.product), lot: resolution.lot ?? resolution.expiryDate ?? '' }) });
          return chooseBatch(resolution.product, multiplier, [], t('counts.scan.noBatch', { product: label(resolution.product), lot: resolution.lot ?? resolution.expiryDate ?? '' }));
        case 'resolved': {
          const qty = resolution.quantity * multiplier;
          if (!inCountScope(resolution.product, session.scope)) return setNotice({ type: 'error', text: t('counts.scan.outOfScope', { product: label(resolution.product) }) });
          if (resolution.batch) return record(resolution.batch.id, qty, 'add');
          return chooseBatch(resolution.product, qty, resolution.batchCandidates.map((b) => b.id), resolution.batchCandidates.length > 1 ? t('counts.scan.sameExpiry') : undefined);
        }
      }
    },
    [catalog.scan, session.scope, t, label, record, chooseBatch],
  );

  const rows = useMemo(() => countRows(session, (id) => ledger.batch(id)), [session, ledger]);
  const progress = useMemo(() => countProgress(session), [session]);
  const currentRow = current ? rows.find((r) => r.batchId === current) : undefined;
  const currentProduct = currentRow ? ledger.product(currentRow.productId) : undefined;

  const undo = () => {
    const previous = history.current.pop();
    if (!previous) return;
    setUndoable(history.current.length);
    onChange(previous);
    setNotice({ type: 'warning', text: t('counts.scan.undone') });
    scanRef.current?.focus();
  };

  const applySet = () => {
    if (current && setQty !== null) record(current, setQty, 'set');
    setSetQty(null);
    scanRef.current?.focus();
  };

  const columns = [
    {
      title: t('counts.col.product'),
      key: 'product',
      width: 260,
      render: (_: unknown, row: CountRow) => {
        const product = ledger.product(row.productId);
        return product ? `${label(product)} · ${product.sku}` : row.productId;
      },
    },
    { title: t('counts.col.lot'), key: 'lot', width: 150, render: (_: unknown, row: CountRow) => row.lotCode ?? '—' },
    { title: t('counts.col.expiry'), key: 'expiry', width: 120, render: (_: unknown, row: CountRow) => row.expiryDate ?? '—' },
    ...(session.blind
      ? []
      : [{ title: t('counts.col.expected'), key: 'expected', width: 120, align: 'right' as const, render: (_: unknown, row: CountRow) => (row.expected === undefined ? '—' : formatQty(row.expected)) }]),
    {
      title: t('counts.col.counted'),
      key: 'counted',
      width: 120,
      align: 'right' as const,
      render: (_: unknown, row: CountRow) => (
        <span data-testid={`counted-${row.batchId}`} style={{ fontWeight: row.counted === undefined ? undefined : 600 }}>
          {row.counted === undefined ? '—' : formatQty(row.counted, ledger.product(row.productId))}
        </span>
      ),
    },
    { title: t('counts.col.countedAt'), key: 'countedAt', width: 110, render: (_: unknown, row: CountRow) => (row.countedAt ? timeOf(row.countedAt) : <Typography.Text type="secondary">{t('counts.notCounted')}</Typography.Text>) },
  ];

  const onQtyKey: InputNumberProps['onPressEnter'] = () => applySet();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} onKeyDown={(e) => {
      if (e.key === 'F2') { e.preventDefault(); qtyRef.current?.focus(); }
      if (e.key === 'z' && (e.ctrlKey || e.metaKey) && !(e.target instanceof HTMLInputElement && e.target.value !== '')) { e.preventDefault(); undo(); }
    }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text strong data-testid="count-number">{session.number}</Typography.Text>
            <Tag color="blue">{session.scope.kind === 'full' ? t('counts.scope.full') : t('counts.scope.cycle')}</Tag>
            {session.blind ? <Tag color="purple" data-testid="count-blind-tag">{t('counts.blindTag')}</Tag> : null}
            <Typography.Text data-testid="count-progress">{t('counts.progress', progress)}</Typography.Text>
          </Space>
          <Space wrap>
            <Button onClick={undo} disabled={undoable === 0}>{t('counts.undo')}</Button>
            <Popconfirm title={t('counts.cancelConfirm')} okText={t('counts.cancelYes')} cancelText={t('counts.cancelNo')} onConfirm={onCancel}>
              <Button danger>{t('counts.cancel')}</Button>
            </Popconfirm>
            <Button type="primary" onClick={onReview} disabled={session.counted.length === 0 && session.scope.kind === 'cycle'} data-testid="count-review">
              {t('counts.review')}
            </Button>
          </Space>
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <ScanInput ref={scanRef} onScan={onScan} testId="count-scan" placeholder={t('counts.scan.placeholder')} />
        </Col>
        <Col xs={24} md={10}>
          <ProductSearch index={catalog.search} onPick={(product) => (inCountScope(product, session.scope) ? chooseBatch(product, 1, []) : setNotice({ type: 'error', text: t('counts.scan.outOfScope', { product: label(product) }) }))} />
        </Col>
      </Row>
      {notice ? <Alert type={notice.type} showIcon message={notice.text} data-testid="scan-notice" data-type={notice.type} /> : <Alert type="info" showIcon message={t('counts.scan.hint')} />}
      {currentRow && currentProduct ? (
        <Card size="small" data-testid="count-current">
          <Space wrap>
            <Typography.Text strong>{label(currentProduct)}</Typography.Text>
            <Typography.Text type="secondary">{t('counts.col.lot')}: {currentRow.lotCode ?? '—'}</Typography.Text>
            <Typography.Text>{t('counts.col.counted')}: {formatQty(currentRow.counted ?? 0, currentProduct)}</Typography.Text>
            <InputNumber ref={qtyRef} min={0} value={setQty} onChange={(v) => setSetQty(typeof v === 'number' ? v : null)} onPressEnter={onQtyKey} placeholder={t('counts.setPlaceholder')} addonAfter={currentProduct.baseUnit} data-testid="count-set-qty" style={{ width: 220 }} />
            <Button onClick={applySet} disabled={setQty === null}>{t('counts.setButton')}</Button>
          </Space>
        </Card>
      ) : null}
      <Table<CountRow>
        virtual
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 880, y: 460 }}
        rowClassName={(row) => (row.batchId === current ? 'ant-table-row-selected' : '')}
        locale={{ emptyText: t('counts.emptyScope') }}
        data-testid="count-table"
      />
      <BatchPicker
        product={pending?.product ?? null}
        options={pending?.options ?? []}
        {...(pending?.reason ? { reason: pending.reason } : {})}
        onPick={(batchId) => {
          if (pending) record(batchId, pending.qty, 'add');
          setPending(null);
          setTimeout(() => scanRef.current?.focus(), 0);
        }}
        onCancel={() => {
          setPending(null);
          setTimeout(() => scanRef.current?.focus(), 0);
        }}
      />
    </Space>
  );
}
