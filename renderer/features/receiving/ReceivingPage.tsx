import { Alert, Card, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isShipmentType, shipmentTypes, type DocumentDoc, type ShipmentDoc, type SiteDoc } from '../../../shared/schemas';
import { useLedgerRead, useRxQuery, useTerminal } from '../../db/hooks';
import { useDatabase } from '../../db/session';
import { ScanInput, type ScanInputHandle } from '../../ui/ScanInput';
import { IncomingList, incomingRows, type IncomingRow } from './IncomingList';
import { ReceiveForm } from './ReceiveForm';
import { collectQrPart, isDispatchQrText } from './qr-collector';
import { fromDispatchDoc, fromQrPayload, type IncomingDispatch } from '../../../shared/dispatch/store-receipt';
import { existingReceiptNumber } from './existing-receipt';

type Notice = { type: 'info' | 'success' | 'warning' | 'error'; text: string } | null;

/** 门店收货: incoming dispatches (and other stores' transfers), received from the synced document or from the note's QR code. */
export default function ReceivingPage() {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const terminal = useTerminal();
  // Read in render (names, lots): re-rendered whenever the projection changes.
  const ledger = useLedgerRead((local) => local, []);
  const siteId = terminal?.siteId ?? '';
  const dispatches = useRxQuery<DocumentDoc>(
    // A kitchen's dispatches and other stores' transfers (issue 17) are received alike.
    (d) => (siteId ? d.documents.find({ selector: { type: { $in: [...shipmentTypes] }, toSiteId: siteId } }) : null),
    [siteId],
  );
  const receipts = useRxQuery<DocumentDoc>(
    (d) => (siteId ? d.documents.find({ selector: { siteId, type: 'store-receipt' } }) : null),
    [siteId],
  );
  const sites = useRxQuery<SiteDoc>((d) => d.sites.find(), []);
  const [incoming, setIncoming] = useState<IncomingDispatch | null>(null);
  const [qrParts, setQrParts] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const scanRef = useRef<ScanInputHandle>(null);

  const siteName = useMemo(() => {
    const byId = new Map((sites ?? []).map((s) => [s.id, s]));
    return (id: string) => {
      const site = byId.get(id);
      return site ? (i18n.language === 'en' && site.nameEn ? site.nameEn : site.name) : id;
    };
  }, [sites, i18n.language]);
  const rows = useMemo(() => incomingRows(dispatches ?? [], receipts ?? [], siteName), [dispatches, receipts, siteName]);

  const open = async (next: IncomingDispatch) => {
    if (next.toSiteId !== siteId) {
      setNotice({ type: 'error', text: t('receiving.scan.otherStore', { number: next.number, store: siteName(next.toSiteId) }) });
      return;
    }
    const receiptNumber = db ? await existingReceiptNumber(db, next.dispatchId) : null;
    if (receiptNumber !== null) {
      setNotice({ type: 'warning', text: t('receiving.receive.alreadyReceived', { number: receiptNumber }) });
      setIncoming(null);
      return;
    }
    setNotice(null);
    setIncoming(next);
  };

  const openRow = (row: IncomingRow) => {
    const dispatch = dispatches?.find((d) => d.id === row.dispatchId);
    if (dispatch && ledger) void open(fromDispatchDoc(dispatch as ShipmentDoc, ledger.ledger));
  };

  const onScan = (text: string) => {
    if (!isDispatchQrText(text)) {
      const byNumber = rows.find((row) => row.number.toUpperCase() === text.trim().toUpperCase());
      if (byNumber?.state === 'on-the-way') openRow(byNumber);
      else if (byNumber?.receiptNumber)
        setNotice({ type: 'warning', text: t('receiving.receive.alreadyReceived', { number: byNumber.receiptNumber }) });
      else setNotice({ type: 'error', text: t('receiving.scan.foreign', { code: text.slice(0, 40) }) });
      return;
    }
    const outcome = collectQrPart(qrParts, text);
    setQrParts(outcome.status === 'need-more' ? outcome.parts : []);
    if (outcome.status === 'need-more')
      setNotice({
        type: 'info',
        text: t('receiving.scan.needMore', { next: outcome.next, total: outcome.total, scanned: outcome.scanned }),
      });
    else if (outcome.status === 'error') setNotice({ type: 'error', text: t(`receiving.scan.errors.${outcome.reason}`) });
    else {
      // A synced dispatch is the better source (names its batches); the QR alone works offline.
      const synced = ledger?.ledger.document(outcome.payload.dispatchId);
      void open(
        synced && isShipmentType(synced.type) && ledger
          ? fromDispatchDoc(synced as ShipmentDoc, ledger.ledger)
          : fromQrPayload(outcome.payload),
      );
    }
  };

  const done = (receiptNumber: string) => {
    setNotice({ type: 'success', text: t('receiving.receive.done', { number: receiptNumber }) });
    setIncoming(null);
    setTimeout(() => scanRef.current?.focus(), 0);
  };

  const onTheWay = rows.filter((row) => row.state === 'on-the-way').length;
  return (
    <div data-testid="section-receiving">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('receiving.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('receiving.scan.help')}</Typography.Paragraph>
          <ScanInput
            ref={scanRef}
            onScan={onScan}
            placeholder={t('receiving.scan.placeholder')}
            testId="receiving-scan"
            autoFocus={!incoming}
          />
          {qrParts.length > 0 ? (
            <Typography.Text type="secondary" data-testid="qr-progress">
              {t('receiving.scan.partsHeld', { count: qrParts.length })}
            </Typography.Text>
          ) : null}
          {notice ? (
            <Alert style={{ marginTop: 12 }} showIcon type={notice.type} message={notice.text} data-testid="receiving-notice" />
          ) : null}
        </Card>
        {incoming ? (
          <ReceiveForm
            incoming={incoming}
            kitchenName={siteName(incoming.fromSiteId)}
            onDone={done}
            onCancel={() => {
              setIncoming(null);
              scanRef.current?.focus();
            }}
          />
        ) : (
          <Card title={t('receiving.list.title', { count: onTheWay })}>
            <IncomingList rows={rows} loading={dispatches === null || receipts === null} onOpen={openRow} />
          </Card>
        )}
      </Space>
    </div>
  );
}
