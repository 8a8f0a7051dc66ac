// Addressing (SYNC-PROTOCOL.md v1.1): which documents and events name another site in `toSiteId`,
// and between which kinds of site (sender → addressee). The endpoint refuses anything else (403),
// so a store can no longer put a fake dispatch into another store's receiving list. A new type
// declares its pairs here when it is added.
import type { SiteKind } from './sites';

/** Sender kind → addressee kinds. */
export type AddresseePairs = Readonly<Partial<Record<SiteKind, readonly SiteKind[]>>>;

/** Document types that take an addressee; any other known type takes none. */
export const documentAddressees: Readonly<Record<string, AddresseePairs>> = {
  dispatch: { kitchen: ['store'] },
  // 调拨: a store lends stock to another store (issue 17).
  transfer: { store: ['store'] },
  'store-request': { store: ['kitchen'] },
  // Both answer a dispatch or transfer addressed to the sender, so they go back to its site: the
  // dispatch's kitchen, the transfer's store.
  'store-receipt': { store: ['kitchen', 'store'] },
  discrepancy: { store: ['kitchen', 'store'] },
  // An approval tells the site whose purchase order it decides.
  approval: { hq: ['kitchen', 'store'] },
};

/**
 * Document types that answer a dispatch or transfer (\`dispatchId\`): it must exist and be
 * addressed to the answering site, and the answer goes back to its own site. A store learns of a
 * dispatch only by pulling it from the endpoint, so the dispatch is always stored first.
 */
export const answersDispatch: ReadonlySet<string> = new Set(['store-receipt', 'discrepancy']);

/**
 * Events tell another site of something (a store's discrepancy to its kitchen, a temperature
 * alarm to a batch's origin, an approval to the ordering site): any kind of site to any other.
 */
export const eventAddressees: AddresseePairs = {
  hq: ['hq', 'kitchen', 'store'],
  kitchen: ['hq', 'kitchen', 'store'],
  store: ['hq', 'kitchen', 'store'],
};
