import { Alert, Button, Card, Col, InputNumber, Popconfirm, Row, Space, Tag, Typography, type InputNumberProps } from 'antd';
import { forwardRef, memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type ComponentRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ledger } from '../../../shared/domain';
import {
  countBatchChoice,
  inCountScope,
  isWeighedProduct,
  recordCount,
  type CountBatchOption,
  type CountSession,
  type RecordMode,
} from '../../../shared/ops';
import type { ProductDoc } from '../../../shared/schemas';
import { formatQty, productLabel } from '../../ui/format';
import { ScanInput, type ScanInputHandle } from '../../ui/ScanInput';
import { BatchPicker } from './BatchPicker';
import { countProgress, countRows } from './count-rows';
import { CountTable } from './CountTable';
import { ProductSearch } from './ProductSearch';
import { lookupScan, splitQuantityPrefix } from './scan-lookup';
import { scanReasonText } from './scan-reasons';
import type { LoadedCatalog } from './useScanCatalog';
import { unitLabel } from '../../ui/units';

interface Notice {
  type: 'success' | 'warning' | 'error';
  text: string;
}

interface Pending {
  product: ProductDoc;
  proposed: CountBatchOption[];
  others: CountBatchOption[];
  qty: number;
  reason?: string;
}

interface CountSessionViewProps {
  session: CountSession;
  /** Must be stable (useCallback): the scan handlers below are, so a scan re-renders only what changed. */
  onChange(session: CountSession): void;
  catalog: LoadedCatalog;
  ledger: Ledger;
  onReview(): void;
  onCancel(): void;
}

type QtyInputRef = ComponentRef<typeof InputNumber>;

/** F2's quantity field: memoised, so a scan does not re-render it. */
const SetQuantity = memo(
  forwardRef<
    QtyInputRef,
    { value: number | null; unit: string; placeholder: string; onChange(value: number | null): void; onEnter(): void }
  >(function SetQuantity({ value, unit, placeholder, onChange, onEnter }, ref) {
    const onPressEnter: InputNumberProps['onPressEnter'] = () => onEnter();
    return (
      <InputNumber
        ref={ref}
        min={0}
        value={value}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        onPressEnter={onPressEnter}
        placeholder={placeholder}
        addonAfter={unit}
        data-testid="count-set-qty"
        style={{ width: 220 }}
      />
    );
  }),
);

