import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkLineChoice } from '../../../../shared/domain';
import type { DocumentDoc, DocumentLine, ShipmentDoc, ShipmentType } from '../../../../shared/schemas';
import { useCommand } from '../../../db/commands';
import { useLedgerAtHand, useRxQuery, useTerminal } from '../../../db/hooks';
import { PostingRefusedError } from '../../../db/posting';
import { ErrorAlert } from '../../../ui/errors';
import { productLabel } from '../../../ui/format';
import { navigate } from '../../../shell/routes';
import { discrepancyDispatchId, shipmentRoutes, useDiscrepancies, useProductIndex, useProducts, useSiteNames } from '../hooks';
import { DiscrepancyNotices } from './DiscrepancyNotices';
import { statusColors } from './DispatchList';
import { DraftLines } from './DraftLines';
import { PickedLines } from './PickedLines';
import { ProductPicker, type ProductPickerHandle } from './ProductPicker';
import { ShippedPanel } from './ShippedPanel';
import { DocumentCustomFields, useCustomFieldText, useDocumentCustomFields } from '../../master-data/custom-field-ui';

/** One dispatch (or a store's transfer): edit while draft, fix batches when picked, ship, then read-only with its note. */
export function DispatchDetail({ dispatchId, kind = 'dispatch' }: { dispatchId: string; kind?: ShipmentType }) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const products = useProducts();
  const index = useProductIndex(products);
  const siteName = useSiteNames();
  const discrepancies = useDiscrepancies(terminal?.siteId);
  const customFields = useDocumentCustomFields('dispatch');
  const customText = useCustomFieldText();
  const rows = useRxQuery<DocumentDoc>((database) => database.documents.findOne(dispatchId), [dispatchId]);
  const first = rows?.[0];
  const stored = first?.type === kind ? (first as ShipmentDoc) : null;
  const route = shipmentRoutes[kind];
  const requestIds = stored?.requestIds ?? [];
  const answered = useRxQuery<DocumentDoc>(
    (database) => (requestIds.length ? database.documents.find({ selector: { id: { $in: requestIds } } }) : null),
    [requestIds.join(',')],
  );
  const picker = useRef<ProductPickerHandle>(null);
  const [lines, setLines] = useState<DocumentLine[] | null>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saving = useRef<Promise<unknown>>(Promise.resolve());

  // Lines are edited locally (no lag while typing) and saved in order behind the edits.
  useEffect(() => {
    if (stored && (lines === null || stored.status !== 'draft')) setLines(stored.lines);
  }, [stored, lines]);
  const mine = useMemo(
    () => (discrepancies ?? []).filter((event) => discrepancyDispatchId(event) === dispatchId),
    [discrepancies, dispatchId],
  );

  if (rows === null || !ledger || !terminal || !products || !index) return <Spin tip={t('common.loading')} />;
  if (!stored) return <Empty description={t(`kitchen.${kind}.notFound`)} />;
  const dispatch = stored;
  const currentLines = lines ?? dispatch.lines;
  const requestNumbers = requestIds.map((id) => answered?.find((request) => request.id === id)?.number ?? id);

  // Edits are saved in order behind one another; picking and shipping wait for the last save.
  const queued = (step: () => Promise<unknown>) => {
    const next = saving.current.then(step);
    saving.current = next.catch(() => undefined);
    return next.then(
      () => undefined,
      (caught: unknown) => setError(caught),
    );
  };
  const changeLines = (next: DocumentLine[]) => {
    setLines(next);
    setError(null);
    if (command) void queued(() => command('dispatch.save', { dispatchId, lines: next }));
  };
  const changeCustom = (custom: Record<string, unknown>) => {
    setError(null);
    if (command) void queued(() => command('dispatch.save', { dispatchId, lines: currentLines, custom }));
  };

  const addProduct = (productId: string, qty: number, batchId?: string) => {
    const existing = currentLines.findIndex((line) => line.productId === productId && line.batchId === batchId);
    if (existing >= 0) {
      const next = currentLines.map((line, i) => (i === existing ? { ...line, qty: line.qty + qty } : line));
      changeLines(next);
      setFocusIndex(existing);
      return;
    }
    changeLines([...currentLines, { productId, qty, ...(batchId ? { batchId } : {}) }]);
    setFocusIndex(currentLines.length);
  };

  /** Every line checked as the posting will check it; the first refusal is shown in words. */
  const firstRefusal = (candidate: DocumentLine[]) => {
    for (const line of candidate) {
      const check = checkLineChoice(ledger.ledger, dispatch.siteId, dispatch.businessDate, line);
      if (!check.ok) return new PostingRefusedError(check.error);
    }
    return null;
  };

  const markPicked = async () => {
    setError(null);
    const usable = currentLines.filter((line) => line.qty > 0);
    if (usable.length === 0) return setNotice(t('kitchen.dispatch.nothingToPick'));
    const refusal = firstRefusal(usable);
    if (refusal) return setError(refusal);
    // A required field of HQ's left blank is shown under its input.
    if (!(await customFields.read().catch(() => null))) return;
    if (!command) return;
    await queued(async () => setLines((await command('dispatch.pick', { dispatchId, lines: usable })).result.lines));
  };

  const backToDraft = async () => {
    setError(null);
    if (command) await queued(() => command('dispatch.unpick', { dispatchId }));
  };

  const ship = async () => {
    if (!command) return;
    setBusy(true);
    setError(null);
    try {
      await saving.current;
      await command('dispatch.ship', { dispatchId });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const status = dispatch.status;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(route)} aria-label={t('kitchen.dispatch.back')} />
            <span data-testid="dispatch-number">{dispatch.number}</span>
            <Tag color={statusColors[status]} data-testid="dispatch-detail-status" data-status={status}>
              {t(`kitchen.status.${status}`, { defaultValue: status })}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            {status === 'draft' && (
              <Button type="primary" onClick={() => void markPicked()} data-testid="mark-picked">
                {t('kitchen.dispatch.markPicked')}
              </Button>
            )}
            {status === 'picked' && (
              <>
                <Button onClick={() => void backToDraft()} data-testid="back-to-draft">
                  {t('kitchen.dispatch.backToDraft')}
                </Button>
                <Button type="primary" danger loading={busy} onClick={() => void ship()} data-testid="ship">
                  {t('kitchen.dispatch.ship')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('kitchen.dispatch.from')}>{siteName(dispatch.siteId)}</Descriptions.Item>
          <Descriptions.Item label={t('kitchen.dispatch.store')}>
            <span data-testid="dispatch-store">{siteName(dispatch.toSiteId)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('kitchen.dispatch.date')}>{dispatch.businessDate}</Descriptions.Item>
          {requestIds.length > 0 && (
            <Descriptions.Item label={t('kitchen.requests.number')}>
              <span data-testid="dispatch-requests">{requestNumbers.join(', ')}</span>
            </Descriptions.Item>
          )}
          {dispatch.note && <Descriptions.Item label={t('kitchen.dispatch.note')}>{dispatch.note}</Descriptions.Item>}
          {status !== 'draft' &&
            customFields.fields
              .filter((field) => dispatch.custom?.[field.id] !== undefined)
              .map((field) => (
                <Descriptions.Item key={field.id} label={customText.label(field)}>
                  {customText.value(field, dispatch.custom)}
                </Descriptions.Item>
              ))}
        </Descriptions>
        {status === 'draft' && (
          <DocumentCustomFields fields={customFields.fields} form={customFields.form} initial={dispatch.custom} onChange={changeCustom} />
        )}
        {mine.length > 0 && <DiscrepancyNotices events={mine} showLinks={false} route={route} />}
        <ErrorAlert error={error} testId="dispatch-error" />
        {notice && (
          <Alert
            type="info"
            showIcon
            closable
            onClose={() => setNotice(null)}
            message={notice}
            style={{ marginBottom: 12 }}
            data-testid="dispatch-notice"
          />
        )}
        {status === 'draft' && (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <ProductPicker
              ref={picker}
              index={index}
              products={products}
              batches={() =>
                ledger.ledger
                  .positions()
                  .filter((p) => p.siteId === dispatch.siteId)
                  .map((p) => ledger.ledger.batch(p.batchId))
                  .filter((b) => b !== undefined)
              }
              onPick={({ product, quantity, batch }) => {
                setNotice(null);
                if (batch && batch.siteId !== dispatch.siteId && ledger.ledger.onHand(dispatch.siteId, batch.id) <= 0) {
                  return setNotice(
                    t('kitchen.dispatch.batchNotHere', { lot: batch.lotCode, product: productLabel(product, i18n.language) }),
                  );
                }
                if (batch) {
                  const check = checkLineChoice(ledger.ledger, dispatch.siteId, dispatch.businessDate, {
                    productId: product.id,
                    qty: 1,
                    batchId: batch.id,
                  });
                  // Expired or held stock is refused at the scan; a later batch gets its reason field on the line.
                  if (!check.ok && check.error.code !== 'fifo-violation') return setError(new PostingRefusedError(check.error));
                }
                addProduct(product.id, quantity > 0 ? quantity : (product.packs[0]?.qtyInBase ?? 1), batch?.id);
              }}
              onUnknown={setNotice}
            />
            <DraftLines
              siteId={dispatch.siteId}
              businessDate={dispatch.businessDate}
              lines={currentLines}
              onChange={changeLines}
              focusIndex={focusIndex}
              onDone={() => {
                setFocusIndex(null);
                picker.current?.focus();
              }}
            />
            <Typography.Text type="secondary">{t('kitchen.dispatch.keyboardHint')}</Typography.Text>
          </Space>
        )}
        {status !== 'draft' && <PickedLines dispatch={{ ...dispatch, lines: currentLines }} />}
      </Card>
      {status === 'shipped' && <ShippedPanel dispatch={dispatch} requestNumbers={requestNumbers} />}
    </Space>
  );
}
