import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountLabel, journalMemo } from '../../../shared/finance';
import type { DocumentDoc, JournalDoc, MovementDoc } from '../../../shared/schemas';
import { useLedgerAtHand, useLedgerRead, useRxQuery } from '../../db/hooks';
import { navigate } from '../../shell/routes';
import { formatMoney, formatQty, productLabel } from '../../ui/format';
import { printElement } from '../../ui/print';
import { ReceiptButton } from '../sales/ReceiptButton';
import { CustomerReturnDialog } from '../sales/CustomerReturnDialog';
import { SalesSlipButton } from '../sales-orders/SalesSlipButton';
import { useLabels, type Labels } from './labels';
import { useCustomFields, useCustomFieldText } from '../master-data/custom-field-ui';

/**
 * 穿透: one document with its lines, the stock movements it posted (each batch linking to the
 * document that created it) and its journal entries, so a figure in the books leads to the goods
 * and back.
 */
export function DocumentView({ docId }: { docId: string }) {
  const { t } = useTranslation();
  const ledger = useLedgerAtHand();
  const labels = useLabels();
  const data = useLedgerRead(
    async (ledger) => {
      const view = ledger.ledger;
      return {
        document: view.document(docId),
        movements: await ledger.movementsOfDocuments([docId]),
        entries: [...view.journalOfDocument(docId)],
      };
    },
    [docId],
  );
  // Decisions on a document an approval rule held (approval documents naming it).
  const decisions = useRxQuery<DocumentDoc>((db) => db.documents.find({ selector: { type: 'approval', subjectDocId: docId } }), [docId]);
  const decisionsText = (decisions ?? [])
    .map((decision) =>
      t('finance.doc.decision', {
        person: decision.operatorId ? labels.person(decision.operatorId) : labels.site(decision.siteId),
        decision: t(`approvals.state.${decision.status === 'rejected' ? 'rejected' : 'approved'}`),
        reason: decision.note ? ` (${decision.note})` : '',
      }),
    )
    .join('；');
  const allCustomFields = useCustomFields();
  const [returning, setReturning] = useState(false);
  const customText = useCustomFieldText();
  const productName = (id: string) => {
    const product = ledger?.ledger.product(id);
    return product ? productLabel(product, labels.language) : id;
  };
  const lotOf = (batchId: string | undefined) => (batchId ? (ledger?.ledger.batch(batchId)?.lotCode ?? batchId) : '—');
  const sourceOf = (batchId: string) => {
    const sourceId = ledger?.ledger.batch(batchId)?.sourceDocId;
    return sourceId && sourceId !== docId ? ledger?.ledger.document(sourceId) : undefined;
  };

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('journal')} data-testid="doc-back">
      {t('finance.doc.back')}
    </Button>
  );
  if (!data) return <Card data-testid="section-journal" loading />;
  const { document, movements, entries } = data;
  if (!document && movements.length === 0 && entries.length === 0) {
    return (
      <Card data-testid="section-journal" title={back}>
        <Alert type="warning" showIcon message={t('finance.doc.notFound', { number: docId })} />
      </Card>
    );
  }
  const title = document ? `${labels.docType(document.type)} ${document.number}` : (entries[0]?.docNumber ?? docId);
  // HQ's custom fields for this kind of document, filled ones only.
  const customFields = allCustomFields.filter((field) => field.entity === document?.type && document.custom?.[field.id] !== undefined);
  const signedBy = [
    ...customFields.map((field) => `${customText.label(field)}: ${customText.value(field, document?.custom)}`),
    document?.operatorId ? `${t('finance.doc.operator')}: ${labels.person(document.operatorId)}` : '',
    decisionsText ? `${t('finance.doc.decisions')}: ${decisionsText}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const print = () =>
    void printElement(
      <PrintedDocument title={title} document={document} entries={entries} labels={labels} productName={productName} signedBy={signedBy} />,
      {
        title,
        mode: 'printer',
        pageSize: 'A4',
      },
    );

  return (
    <Card
      data-testid="section-journal"
      title={
        <Space>
          {back}
          <span data-testid="doc-title">{title}</span>
        </Space>
      }
      extra={
        <Space wrap>
          {document?.type === 'sale' && <ReceiptButton docId={document.id} number={document.number} />}
          {document?.type === 'sale' && document.partnerId && document.status === 'posted' && <SalesSlipButton sale={document} />}
          {document?.type === 'sale' && document.partnerId && document.status === 'posted' && (
            <Button onClick={() => setReturning(true)} data-testid="customer-return">
              {t('sales.customerReturn.action')}
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={print}>
            {t('finance.doc.print')}
          </Button>
        </Space>
      }
    >
      {document && (
        <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }} data-testid="doc-header">
          <Descriptions.Item label={t('finance.doc.number')}>{document.number}</Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.type')}>{labels.docType(document.type)}</Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.status')}>{labels.status(document.status)}</Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.date')}>{document.businessDate}</Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.site')}>{labels.site(document.siteId)}</Descriptions.Item>
          <Descriptions.Item label={t('finance.doc.partner')}>{labels.partner(document.partnerId)}</Descriptions.Item>
          {document.operatorId && (
            <Descriptions.Item label={t('finance.doc.operator')}>
              <span data-testid="doc-operator">{labels.person(document.operatorId)}</span>
            </Descriptions.Item>
          )}
          {document.type === 'payment' && (
            <Descriptions.Item label={t('finance.payment.amount')}>
              <span data-testid="doc-payment">
                {formatMoney(document.amount)} · {t(`finance.payment.methods.${document.paymentMethod}`)}
              </span>
            </Descriptions.Item>
          )}
          {customFields.map((field) => (
            <Descriptions.Item key={field.id} label={customText.label(field)}>
              <span data-testid={`doc-custom-${field.id}`}>{customText.value(field, document.custom)}</span>
            </Descriptions.Item>
          ))}
          {decisions && decisions.length > 0 && (
            <Descriptions.Item label={t('finance.doc.decisions')} span={3}>
              <span data-testid="doc-decisions">{decisionsText}</span>
            </Descriptions.Item>
          )}
          {document.note && (
            <Descriptions.Item label={t('finance.doc.note')} span={3}>
              {document.note}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {document && (
        <>
          <Typography.Title level={5}>{t('finance.doc.lines')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, index) => String(index)}
            dataSource={document.lines}
            style={{ marginBottom: 16 }}
            columns={[
              { title: t('finance.doc.product'), key: 'product', render: (_, line) => productName(line.productId) },
              {
                title: t('finance.doc.qty'),
                key: 'qty',
                align: 'right',
                render: (_, line) => formatQty(line.qty, ledger?.ledger.product(line.productId)),
              },
              {
                title: t('finance.doc.unitCost'),
                key: 'cost',
                align: 'right',
                render: (_, line) => (line.unitCost === undefined ? '' : formatMoney(line.unitCost)),
              },
              {
                title: t('finance.doc.unitPrice'),
                key: 'price',
                align: 'right',
                render: (_, line) => (line.unitPrice === undefined ? '' : formatMoney(line.unitPrice)),
              },
              // The VAT rate a sale's price includes (its 税额 is in the entries below, account 2221).
              ...(document.lines.some((line) => line.taxRate !== undefined)
                ? [
                    {
                      title: t('finance.doc.taxRate'),
                      key: 'tax',
                      align: 'right' as const,
                      render: (_: unknown, line: (typeof document.lines)[number]) =>
                        line.taxRate === undefined ? '' : `${Math.round(line.taxRate * 10000) / 100}%`,
                    },
                  ]
                : []),
              { title: t('finance.doc.lot'), key: 'lot', render: (_, line) => line.lotCode ?? lotOf(line.batchId) },
              { title: t('finance.doc.expiry'), key: 'expiry', render: (_, line) => line.expiryDate ?? '' },
            ]}
          />
        </>
      )}
      <Typography.Title level={5}>{t('finance.doc.movements')}</Typography.Title>
      <Table<MovementDoc>
        data-testid="doc-movements"
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={movements}
        style={{ marginBottom: 16 }}
        locale={{ emptyText: t('finance.doc.noMovements') }}
        columns={[
          { title: t('finance.doc.kind'), key: 'kind', render: (_, m) => t(`finance.movementKinds.${m.kind}`) },
          { title: t('finance.doc.product'), key: 'product', render: (_, m) => productName(m.productId) },
          { title: t('finance.doc.lot'), key: 'lot', render: (_, m) => lotOf(m.batchId) },
          {
            title: t('finance.doc.qty'),
            key: 'qty',
            align: 'right',
            render: (_, m) => formatQty(m.qty, ledger?.ledger.product(m.productId)),
          },
          { title: t('finance.doc.value'), key: 'value', align: 'right', render: (_, m) => formatMoney(m.qty * m.unitCost) },
          {
            title: t('finance.doc.batchSource'),
            key: 'source',
            render: (_, m) => {
              const source = sourceOf(m.batchId);
              return source ? (
                <Typography.Link data-testid="doc-batch-source" onClick={() => navigate('journal', 'doc', source.id)}>
                  {labels.docType(source.type)} {source.number}
                </Typography.Link>
              ) : (
                ''
              );
            },
          },
        ]}
      />
      <Typography.Title level={5}>{t('finance.doc.entries')}</Typography.Title>
      {entries.length === 0 && <Typography.Text type="secondary">{t('finance.doc.noEntries')}</Typography.Text>}
      {entries.map((entry) => (
        <EntryTable key={entry.id} entry={entry} labels={labels} productName={productName} />
      ))}
      {returning && document?.type === 'sale' && <CustomerReturnDialog sale={document} onClose={() => setReturning(false)} />}
    </Card>
  );
}

function EntryTable({ entry, labels, productName }: { entry: JournalDoc; labels: Labels; productName: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <Table
      data-testid="doc-entry"
      size="small"
      pagination={false}
      rowKey={(_, index) => String(index)}
      // The stored memo is English text from posting time; the 摘要 is rebuilt in the reader's language.
      title={() => `${entry.businessDate} · ${journalMemo(entry, labels.language, labels)}`}
      dataSource={entry.lines}
      style={{ marginBottom: 12 }}
      columns={[
        {
          title: t('finance.journal.accountName'),
          key: 'account',
          render: (_, line) => `${line.accountCode} ${accountLabel(line.accountCode, labels.language)}`,
        },
        { title: t('finance.doc.product'), key: 'product', render: (_, line) => (line.productId ? productName(line.productId) : '') },
        {
          title: t('finance.journal.debit'),
          key: 'debit',
          align: 'right',
          render: (_, line) => (line.debit ? formatMoney(line.debit) : ''),
        },
        {
          title: t('finance.journal.credit'),
          key: 'credit',
          align: 'right',
          render: (_, line) => (line.credit ? formatMoney(line.credit) : ''),
        },
      ]}
    />
  );
}

/** The printed voucher: document header and its entries (static markup, escaped by React). */
function PrintedDocument(props: {
  title: string;
  document: DocumentDoc | undefined;
  entries: JournalDoc[];
  labels: Labels;
  productName: (id: string) => string;
  /** Who made it and who approved it, in the reader's language. */
  signedBy: string;
}) {
  const { title, document, entries, labels, productName, signedBy } = props;
  return (
    <div>
      <h2>{title}</h2>
      {document && (
        <p>
          {document.businessDate} · {labels.site(document.siteId)} · {labels.partner(document.partnerId)}
        </p>
      )}
      {signedBy && <p>{signedBy}</p>}
      {entries.map((entry) => (
        <table key={entry.id} style={{ marginBottom: 12 }}>
          <tbody>
            {entry.lines.map((line, index) => (
              <tr key={index}>
                <td>
                  {line.accountCode} {accountLabel(line.accountCode, labels.language)}
                </td>
                <td>{line.productId ? productName(line.productId) : ''}</td>
                <td className="num">{line.debit ? formatMoney(line.debit) : ''}</td>
                <td className="num">{line.credit ? formatMoney(line.credit) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
