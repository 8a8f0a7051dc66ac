import { Alert, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Space, Spin, Table, Typography } from 'antd';
import { useMemo, useRef, useState, type ComponentRef } from 'react';
import { useTranslation } from 'react-i18next';
import { expiryStatus } from '../../../shared/domain';
import { wasteReasons, type DocumentDoc, type EventDoc, type ProductDoc, type WasteReason } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand, useLedgerRead, useRxQuery, useTerminal } from '../../db/hooks';
import { useFileOutbox, useQueuedFiles } from '../../db/session';
import { ErrorAlert } from '../../ui/errors';
import { ExpiryTag } from '../../ui/ExpiryTag';
import { businessDateToday, formatQty, productLabel } from '../../ui/format';
import { ScanInput, type ScanInputHandle } from '../../ui/ScanInput';
import { batchOptions } from '../counts/BatchPicker';
import { ProductSearch } from '../counts/ProductSearch';
import { useScanCatalog } from '../counts/useScanCatalog';
import { useHeldNotice } from '../approvals/useHeldNotice';
import { scanEntry, scanEntryText } from './scan-entry';
import { WastePhotoCell, WastePhotoPicker } from './WastePhoto';
import { unitLabel } from '../../ui/units';

/** 报损: product by scan or search, the batch (expired ones included), quantity, reason, note. */
export default function WastePage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const catalog = useScanCatalog();
  const command = useCommand();
  const heldNotice = useHeldNotice();
  const scanRef = useRef<ScanInputHandle>(null);
  const qtyRef = useRef<ComponentRef<typeof InputNumber>>(null);
  const files = useFileOutbox();
  const queuedFiles = useQueuedFiles();
  const [photo, setPhoto] = useState<File | null>(null);
  const [product, setProduct] = useState<ProductDoc | null>(null);
  const [batchId, setBatchId] = useState<string | undefined>();
  const [qty, setQty] = useState<number | null>(null);
  const [reason, setReason] = useState<WasteReason | undefined>();
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<{ type: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const siteId = terminal?.siteId;
  const businessDate = businessDateToday();
  const wasteDocs = useRxQuery<DocumentDoc>((db) => (siteId ? db.documents.find({ selector: { siteId, type: 'waste' } }) : null), [siteId]);
  const recent = useMemo(() => (wasteDocs ? [...wasteDocs].sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, 8) : null), [wasteDocs]);
  // A waste photo is an audit event naming the document and the file (written once uploaded).
  const photoEvents = useRxQuery<EventDoc>(
    (db) => (siteId ? db.events.find({ selector: { siteId, kind: 'audit', docType: 'waste' } }) : null),
    [siteId],
  );
  const photoOf = useMemo(() => {
    const byDoc = new Map<string, string>();
    for (const event of photoEvents ?? []) {
      const hash = (event.data as { action?: string; fileHash?: string }).fileHash;
      if (event.docId && hash) byDoc.set(event.docId, hash);
    }
    return byDoc;
  }, [photoEvents]);
  const photoQueued = useMemo(
    () => new Set(queuedFiles.flatMap((file) => (file.purpose.kind === 'waste-photo' ? [file.purpose.docId] : []))),
    [queuedFiles],
  );

  const options =
    useLedgerRead(
      (ledger) => (ledger && product && siteId ? batchOptions(ledger.ledger, siteId, product, [], { heldOnly: true }) : []),
      [product, siteId],
    ) ?? [];

  const choose = (picked: ProductDoc, scannedBatch?: string, scannedQty?: number) => {
    if (!ledger || !siteId) return;
    setProduct(picked);
    setError(null);
    const held = batchOptions(ledger.ledger, siteId, picked, [], { heldOnly: true });
    const preferred =
      scannedBatch ?? held.find((o) => expiryStatus(o.batch, picked, businessDate) === 'expired')?.batch.id ?? held[0]?.batch.id;
    setBatchId(preferred);
    const batch = held.find((o) => o.batch.id === preferred)?.batch;
    if (batch && expiryStatus(batch, picked, businessDate) === 'expired') setReason('expired');
    setQty(scannedQty ?? null);
    setNotice(
      held.length === 0 ? { type: 'error', text: t('sales.waste.noStock', { product: productLabel(picked, i18n.language) }) } : null,
    );
    // The next thing to type is the quantity (unless the scan carried it).
    if (held.length > 0 && scannedQty === undefined) setTimeout(() => qtyRef.current?.focus(), 0);
  };

  const post = async () => {
    if (!terminal || !command || !product || !batchId || !qty || !reason) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = note.trim();
      const { result: document } = await command('waste.post', {
        wasteReason: reason,
        ...(trimmed ? { note: trimmed } : {}),
        lines: [{ productId: product.id, batchId, qty, ...(trimmed ? { note: trimmed.slice(0, 200) } : {}) }],
      });
      const held = heldNotice(document);
      setNotice(held ? { type: 'warning', text: held } : { type: 'success', text: t('ui.posted', { number: document.number }) });
      setProduct(null);
      setQty(null);
      setNote('');
      setReason(undefined);
      if (photo && files) {
        setPhoto(null);
        // The waste is posted whatever happens to its photo; offline, the photo waits in the outbox.
        await files
          .add(
            { bytes: await photo.arrayBuffer(), type: photo.type, name: photo.name },
            {
              kind: 'waste-photo',
              docId: document.id,
              docNumber: document.number,
              siteId: terminal.siteId,
              terminalId: terminal.terminalId,
            },
          )
          .catch((caught: unknown) =>
            setError(
              new Error(
                t('sales.waste.photo.refused', {
                  number: document.number,
                  reason: caught instanceof Error ? caught.message : String(caught),
                }),
              ),
            ),
          );
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      scanRef.current?.focus();
    }
  };

  if (!terminal)
    return (
      <Card data-testid="section-waste">
        <Empty description={t('sections.notPaired')} />
      </Card>
    );
  const missing = !product ? 'product' : !batchId ? 'batch' : !qty ? 'qty' : !reason ? 'reason' : null;
  return (
    <div data-testid="section-waste">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.waste')}
      </Typography.Title>
      {!ledger || !catalog ? (
        <Spin data-testid="waste-loading">
          <div style={{ height: 120 }} />
        </Spin>
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <ScanInput
                ref={scanRef}
                testId="waste-scan"
                placeholder={t('counts.scan.placeholder')}
                onScan={(text) => {
                  const entry = scanEntry(text, catalog.scan);
                  if (entry.ok) choose(entry.product, entry.batch?.id, entry.qty);
                  else setNotice({ type: 'error', text: scanEntryText(entry, t) });
                }}
              />
            </Col>
            <Col xs={24} md={10}>
              <ProductSearch index={catalog.search} onPick={(p) => choose(p)} testId="waste-search" />
            </Col>
          </Row>
          {notice ? <Alert type={notice.type} showIcon message={notice.text} data-testid="waste-notice" /> : null}
          <ErrorAlert error={error} testId="waste-error" />
          <Card size="small" title={product ? productLabel(product, i18n.language) : t('sales.waste.pickProduct')} data-testid="waste-form">
            <Form layout="vertical" disabled={!product} onFinish={() => void post()}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label={t('sales.waste.batch')} required>
                    <Select
                      value={batchId}
                      onChange={setBatchId}
                      data-testid="waste-batch"
                      options={options.map(({ batch, onHand }) => ({
                        value: batch.id,
                        label: (
                          <Space size={4}>
                            <span>{batch.lotCode}</span>
                            {product ? <ExpiryTag status={expiryStatus(batch, product, businessDate)} /> : null}
                            <Typography.Text type="secondary">
                              {batch.expiryDate ?? ''} · {t('sales.waste.onHand', { qty: formatQty(onHand, product ?? undefined) })}
                            </Typography.Text>
                          </Space>
                        ),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item label={t('sales.col.qty')} required>
                    <InputNumber
                      ref={qtyRef}
                      min={0}
                      value={qty}
                      onChange={(v) => setQty(typeof v === 'number' ? v : null)}
                      addonAfter={unitLabel(product?.baseUnit)}
                      style={{ width: '100%' }}
                      data-testid="waste-qty"
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item label={t('sales.waste.reason')} required>
                    <Select
                      value={reason}
                      onChange={setReason}
                      data-testid="waste-reason"
                      placeholder={t('sales.waste.reasonPlaceholder')}
                      options={wasteReasons.map((r) => ({ value: r, label: t(`sales.waste.reasons.${r}`) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('sales.waste.note')}>
                <Input.TextArea
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  maxLength={500}
                  rows={2}
                  data-testid="waste-note"
                  placeholder={t('sales.waste.notePlaceholder')}
                />
              </Form.Item>
              <Form.Item label={t('sales.waste.photo.label')}>
                <WastePhotoPicker photo={photo} onChange={setPhoto} onError={(text) => setNotice({ type: 'error', text })} />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={busy} disabled={missing !== null} data-testid="waste-post">
                  {t('sales.waste.post')}
                </Button>
                {product && missing ? <Typography.Text type="secondary">{t(`sales.waste.missing.${missing}`)}</Typography.Text> : null}
              </Space>
            </Form>
          </Card>
          <Card size="small" title={t('sales.waste.recent')}>
            <Table<DocumentDoc>
              size="small"
              rowKey="id"
              loading={recent === null}
              dataSource={recent ?? []}
              pagination={false}
              locale={{ emptyText: t('ui.empty.noDocuments') }}
              data-testid="waste-recent"
              columns={[
                { title: t('sales.col.number'), dataIndex: 'number', key: 'number' },
                { title: t('sales.col.date'), dataIndex: 'businessDate', key: 'date', width: 120 },
                {
                  title: t('sales.waste.reason'),
                  key: 'reason',
                  width: 110,
                  render: (_: unknown, doc) => (
                    <span data-testid={`waste-reason-${doc.number}`}>
                      {doc.wasteReason ? t(`sales.waste.reasons.${doc.wasteReason}`) : '—'}
                    </span>
                  ),
                },
                {
                  title: t('sales.col.product'),
                  key: 'lines',
                  render: (_: unknown, doc) =>
                    doc.lines
                      .map((l) => {
                        const p = ledger.ledger.product(l.productId);
                        const b = l.batchId ? ledger.ledger.batch(l.batchId) : undefined;
                        return `${p ? productLabel(p, i18n.language) : l.productId} ${b?.lotCode ?? ''} × ${formatQty(l.qty, p)}`;
                      })
                      .join('; '),
                },
                { title: t('sales.waste.note'), dataIndex: 'note', key: 'note' },
                {
                  title: t('sales.waste.photo.label'),
                  key: 'photo',
                  width: 110,
                  render: (_: unknown, doc) => <WastePhotoCell hash={photoOf.get(doc.id)} queued={photoQueued.has(doc.id)} />,
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </div>
  );
}
