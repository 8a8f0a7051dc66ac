import { App as AntApp, Alert, AutoComplete, Button, Card, Col, Empty, Row, Select, Space, Spin, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTraceIndex, loadTraceHistory, traceBatches, traceSupplierLot, type TraceResult, type TraceSource } from '../../../shared/ops';
import type { BatchDoc } from '../../../shared/schemas';
import { useLedgerRead, useRxQuery } from '../../db/hooks';
import { useRoute } from '../../shell/useRoute';
import { ScanInput } from '../../ui/ScanInput';
import { usePartners } from '../food-safety/site-names';
import { lotCodesOf, resolveTraceInput, type TraceStart } from './trace-lookup';
import { TraceResultView } from './TraceResultView';

/** 追溯: from a supplier lot or a batch, backward to its sources and forward to every site it reached. */
export default function TracePage() {
  const { t } = useTranslation();
  const route = useRoute();
  const batches = useRxQuery<BatchDoc>((db) => db.batches.find(), []);
  const { partners, partnerName } = usePartners();
  const [supplierId, setSupplierId] = useState<string | undefined>();
  const [lotText, setLotText] = useState('');
  const [lookupError, setLookupError] = useState<string | null>(null);
  // A link such as #/trace/<batchId> (from another screen) starts from that batch.
  const linked = route.rest[0];
  const [start, setStart] = useState<TraceStart | null>(linked ? { kind: 'batches', batchIds: [linked] } : null);

  // Reference lookups (batches, supplier lots) need no history; a trace reads the movements it
  // can reach by index (loadTraceHistory), never the whole history.
  const lookup = useMemo(() => (batches ? buildTraceIndex({ movements: [], documents: [], batches }) : null), [batches]);
  const traced = useLedgerRead(
    async (ledger): Promise<{ start: TraceStart; source: TraceSource; result: TraceResult } | null> => {
      if (!batches || !lookup || !start) return null;
      const roots = start.kind === 'supplier-lot' ? lookup.batchesOfSupplierLot(start.supplierId, start.lotCode) : start.batchIds;
      const index = buildTraceIndex({ movements: await loadTraceHistory(ledger, roots), documents: [], batches });
      const source: TraceSource = { ...index, document: (docId) => ledger.ledger.document(docId) };
      const result =
        start.kind === 'supplier-lot' ? traceSupplierLot(source, start.supplierId, start.lotCode) : traceBatches(source, start.batchIds);
      return { start, source, result };
    },
    [batches, lookup, start],
  );
  // While another start loads, the last trace is not shown under the new start's title.
  const current = traced && traced.start === start ? traced : null;

  const suppliers = (partners ?? []).filter((partner) => partner.kind !== 'customer').sort((a, b) => a.code.localeCompare(b.code));
  const lotOptions = useMemo(() => (supplierId && batches ? lotCodesOf(supplierId, batches) : []), [supplierId, batches]);
  const lotNeedle = lotText.trim().toLowerCase();

  const traceLot = () => {
    const lotCode = lotText.trim();
    // A lot code alone is enough when only one supplier's batches carry it.
    if (!supplierId && lotCode) {
      onScan(lotCode);
      return;
    }
    if (!supplierId || !lotCode) {
      setLookupError(t('trace.needSupplierAndLot'));
      return;
    }
    const known = lookup?.batchesOfSupplierLot(supplierId, lotCode).length ?? 0;
    if (!known) {
      setLookupError(t('trace.lotNotFound', { supplier: partnerName(supplierId), lot: lotCode }));
      return;
    }
    setLookupError(null);
    setStart({ kind: 'supplier-lot', supplierId, lotCode });
  };

  function onScan(text: string) {
    const resolved = batches ? resolveTraceInput(text, batches) : null;
    if (!resolved) {
      setLookupError(t('trace.notFound', { text }));
      return;
    }
    setLookupError(null);
    if (resolved.kind === 'supplier-lot') {
      setSupplierId(resolved.supplierId);
      setLotText(resolved.lotCode);
    }
    setStart(resolved);
  }

  const title = (() => {
    if (!start || !lookup) return '';
    if (start.kind === 'supplier-lot') return t('trace.rootsTitle', { what: `${partnerName(start.supplierId)} · ${start.lotCode}` });
    return t('trace.rootsTitle', { what: start.batchIds.map((id) => lookup.batch(id)?.lotCode ?? id).join('、') });
  })();
  const fileStem = start?.kind === 'supplier-lot' ? start.lotCode : (start?.batchIds[0] ?? 'batch');

  // antd App gives the panels message/notification hooks without a wrapper element.
  return (
    <AntApp component={false}>
      <Card data-testid="section-trace">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('trace.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('trace.intro')}</Typography.Paragraph>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('trace.supplierLot')}>
              <Space.Compact style={{ width: '100%' }}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  style={{ width: '45%' }}
                  placeholder={t('trace.supplierPlaceholder')}
                  value={supplierId}
                  onChange={setSupplierId}
                  options={suppliers.map((partner) => ({ value: partner.id, label: `${partnerName(partner.id)} (${partner.code})` }))}
                  aria-label={t('trace.supplier')}
                  data-testid="trace-supplier"
                />
                <AutoComplete
                  style={{ width: '35%' }}
                  value={lotText}
                  onChange={setLotText}
                  options={lotOptions
                    .filter((code) => !lotNeedle || code.toLowerCase().includes(lotNeedle))
                    .slice(0, 50)
                    .map((code) => ({ value: code }))}
                  placeholder={t('trace.lotPlaceholder')}
                  aria-label={t('trace.lotCode')}
                  data-testid="trace-lot"
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' && !event.defaultPrevented) traceLot();
                  }}
                />
                <Button type="primary" icon={<SearchOutlined />} onClick={traceLot} data-testid="trace-lot-submit">
                  {t('trace.traceLot')}
                </Button>
              </Space.Compact>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('trace.orBatch')}>
              <ScanInput onScan={onScan} placeholder={t('trace.scanPlaceholder')} testId="trace-scan" autoFocus />
            </Card>
          </Col>
        </Row>
        {lookupError && (
          <Alert type="warning" showIcon message={lookupError} style={{ marginBottom: 16 }} data-testid="trace-lookup-error" />
        )}
        {!lookup || (start && !current) ? (
          <Spin tip={t('trace.loading')}>
            <div style={{ minHeight: 120 }} />
          </Spin>
        ) : current ? (
          <TraceResultView result={current.result} source={current.source} title={title} fileStem={fileStem} />
        ) : (
          <Empty description={t('trace.startHint')} />
        )}
      </Card>
    </AntApp>
  );
}
