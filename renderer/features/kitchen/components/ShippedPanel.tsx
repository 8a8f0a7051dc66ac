import { Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { PrinterOutlined, TagsOutlined } from '@ant-design/icons';
import { createElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintResult } from '../../../../shared/bridge';
import { dispatchQrPayload, encodeDispatchQr } from '../../../../shared/dispatch/qr-payload';
import type { EventDoc, PersonDoc, ShipmentDoc } from '../../../../shared/schemas';
import { useLedgerAtHand, useRxQuery } from '../../../db/hooks';
import { formatMoney, formatQty, formatSiteTime, productLabel } from '../../../ui/format';
import { formatUnitCost } from '../format';
import { siteLabel, useSites } from '../hooks';
import { printKitchenDocument, qrDataUrl } from '../print';
import { DispatchNote, dispatchNoteCss, type DispatchNoteData } from './DispatchNote';
import { PrintStatus } from './PrintStatus';
import { useBatchLabelPrint } from './useBatchLabelPrint';
import { unitLabel } from '../../../ui/units';
import { printedCustomValues, useCustomFields } from '../../master-data/custom-field-ui';
import { personName } from '../../people/person-name';

type NoteLanguage = 'zh-CN' | 'en';
type NotePage = 'A4' | 'A5';

/**
 * A shipped dispatch: print its note (A4/A5, zh-CN/en) and batch labels; its audit trail.
 * `requestNumbers`: the store requests it answers (its `requestIds`), printed in the note.
 */
export function ShippedPanel({ dispatch, requestNumbers = [] }: { dispatch: ShipmentDoc; requestNumbers?: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const ledger = useLedgerAtHand();
  const sites = useSites();
  const printLabels = useBatchLabelPrint();
  const [language, setLanguage] = useState<NoteLanguage>(i18n.language === 'en' ? 'en' : 'zh-CN');
  const [page, setPage] = useState<NotePage>('A4');
  const [printed, setPrinted] = useState<PrintResult | null>(null);
  const transfer = dispatch.type === 'transfer';
  const customFields = useCustomFields('product');
  const dispatchFields = useCustomFields('dispatch');
  const operatorId = dispatch.operatorId ?? '';
  const shipper = useRxQuery<PersonDoc>(
    (db) => (operatorId ? db.people.find({ selector: { personId: operatorId } }) : null),
    [operatorId],
  )?.[0];
  const events = useRxQuery<EventDoc>((db) => db.events.find({ selector: { docId: dispatch.id } }), [dispatch.id]);

  const printNote = async () => {
    if (!ledger) return;
    const view = ledger.ledger;
    const fixed = i18n.getFixedT(language);
    const answers = requestNumbers.length ? `${fixed('kitchen.requests.number')} ${requestNumbers.join(', ')}` : '';
    const printedNote = [answers, dispatch.note ?? ''].filter(Boolean).join(' · ');
    const site = (id: string) =>
      siteLabel(
        sites?.find((candidate) => candidate.id === id),
        language,
        id,
      );
    const qrs = await Promise.all(encodeDispatchQr(dispatchQrPayload(dispatch, view)).map(qrDataUrl));
    let total = 0;
    const lines = dispatch.lines.map((line) => {
      const product = view.product(line.productId);
      const batch = line.batchId ? view.batch(line.batchId) : undefined;
      const amount = line.qty * (line.unitCost ?? 0);
      total += amount;
      const detail = printedCustomValues(customFields, product?.custom, language, fixed)
        .map((entry) => `${entry.label}: ${entry.value}`)
        .join(' · ');
      return {
        productName: product ? productLabel(product, language) : line.productId,
        ...(detail ? { detail } : {}),
        sku: product?.sku ?? '',
        lotCode: batch?.lotCode ?? '',
        expiryDate: batch?.expiryDate ?? '—',
        qty: formatQty(line.qty),
        unit: unitLabel(product?.baseUnit),
        unitCost: formatUnitCost(line.unitCost ?? 0),
        amount: formatMoney(amount),
      };
    });
    const label = (key: string) => fixed(`kitchen.note.${key}`);
    const data: DispatchNoteData = {
      title: label(transfer ? 'transferTitle' : 'title'),
      number: dispatch.number,
      labels: {
        number: label('number'),
        from: label('from'),
        to: label('to'),
        date: label('date'),
        shippedAt: label('shippedAt'),
        operator: label('operator'),
        product: label('product'),
        sku: label('sku'),
        lot: label('lot'),
        expiry: label('expiry'),
        qty: label('qty'),
        unit: label('unit'),
        unitCost: label('unitCost'),
        amount: label('amount'),
        total: label('total'),
        shipper: label('shipper'),
        receiver: label('receiver'),
        driver: label('driver'),
        qrHint: label('qrHint'),
        qrPart: label('qrPart'),
        note: label('note'),
      },
      from: site(dispatch.siteId),
      to: site(dispatch.toSiteId),
      date: dispatch.businessDate,
      shippedAt: formatSiteTime(dispatch.at), // 发货时间 on the site's clock
      ...(shipper ? { operator: personName(shipper, language) } : {}),
      ...(printedNote ? { note: printedNote } : {}),
      fields: printedCustomValues(dispatchFields, dispatch.custom, language, fixed),
      lines,
      total: formatMoney(total),
      qrs,
    };
    setPrinted(
      await printKitchenDocument(createElement(DispatchNote, { data }), {
        title: `${data.title} ${dispatch.number}`,
        mode: 'printer',
        pageSize: page,
        css: dispatchNoteCss,
      }),
    );
  };

  const labelsForLines = async () => {
    const requests = dispatch.lines
      .filter((line) => line.batchId !== undefined)
      .map((line) => {
        const pack = ledger?.ledger.product(line.productId)?.packs[0];
        const perLabel = pack && pack.qtyInBase <= line.qty ? pack.qtyInBase : line.qty;
        return { batchId: line.batchId as string, count: Math.max(1, Math.ceil(line.qty / perLabel)), qtyPerLabel: perLabel };
      });
    setPrinted(await printLabels(requests));
  };

  return (
    <>
      <Card title={t(transfer ? 'kitchen.note.transferPrintTitle' : 'kitchen.note.printTitle')} size="small">
        <Space wrap>
          <Segmented<NotePage> value={page} onChange={setPage} options={['A4', 'A5']} data-testid="note-page" />
          <Segmented<NoteLanguage>
            value={language}
            onChange={setLanguage}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
            data-testid="note-language"
          />
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => void printNote()} data-testid="print-note">
            {t(transfer ? 'kitchen.note.transferPrint' : 'kitchen.note.print')}
          </Button>
          <Button icon={<TagsOutlined />} onClick={() => void labelsForLines()} data-testid="print-dispatch-labels">
            {t('kitchen.production.printLabels')}
          </Button>
          <PrintStatus result={printed} />
        </Space>
      </Card>
      <Card title={t('kitchen.audit.title')} size="small" data-testid="dispatch-audit">
        <List
          size="small"
          loading={events === null}
          dataSource={events ?? []}
          locale={{ emptyText: t('kitchen.audit.none') }}
          renderItem={(event) => {
            const data = event.data as Record<string, unknown>;
            const chosen = typeof data['chosenBatchId'] === 'string' ? ledger?.ledger.batch(data['chosenBatchId'])?.lotCode : undefined;
            const earlier = typeof data['earlierBatchId'] === 'string' ? ledger?.ledger.batch(data['earlierBatchId'])?.lotCode : undefined;
            return (
              <List.Item data-testid="audit-event" data-kind={event.kind}>
                <Space wrap>
                  <Tag color={event.severity === 'warning' ? 'orange' : event.severity === 'error' ? 'red' : 'blue'}>
                    {t(`kitchen.audit.kinds.${event.kind}`, { defaultValue: event.kind })}
                  </Tag>
                  <Typography.Text>
                    {event.kind === 'fifo-override' && chosen && earlier
                      ? t('kitchen.audit.fifoOverride', { chosen, earlier, reason: String(data['reason'] ?? '') })
                      : event.message}
                  </Typography.Text>
                  <Typography.Text type="secondary">{formatSiteTime(event.at)}</Typography.Text>
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
    </>
  );
}
