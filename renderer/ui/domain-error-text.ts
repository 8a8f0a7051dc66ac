// A domain error in the user's words (kept apart from the React parts so it can be tested in Node).
import type { TFunction } from 'i18next';
import type { DomainError } from '../../shared/domain';
import type { LocalLedger } from '../db/local-ledger';
import { formatQty, productLabel } from './format';

function batchLabel(ledger: LocalLedger | null, batchId: string | null | undefined): string {
  if (!batchId) return '—';
  return ledger?.ledger.batch(batchId)?.lotCode ?? batchId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record as people know it (document number, product name, lot), never a bare UUID. */
function recordLabel(ledger: LocalLedger | null, collection: unknown, id: string, language: string, t: TFunction): string {
  const view = ledger?.ledger;
  const known =
    collection === 'documents'
      ? view?.document(id)?.number
      : collection === 'products'
        ? (() => {
            const doc = view?.product(id);
            return doc ? productLabel(doc, language) : undefined;
          })()
        : collection === 'batches'
          ? view?.batch(id)?.lotCode
          : undefined;
  return known ?? (UUID.test(id) ? t('ui.errors.thisRecord') : id);
}

/**
 * The domain's typed error in the user's words, naming the product, batch and quantity.
 * `siteName` turns a site id into the site's name (the screens pass the site documents' names).
 */
export function describeDomainError(
  error: DomainError,
  t: TFunction,
  ledger: LocalLedger | null,
  language: string,
  siteName: (id: string) => string = (id) => id,
): string {
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
        // In the product's units (3 箱 4 瓶, 1.5 kg), as every quantity is shown.
        shortfall: ((doc) => (doc ? formatQty(Number(e.shortfall), doc) : e.shortfall))(ledger?.ledger.product(String(e.productId))),
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
      return t('ui.errors.unknown-reference', {
        what: t(`sync.collections.${String(e.collection)}`, { defaultValue: String(e.collection) }),
        id: recordLabel(ledger, e.collection, String(e.id), language, t),
      });
    case 'not-postable':
      return t('ui.errors.not-postable', { reason: e.reason });
    case 'not-writable-here': {
      const id = recordLabel(ledger, e.collection, String(e.id), language, t);
      return e.writableBy === 'hq'
        ? t('ui.errors.not-writable-by-hq-only', { what: t(`sync.collections.${String(e.collection)}`), id })
        : t('ui.errors.not-writable-other-site', {
            what: t(`sync.collections.${String(e.collection)}`),
            id,
            site: typeof e.siteId === 'string' ? siteName(e.siteId) : '—',
          });
    }
    case 'invalid-state':
      return t('ui.errors.invalid-state', {
        number: e.number,
        status: t(`finance.statuses.${String(e.status)}`, { defaultValue: e.status }),
      });
    case 'already-recorded':
      return t('ui.errors.already-recorded', { number: e.number });
    case 'out-of-range': {
      const lineNo = e.lineNo as number | null;
      const fieldName = String(e.field).split('.').pop() ?? '';
      return t('ui.errors.out-of-range', {
        where: lineNo === null ? t('ui.errors.out-of-range-document') : t('ui.errors.out-of-range-line', { line: lineNo + 1 }),
        what: t(`ui.errors.out-of-range-fields.${fieldName}`, { defaultValue: fieldName }),
        value: Number(e.value).toLocaleString(language),
        limit: Number(e.limit).toLocaleString(language),
      });
    }
    case 'expired-on-receipt':
      return t('ui.errors.expired-on-receipt', {
        line: Number(e.lineNo) + 1,
        lot: e.lotCode,
        expiry: e.expiryDate,
        date: e.businessDate,
      });
    case 'no-sale-price':
      return t('ui.errors.no-sale-price', {
        product: product(String(e.productId)),
        site: siteName(String(e.siteId)),
        date: e.businessDate,
      });
    case 'duplicate-code':
      return t('ui.errors.duplicate-code', {
        what: t(`ui.errors.code-fields.${String(e.field)}`, { defaultValue: String(e.field) }),
        value: e.value,
        usedBy: e.usedBy,
      });
    case 'validation':
      return t('ui.errors.validation', { field: e.field, message: error.message });
    case 'permission-missing': {
      const permission = t(`people.permissions.${String(e.permission)}`, { defaultValue: String(e.permission) });
      return e.operatorName === null
        ? t('people.errors.signInFirst', { permission })
        : t('people.errors.missing', { person: language === 'en' && e.operatorNameEn ? e.operatorNameEn : e.operatorName, permission });
    }
    case 'approver-role': {
      const role = t(`people.roles.${String(e.role)}`, { defaultValue: String(e.role) });
      const person = language === 'en' && e.operatorNameEn ? e.operatorNameEn : e.operatorName;
      return person === null
        ? t('approvals.errors.signInFirst', { number: e.documentNumber, role })
        : t('approvals.errors.role', { number: e.documentNumber, role, person });
    }
  }
}
