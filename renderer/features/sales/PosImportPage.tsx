import { Alert, Button, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsToPost, previewPosImport, type ColumnMapping, type PosField, type PreviewRow } from '../../../shared/ops';
import type { DocumentDoc, ProductDoc } from '../../../shared/schemas';
import { useCommand } from '../../db/commands';
import { useLedgerAtHand, useRxQuery, useTerminal } from '../../db/hooks';
import { useErrorText } from '../../ui/errors';
import { formatMoney, formatQty, productLabel } from '../../ui/format';
import { posReasonKey } from './pos-reasons';
import { decodeCsvBytes } from './read-text-file';
import { siteTimeZoneNow } from '../../state/site-clock-store';

const fields: readonly PosField[] = ['date', 'productCode', 'barcode', 'quantity', 'amount'];

interface LoadedFile {
  name: string;
  text: string;
  importedAt: string;
}

interface PostOutcome {
  posted: { number: string; rows: number }[];
  failed: { number: string; message: string }[];
  skippedRows: number;
}

/** POS CSV import: choose, map columns (guessed, editable), preview with per-row errors, post once. */
export default function PosImportPage() {
  const { t, i18n } = useTranslation();
  const terminal = useTerminal();
  const ledger = useLedgerAtHand();
  const command = useCommand();
  const errorText = useErrorText();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [outcome, setOutcome] = useState<PostOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const siteId = terminal?.siteId;
  const products = useRxQuery<ProductDoc>((db) => db.products.find(), []);
  const sales = useRxQuery<DocumentDoc>((db) => (siteId ? db.documents.find({ selector: { siteId, type: 'sale' } }) : null), [siteId]);
  const existing = useMemo(() => new Set((sales ?? []).map((d) => d.id)), [sales]);

  const preview = useMemo(() => {
    if (!file || !products || !terminal) return null;
    return previewPosImport(file.text, {
      siteId: terminal.siteId,
      terminalId: terminal.terminalId,
      products,
      existingDocumentIds: existing,
      importedAt: file.importedAt,
      timeZone: siteTimeZoneNow(), // each sale dated at the end of its day on the site's clock
      ...(mapping ? { mapping } : {}),
    });
  }, [file, products, terminal, existing, mapping]);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    const { text } = decodeCsvBytes(new Uint8Array(await chosen.arrayBuffer()));
    setFile({ name: chosen.name, text, importedAt: new Date().toISOString() });
    setMapping(null);
    setOutcome(null);
    if (fileInput.current) fileInput.current.value = ''; // choosing the same file again must fire change
  };

  const toPost = preview ? documentsToPost(preview, existing) : [];
  const post = async () => {
    if (!command || !preview) return;
    setBusy(true);
    const result: PostOutcome = { posted: [], failed: [], skippedRows: preview.alreadyImportedRows.length };
    for (const document of toPost) {
      try {
        await command('sale.import', { document });
        result.posted.push({ number: document.number, rows: document.lines.length });
      } catch (caught) {
        result.failed.push({ number: document.number, message: errorText(caught) });
      }
    }
    setOutcome(result);
    setBusy(false);
  };

  if (!terminal)
    return (
      <Card data-testid="section-pos-import">
        <Empty description={t('sections.notPaired')} />
      </Card>
    );
  const productName = (id: string | undefined) => {
    const product = id ? ledger?.ledger.product(id) : undefined;
    return product ? productLabel(product, i18n.language) : '—';
  };
  const errors = preview?.rows.flatMap((row) => row.errors) ?? [];
  const validRows = preview?.rows.filter((row) => row.errors.length === 0).length ?? 0;
  const newRows = toPost.reduce((sum, d) => sum + d.lines.length, 0);

  return (
    <div data-testid="section-pos-import">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.pos-import')}
      </Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap>
            <input
              ref={fileInput}
              type="file"
              accept=".csv,.txt,text/csv"
              style={{ display: 'none' }}
              data-testid="pos-file"
              onChange={(e) => void choose(e.target.files?.[0])}
            />
            <Button type="primary" icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} autoFocus data-testid="pos-choose">
              {t('sales.pos.choose')}
            </Button>
            <Typography.Text type="secondary">{file ? t('sales.pos.file', { name: file.name }) : t('sales.pos.hint')}</Typography.Text>
          </Space>
        </Card>
        {!file ? null : !preview ? (
          <Spin>
            <div style={{ height: 80 }} />
          </Spin>
        ) : (
          <>
            <Card size="small" title={t('sales.pos.mapping')}>
              <Row gutter={[16, 8]}>
                {fields.map((field) => (
                  <Col key={field} xs={12} md={Math.floor(24 / fields.length)} style={{ minWidth: 170 }}>
                    <Typography.Text>{t(`sales.pos.fields.${field}`)}</Typography.Text>
                    <Select
                      style={{ width: '100%' }}
                      value={preview.mapping[field] ?? -1}
                      data-testid={`pos-map-${field}`}
                      onChange={(index: number) => {
                        const next: ColumnMapping = { ...preview.mapping };
                        if (index < 0) delete next[field];
                        else next[field] = index;
                        setMapping(next);
                      }}
                      options={[
                        { value: -1, label: t('sales.pos.notMapped') },
                        ...preview.headers.map((header, index) => ({
                          value: index,
                          label: header || t('sales.pos.column', { n: index + 1 }),
                        })),
                      ]}
                    />
                  </Col>
                ))}
              </Row>
            </Card>
            {preview.missing.length > 0 ? (
              <Alert
                type="error"
                showIcon
                data-testid="pos-missing"
                message={t('sales.pos.missing', { fields: preview.missing.map((f) => t(`sales.pos.fields.${f}`)).join('、') })}
              />
            ) : null}
            <Card size="small">
              <Space wrap size="large">
                <Statistic title={t('sales.pos.rows')} value={preview.rows.length} />
                <Statistic title={t('sales.pos.valid')} value={validRows} />
                <Statistic
                  title={t('sales.pos.errorRows')}
                  value={preview.rows.length - validRows}
                  valueStyle={errors.length ? { color: '#cf1322' } : undefined}
                />
                <Statistic title={t('sales.pos.already')} value={preview.alreadyImportedRows.length} />
                <Statistic title={t('sales.pos.new')} value={newRows} />
              </Space>
            </Card>
            {preview.alreadyImportedRows.length > 0 ? (
              <Alert
                type="info"
                showIcon
                data-testid="pos-already"
                message={t('sales.pos.alreadyNote', { count: preview.alreadyImportedRows.length })}
              />
            ) : null}
            {errors.length > 0 ? (
              <Table
                size="small"
                rowKey={(e) => `${e.rowNumber}-${e.field}`}
                dataSource={errors}
                pagination={errors.length > 10 ? { pageSize: 10 } : false}
                data-testid="pos-errors"
                title={() => t('sales.pos.errorsTitle')}
                columns={[
                  { title: t('sales.pos.row'), dataIndex: 'rowNumber', key: 'row', width: 80 },
                  {
                    title: t('sales.pos.field'),
                    key: 'field',
                    width: 140,
                    render: (_: unknown, e) => (e.field === 'row' ? t('sales.pos.row') : t(`sales.pos.fields.${e.field}`)),
                  },
                  {
                    title: t('sales.pos.reason'),
                    key: 'reason',
                    render: (_: unknown, e) => {
                      const known = posReasonKey(e.reason);
                      return known ? t(known.key, { value: known.value, interpolation: { escapeValue: false } }) : e.reason;
                    },
                  },
                ]}
              />
            ) : null}
            <Table<PreviewRow>
              size="small"
              rowKey="rowNumber"
              dataSource={preview.rows}
              pagination={preview.rows.length > 50 ? { pageSize: 50 } : false}
              data-testid="pos-preview"
              title={() => t('sales.pos.previewTitle')}
              columns={[
                { title: t('sales.pos.row'), dataIndex: 'rowNumber', key: 'row', width: 70 },
                { title: t('sales.pos.fields.date'), dataIndex: 'businessDate', key: 'date', width: 120 },
                { title: t('sales.col.product'), key: 'product', render: (_: unknown, row) => productName(row.productId) },
                {
                  title: t('sales.col.qty'),
                  key: 'qty',
                  width: 110,
                  align: 'right',
                  render: (_: unknown, row) =>
                    row.qty === undefined ? '—' : formatQty(row.qty, row.productId ? ledger?.ledger.product(row.productId) : undefined),
                },
                {
                  title: t('sales.pos.fields.amount'),
                  key: 'amount',
                  width: 110,
                  align: 'right',
                  render: (_: unknown, row) => (row.amount === undefined ? '—' : formatMoney(row.amount)),
                },
                {
                  title: t('sales.pos.status'),
                  key: 'status',
                  width: 140,
                  render: (_: unknown, row) =>
                    row.errors.length > 0 ? (
                      <Tag color="red">{t('sales.pos.statusError')}</Tag>
                    ) : row.alreadyImported ? (
                      <Tag>{t('sales.pos.statusAlready')}</Tag>
                    ) : (
                      <Tag color="green">{t('sales.pos.statusNew')}</Tag>
                    ),
                },
              ]}
            />
            {outcome ? (
              <Alert
                type={outcome.failed.length > 0 ? 'warning' : 'success'}
                showIcon
                data-testid="pos-outcome"
                message={t('sales.pos.outcome', {
                  posted: outcome.posted.length,
                  rows: outcome.posted.reduce((s, p) => s + p.rows, 0),
                  skipped: outcome.skippedRows,
                })}
                description={outcome.failed.length > 0 ? outcome.failed.map((f) => `${f.number}: ${f.message}`).join('\n') : undefined}
              />
            ) : null}
            <Space>
              <Button
                type="primary"
                size="large"
                disabled={toPost.length === 0 || busy}
                loading={busy}
                onClick={() => void post()}
                data-testid="pos-post"
              >
                {t('sales.pos.post', { count: newRows })}
              </Button>
              {toPost.length === 0 && preview.missing.length === 0 ? (
                <Typography.Text type="secondary" data-testid="pos-nothing">
                  {t('sales.pos.nothing', { count: preview.alreadyImportedRows.length })}
                </Typography.Text>
              ) : null}
            </Space>
          </>
        )}
      </Space>
    </div>
  );
}