/** Counting: scan first, search as fallback, set a line's quantity by hand (F2), undo the last scan. */
export function CountSessionView({ session, onChange, catalog, ledger, onReview, onCancel }: CountSessionViewProps) {
  const { t, i18n } = useTranslation();
  const scanRef = useRef<ScanInputHandle>(null);
  const qtyRef = useRef<QtyInputRef>(null);
  // The handlers read the latest session from here, so they stay the same function from scan to
  // scan (the memoised search box and picker keep their render), and two scans arriving before
  // React re-renders still add up.
  const sessionRef = useRef(session);
  useLayoutEffect(() => {
    sessionRef.current = session;
  }, [session]);
  const history = useRef<CountSession[]>([]);
  const [undoable, setUndoable] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [setQty, setSetQty] = useState<number | null>(null);

  const label = useCallback((product: ProductDoc) => productLabel(product, i18n.language), [i18n.language]);

  const record = useCallback(
    (batchId: string, qty: number, mode: RecordMode) => {
      const before = sessionRef.current;
      const outcome = recordCount(before, { batchId, qty, countedAt: new Date().toISOString() }, mode, ledger);
      if (!outcome.ok) {
        const product = outcome.productId ? ledger.product(outcome.productId) : undefined;
        const why = t(`counts.refusals.${outcome.code}`, { product: product ? label(product) : '' });
        setNotice({ type: 'error', text: t('counts.scan.refused', { reason: why }) });
        return;
      }
      history.current = [...history.current.slice(-49), before];
      setUndoable(history.current.length);
      sessionRef.current = outcome.session;
      onChange(outcome.session);
      setCurrent(batchId);
      const line = outcome.session.counted.find((l) => l.batchId === batchId);
      const batch = ledger.batch(batchId);
      const product = batch ? ledger.product(batch.productId) : undefined;
      if (line && batch && product) {
        const text =
          mode === 'add'
            ? t('counts.scan.added', {
                product: label(product),
                lot: batch.lotCode,
                qty: formatQty(qty, product),
                total: formatQty(line.qty, product),
              })
            : t('counts.scan.set', { product: label(product), lot: batch.lotCode, total: formatQty(line.qty, product) });
        setNotice({ type: 'success', text });
      }
    },
    [ledger, onChange, t, label],
  );

  /**
   * A weighed product picked without a weight: the batch becomes the one the quantity field (F2)
   * sets, and nothing is recorded; a count of 0 g would post the whole book quantity as a loss.
   */
  const awaitWeight = useCallback((batchId: string) => {
    setCurrent(batchId);
    setTimeout(() => qtyRef.current?.focus(), 0);
  }, []);

  /** A product is known but not its batch: take the one FEFO leaves no doubt about, else ask. */
  const chooseBatch = useCallback(
    (product: ProductDoc, qty: number, candidates: readonly string[], reason?: string) => {
      const current = sessionRef.current;
      const choice = countBatchChoice(
        ledger,
        { siteId: current.siteId, businessDate: current.businessDate, at: new Date().toISOString(), blind: current.blind },
        product,
        catalog.scan.batchesByProduct.get(product.id) ?? [],
        candidates,
      );
      if (choice.kind === 'take') return qty === 0 ? awaitWeight(choice.batchId) : record(choice.batchId, qty, 'add');
      setPending({ product, proposed: choice.proposed, others: choice.others, qty, ...(reason ? { reason } : {}) });
    },
    [ledger, catalog.scan.batchesByProduct, record, awaitWeight],
  );

  const onScan = useCallback(
    (text: string) => {
      const { multiplier, code } = splitQuantityPrefix(text);
      const resolution = lookupScan(code, catalog.scan);
      const scope = sessionRef.current.scope;
      switch (resolution.status) {
        case 'unknown-code':
          return setNotice({
            type: 'error',
            text: t('counts.scan.unknownCode', { code: resolution.raw, reason: scanReasonText(resolution.why, t) }),
          });
        case 'unknown-product':
          return setNotice({ type: 'error', text: t('counts.scan.unknownProduct', { code: resolution.code }) });
        case 'no-batch':
          if (!inCountScope(resolution.product, scope))
            return setNotice({ type: 'error', text: t('counts.scan.outOfScope', { product: label(resolution.product) }) });
          setNotice({
            type: 'warning',
            text: t('counts.scan.noBatch', { product: label(resolution.product), lot: resolution.lot ?? resolution.expiryDate ?? '' }),
          });
          return chooseBatch(
            resolution.product,
            multiplier,
            [],
            t('counts.scan.noBatch', { product: label(resolution.product), lot: resolution.lot ?? resolution.expiryDate ?? '' }),
          );
        case 'resolved': {
          const qty = resolution.quantity * multiplier;
          if (!inCountScope(resolution.product, scope))
            return setNotice({ type: 'error', text: t('counts.scan.outOfScope', { product: label(resolution.product) }) });
          // A weighed product's plain barcode carries no weight: adding one base unit (1 g) would be wrong.
          if (resolution.needsWeight)
            return setNotice({ type: 'warning', text: t('counts.scan.needsWeight', { product: label(resolution.product) }) });
          if (resolution.batch) return record(resolution.batch.id, qty, 'add');
          return chooseBatch(
            resolution.product,
            qty,
            resolution.batchCandidates.map((b) => b.id),
            resolution.batchCandidates.length > 1 ? t('counts.scan.sameExpiry') : undefined,
          );
        }
      }
    },
    [catalog.scan, t, label, record, chooseBatch],
  );

  const rows = useMemo(() => countRows(session, (id) => ledger.batch(id)), [session, ledger]);
  const progress = useMemo(() => countProgress(session), [session]);
  const currentRow = current ? rows.find((r) => r.batchId === current) : undefined;
  const currentProduct = currentRow ? ledger.product(currentRow.productId) : undefined;

  const undo = () => {
    const previous = history.current.pop();
    if (!previous) return;
    setUndoable(history.current.length);
    sessionRef.current = previous;
    onChange(previous);
    setNotice({ type: 'warning', text: t('counts.scan.undone') });
    scanRef.current?.focus();
  };

  const setQtyRef = useRef(setQty);
  setQtyRef.current = setQty;
  const currentRef = useRef(current);
  currentRef.current = current;
  const applySet = useCallback(() => {
    if (currentRef.current && setQtyRef.current !== null) record(currentRef.current, setQtyRef.current, 'set');
    setSetQty(null);
    scanRef.current?.focus();
  }, [record]);

  const pickSearched = useCallback(
    (product: ProductDoc) => {
      if (!inCountScope(product, sessionRef.current.scope))
        return setNotice({ type: 'error', text: t('counts.scan.outOfScope', { product: label(product) }) });
      // One piece per pick, but a weighed product gets its weight typed (F2), never 1 g.
      const weighed = isWeighedProduct(product);
      chooseBatch(product, weighed ? 0 : 1, []);
      if (weighed) setNotice({ type: 'warning', text: t('counts.scan.enterWeight', { product: label(product) }) });
    },
    [chooseBatch, t, label],
  );
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const pickBatch = useCallback(
    (batchId: string) => {
      const chosen = pendingRef.current;
      setPending(null);
      if (chosen?.qty === 0) return awaitWeight(batchId);
      if (chosen) record(batchId, chosen.qty, 'add');
      setTimeout(() => scanRef.current?.focus(), 0);
    },
    [record, awaitWeight],
  );
  const cancelPick = useCallback(() => {
    setPending(null);
    setTimeout(() => scanRef.current?.focus(), 0);
  }, []);

  return (
    <Space
      direction="vertical"
      size="middle"
      style={{ width: '100%' }}
      onKeyDown={(e) => {
        if (e.key === 'F2') {
          e.preventDefault();
          qtyRef.current?.focus();
        }
        if (e.key === 'z' && (e.ctrlKey || e.metaKey) && !(e.target instanceof HTMLInputElement && e.target.value !== '')) {
          e.preventDefault();
          undo();
        }
      }}
    >
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text strong data-testid="count-number">
              {session.number}
            </Typography.Text>
            <Tag color="blue">{session.scope.kind === 'full' ? t('counts.scope.full') : t('counts.scope.cycle')}</Tag>
            {session.blind ? (
              <Tag color="purple" data-testid="count-blind-tag">
                {t('counts.blindTag')}
              </Tag>
            ) : null}
            <Typography.Text data-testid="count-progress">{t('counts.progress', progress)}</Typography.Text>
          </Space>
          <Space wrap>
            <Button onClick={undo} disabled={undoable === 0}>
              {t('counts.undo')}
            </Button>
            <Popconfirm
              title={t('counts.cancelConfirm')}
              okText={t('counts.cancelYes')}
              cancelText={t('counts.cancelNo')}
              onConfirm={onCancel}
            >
              <Button danger>{t('counts.cancel')}</Button>
            </Popconfirm>
            <Button
              type="primary"
              onClick={onReview}
              disabled={session.counted.length === 0 && session.scope.kind === 'cycle'}
              data-testid="count-review"
            >
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
          <ProductSearch index={catalog.search} onPick={pickSearched} />
        </Col>
      </Row>
      {notice ? (
        <Alert type={notice.type} showIcon message={notice.text} data-testid="scan-notice" data-type={notice.type} />
      ) : (
        <Alert type="info" showIcon message={t('counts.scan.hint')} />
      )}
      {currentRow && currentProduct ? (
        <Card size="small" data-testid="count-current">
          <Space wrap>
            <Typography.Text strong>{label(currentProduct)}</Typography.Text>
            <Typography.Text type="secondary">
              {t('counts.col.lot')}: {currentRow.lotCode ?? '—'}
            </Typography.Text>
            <Typography.Text>
              {t('counts.col.counted')}: {formatQty(currentRow.counted ?? 0, currentProduct)}
            </Typography.Text>
            <SetQuantity
              ref={qtyRef}
              value={setQty}
              unit={unitLabel(currentProduct.baseUnit)}
              placeholder={t('counts.setPlaceholder')}
              onChange={setSetQty}
              onEnter={applySet}
            />
            <Button onClick={applySet} disabled={setQty === null}>
              {t('counts.setButton')}
            </Button>
          </Space>
        </Card>
      ) : null}
      <CountTable rows={rows} blind={session.blind} current={current} ledger={ledger} />
      <BatchPicker
        product={pending?.product ?? null}
        proposed={pending?.proposed ?? NO_OPTIONS}
        others={pending?.others ?? NO_OPTIONS}
        {...(pending?.reason ? { reason: pending.reason } : {})}
        onPick={pickBatch}
        onCancel={cancelPick}
      />
    </Space>
  );
}

const NO_OPTIONS: CountBatchOption[] = [];
