// A domain error in the user's words (kept apart from the React parts so it can be tested in Node).
import type { TFunction } from 'i18next';
import type { DomainError } from '../../shared/domain';
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
      return t('ui.errors.negative-stock', {
        product: product(String(e.productId)),
        batch: batchLabel(ledger, e.batchId as string | null),
        shortfall: e.shortfall,
      });
    case 'fifo-violation':
      return t('ui.errors.fifo-violation', {
        product: product(String(e.productId)),
        chosen: batchLabel(ledger, String(e.chosenBatchId)),
        earlier: batchLabel(ledger, String(e.earlierBatchId)),
      });
    case 'expired-batch':
      return t('ui.errors.expired-batch', { batch: batchLabel(ledger, String(e.batchId)), expiry: e.expiryDate });
    case 'quarantined-batch':
      return t('ui.errors.quarantined-batch', { batch: batchLabel(ledger, String(e.batchId)), status: t(`ui.qc.${String(e.qcStatus)}`) });
    case 'unknown-reference':
      return t('ui.errors.unknown-reference', { what: e.collection, id: e.id });
    case 'not-postable':
      return t('ui.errors.not-postable', { reason: e.reason });
    case 'not-writable-here':
      return e.writableBy === 'hq'
        ? t('ui.errors.not-writable-by-hq-only', { what: t(`sync.collections.${String(e.collection)}`), id: e.id })
        : t('ui.errors.not-writable-other-site', { what: t(`sync.collections.${String(e.collection)}`), id: e.id, site: e.siteId ?? '—' });
    case 'invalid-state':
      return t('ui.errors.invalid-state', {
        number: e.number,
        status: t(`finance.statuses.${String(e.status)}`, { defaultValue: e.status }),
      });
    case 'already-recorded':
      return t('ui.errors.already-recorded', { number: e.number });
    case 'validation':
      return t('ui.errors.validation', { field: e.field, message: error.message });
  }
}
