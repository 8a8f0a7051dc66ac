import { Alert, App, Button, Input, Popconfirm, Segmented, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QTY_EPSILON } from '../../../shared/domain';
import { foodSafetyOptionsFromConfig } from '../../../shared/ops';
import type { BatchDoc, ConfigDoc, ProductDoc } from '../../../shared/schemas';
import { useLedgerAtHand, useLedgerRead, useRxQuery, useTerminal } from '../../db/hooks';
import { FileUploadError } from '../../db/file-outbox';
import { useCommand } from '../../db/commands';
import { useFileOutbox, useQueuedFiles } from '../../db/session';
import { ErrorAlert } from '../../ui/errors';
import { formatQty, formatSiteDate, productLabel } from '../../ui/format';
import { isCertificateType, MAX_CERTIFICATE_BYTES } from './certificate-files';
import { QcTag } from './QcTag';
import { usePartners, useSites } from './site-names';

interface Row {
  batch: BatchDoc;
  product: ProductDoc | undefined;
  qty: number;
}

/** 检疫证明与质检: attach certificates to the site's batches and release held ones. */
export function CertificatesPanel({ siteId, canWrite }: { siteId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const ledger = useLedgerAtHand();
  const command = useCommand();
  const terminal = useTerminal();
  const files = useFileOutbox();
  const queuedFiles = useQueuedFiles();
  const queuedFor = useMemo(() => {
    const byBatch = new Map<string, { count: number; refused?: string }>();
    for (const file of queuedFiles) {
      if (file.purpose.kind !== 'certificate') continue;
      const entry = byBatch.get(file.purpose.batchId) ?? { count: 0 };
      byBatch.set(file.purpose.batchId, {
        count: entry.count + 1,
        ...(file.lastError ? { refused: file.lastError } : entry.refused ? { refused: entry.refused } : {}),
      });
    }
    return byBatch;
  }, [queuedFiles]);
  const { siteName } = useSites();
  const { partnerName } = usePartners();
  const [filter, setFilter] = useState<'attention' | 'all'>('attention');
  const [search, setSearch] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [uploadFor, setUploadFor] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const config = useRxQuery<ConfigDoc>((database) => database.config.find({ selector: { key: 'site-policy', siteId } }), [siteId]);
  const options = foodSafetyOptionsFromConfig(config?.[0]);

  const rows =
    useLedgerRead(
      (ledger): Row[] => {
        if (!ledger) return [];
        const result: Row[] = [];
        for (const position of ledger.ledger.positions()) {
          if (position.siteId !== siteId || position.qty <= QTY_EPSILON) continue;
          const batch = ledger.ledger.batch(position.batchId);
          if (batch) result.push({ batch, product: ledger.ledger.product(position.productId), qty: position.qty });
        }
        // Held batches first (they block sales and dispatch), then the newest receipts.
        return result.sort(
          (a, b) =>
            Number(a.batch.qcStatus === 'released') - Number(b.batch.qcStatus === 'released') ||
            b.batch.receivedAt.localeCompare(a.batch.receivedAt),
        );
      },
      [siteId],
    ) ?? [];

  // The hold rule itself (uncertified supplier batches → QC pending) is the `batch.hold-uncertified`
  // command, run by the shell's background rules (renderer/shell/background-rules.ts).
  const hold = options.holdBatchesWithoutCertificate;

  const needle = search.trim().toLowerCase();
  const visible = rows.filter((row) => {
    if (filter === 'attention' && row.batch.qcStatus === 'released') return false;
    if (!needle) return true;
    const names = [row.batch.lotCode, row.product?.name, row.product?.nameEn, row.product?.sku, ...(row.product?.barcodes ?? [])];
    return names.some((name) => name?.toLowerCase().includes(needle));
  });

  const writable = (batch: BatchDoc) => canWrite && batch.siteId === terminal?.siteId;
  const notOwn = (batch: BatchDoc) => t('foodSafety.certificates.notOwnBatch', { lot: batch.lotCode, site: siteName(batch.siteId) });

  const onFile = async (file: File | undefined) => {
    const batchId = uploadFor;
    if (fileInput.current) fileInput.current.value = '';
    if (!file || !batchId) return;
    setError(null);
    try {
      if (!isCertificateType(file.type, file.name)) throw new Error(t('foodSafety.certificates.wrongType', { file: file.name }));
      if (file.size > MAX_CERTIFICATE_BYTES)
        throw new Error(t('foodSafety.certificates.tooLarge', { file: file.name, size: (file.size / 1048576).toFixed(1) }));
      if (!files) throw new Error(t('foodSafety.certificates.notPaired'));
      const lot = ledger?.ledger.batch(batchId)?.lotCode ?? batchId;
      const { queued } = await files.add(
        { bytes: await file.arrayBuffer(), type: file.type, name: file.name },
        { kind: 'certificate', batchId, lotCode: lot },
      );
      if (queued) message.warning(t('foodSafety.certificates.queued', { lot, file: file.name }));
      else message.success(t('foodSafety.certificates.attached', { lot }));
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message : String(caught);
      setError(
        new Error(caught instanceof FileUploadError ? t('foodSafety.certificates.uploadFailed', { file: file.name, reason }) : reason),
      );
    } finally {
      setUploadFor(null);
    }
  };

  const release = async (row: Row) => {
    if (!command) return;
    setError(null);
    try {
      await command('batch.release', {
        batchId: row.batch.id,
        reason: row.batch.certificateHashes.length ? 'certificate attached' : 'checked',
      });
      message.success(t('foodSafety.certificates.released', { lot: row.batch.lotCode }));
    } catch (caught) {
      setError(caught);
    }
  };

  const toggleHold = async (checked: boolean) => {
    if (!command) return;
    await command('config.save', { key: 'site-policy', siteId, patch: { holdBatchesWithoutCertificate: checked } }).catch(setError);
  };

  return (
    <div data-testid="certificates-panel">
      <Typography.Paragraph type="secondary">{t('foodSafety.certificates.intro')}</Typography.Paragraph>
      <Alert
        type={hold ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="hold-policy"
        message={hold ? t('foodSafety.certificates.holdOn') : t('foodSafety.certificates.holdOff')}
        action={
          <Space>
            <Switch checked={hold} disabled={terminal?.siteKind !== 'hq'} onChange={toggleHold} data-testid="hold-toggle" />
            <span>{terminal?.siteKind === 'hq' ? t('foodSafety.certificates.holdToggle') : t('foodSafety.certificates.holdSetByHq')}</span>
          </Space>
        }
      />
      <ErrorAlert error={error} testId="certificate-error" />
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={filter}
          onChange={(value) => setFilter(value as 'attention' | 'all')}
          options={[
            {
              value: 'attention',
              label: `${t('foodSafety.certificates.filterAttention')} (${rows.filter((row) => row.batch.qcStatus !== 'released').length})`,
            },
            { value: 'all', label: `${t('foodSafety.certificates.filterAll')} (${rows.length})` },
          ]}
          data-testid="certificate-filter"
        />
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={t('foodSafety.certificates.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="certificate-search"
        />
      </Space>
      <input
        ref={fileInput}
        type="file"
        accept="image/*,application/pdf"
        hidden
        data-testid="certificate-file"
        onChange={(event) => void onFile(event.target.files?.[0])}
      />
      <Table<Row>
        size="small"
        rowKey={(row) => row.batch.id}
        dataSource={visible}
        loading={!ledger}
        pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: filter === 'attention' ? t('foodSafety.certificates.empty') : t('foodSafety.certificates.emptyAll') }}
        onRow={(row) => ({ 'data-testid': `certificate-row-${row.batch.lotCode}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('foodSafety.certificates.product'),
            key: 'product',
            width: 200,
            render: (_, row) => (row.product ? productLabel(row.product, i18n.language) : row.batch.productId),
          },
          { title: t('foodSafety.certificates.lot'), key: 'lot', width: 130, render: (_, row) => row.batch.lotCode },
          {
            title: t('foodSafety.certificates.supplier'),
            key: 'supplier',
            width: 160,
            render: (_, row) => (row.batch.supplierId ? partnerName(row.batch.supplierId) : siteName(row.batch.siteId)),
          },
          {
            title: t('foodSafety.certificates.received'),
            key: 'received',
            width: 110,
            render: (_, row) => formatSiteDate(row.batch.receivedAt),
          },
          {
            title: t('foodSafety.certificates.onHand'),
            key: 'qty',
            width: 100,
            align: 'right',
            render: (_, row) => formatQty(row.qty, row.product),
          },
          { title: t('foodSafety.certificates.qc'), key: 'qc', width: 90, render: (_, row) => <QcTag status={row.batch.qcStatus} /> },
          {
            title: t('foodSafety.certificates.files'),
            key: 'files',
            width: 110,
            render: (_, row) => {
              const waiting = queuedFor.get(row.batch.id);
              const waitingTag = waiting ? (
                <Tooltip
                  title={
                    waiting.refused
                      ? t('foodSafety.certificates.queueRefused', { reason: waiting.refused })
                      : t('foodSafety.certificates.queueHint')
                  }
                >
                  <Tag color={waiting.refused ? 'red' : 'orange'} data-testid="certificate-queued">
                    {t('foodSafety.certificates.queuedTag', { count: waiting.count })}
                  </Tag>
                </Tooltip>
              ) : null;
              return row.batch.certificateHashes.length ? (
                <Space size={2} wrap>
                  <Tooltip title={row.batch.certificateHashes.map((hash) => hash.slice(0, 12)).join(', ')}>
                    <Tag icon={<PaperClipOutlined />} color="green" data-testid="certificate-count">
                      {t('foodSafety.certificates.fileCount', { count: row.batch.certificateHashes.length })}
                    </Tag>
                  </Tooltip>
                  {waitingTag}
                </Space>
              ) : (
                (waitingTag ?? <Typography.Text type="secondary">{t('foodSafety.certificates.noFiles')}</Typography.Text>)
              );
            },
          },
          {
            title: '',
            key: 'actions',
            width: 200,
            render: (_, row) => {
              const ownHint = writable(row.batch) ? undefined : notOwn(row.batch);
              const blockedByHold = hold && row.batch.qcStatus === 'pending' && row.batch.certificateHashes.length === 0;
              return (
                <Space size={4}>
                  <Tooltip title={ownHint}>
                    <Button
                      size="small"
                      icon={<PaperClipOutlined />}
                      disabled={!writable(row.batch)}
                      loading={uploadFor === row.batch.id}
                      data-testid="certificate-attach"
                      onClick={() => {
                        setUploadFor(row.batch.id);
                        fileInput.current?.click();
                      }}
                    >
                      {t('foodSafety.certificates.attach')}
                    </Button>
                  </Tooltip>
                  {row.batch.qcStatus !== 'released' && (
                    <Tooltip title={ownHint ?? (blockedByHold ? t('foodSafety.certificates.needsCertificate') : undefined)}>
                      <Popconfirm
                        title={t('foodSafety.certificates.releaseConfirm', {
                          lot: row.batch.lotCode,
                          product: row.product ? productLabel(row.product, i18n.language) : '',
                        })}
                        onConfirm={() => release(row)}
                        disabled={!writable(row.batch) || blockedByHold}
                      >
                        <Button
                          size="small"
                          type="primary"
                          icon={<CheckCircleOutlined />}
                          disabled={!writable(row.batch) || blockedByHold}
                          data-testid="certificate-release"
                        >
                          {t('foodSafety.certificates.release')}
                        </Button>
                      </Popconfirm>
                    </Tooltip>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </div>
  );
}
