import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DomainError } from '../../shared/domain';
import { PostingRefusedError } from '../db/posting';
import { useLedger } from '../db/hooks';
import type { LocalLedger } from '../db/local-ledger';
import { productLabel } from './format';

function batchLabel(ledger: LocalLedger | null, batchId: string | null | undefined): string {
  if (!batchId) return '—';
  return ledger?.ledger.batch(batchId)?.lotCode ?? batchId;
}

/** The domain's typed error in the user's words, naming the product, batch and quantity. */
export function describeDomainError(error: DomainError, t: TFunction, ledger: LocalLedger | null, language: string): string {
  const product = (id: string) => {
    const doc = ledger?.ledger.product(id);
    return doc ? productLabel(doc, language) : id;
  };
  const e = error as DomainError & Record<string, unknown>;
  switch (error.code) {
    case 'negative-stock':
      return t('ui.errors.negative-stock', { product: product(String(e.productId)), batch: batchLabel(ledger, e.batchId as string | null), shortfall: e.shortfall });
    case 'fifo-violation':
      return t('ui.errors.fifo-violation', { product: product(String(e.productId)), chosen: batchLabel(ledger, String(e.chosenBatchId)), earlier: batchLabel(ledger, String(e.earlierBatchId)) });
    case 'expired-batch':
      return t('ui.errors.expired-batch', { batch: batchLabel(ledger, String(e.batchId)), expiry: e.expiryDate });
    case 'quarantined-batch':
      return t('ui.errors.quarantined-batch', { batch: batchLabel(ledger, String(e.batchId)), status: t(`ui.qc.${String(e.qcStatus)}`) });
    case 'unknown-reference':
      return t('ui.errors.unknown-reference', { what: e.collection, id: e.id });
    case 'not-postable':
      return t('ui.errors.not-postable', { reason: e.reason });
    case 'validation':
      return t('ui.errors.validation', { field: e.field, message: error.message });
  }
}

/** Any error from a posting or a save, in words. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const { ledger } = useLedger();
  return (error) => {
    if (error instanceof PostingRefusedError) return describeDomainError(error.domainError, t, ledger, i18n.language);
    return t('ui.errors.write', { message: error instanceof Error ? error.message : String(error) });
  };
}

export function ErrorAlert({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  const text = useErrorText();
  if (!error) return null;
  return <Alert type="error" showIcon message={text(error)} data-testid={testId} style={{ marginBottom: 16 }} />;
}
