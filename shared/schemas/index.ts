/**
 * The RxDB collection schemas, defined once and shared by the renderer's local store, the
 * server's validator and the domain rules (ARCHITECTURE.md, Collections).
 */
import { batchSchema } from './batches';
import { configSchema } from './config';
import { documentSchema } from './documents';
import { eventSchema } from './events';
import { journalSchema } from './journal';
import { movementSchema } from './movements';
import { partnerSchema } from './partners';
import { personSchema } from './people';
import { productSchema } from './products';
import { siteSchema } from './sites';
import type { CollectionSchemaShape } from './json-schema-types';
import type { BatchDoc } from './batches';
import type { ConfigDoc } from './config';
import type { DocumentDoc } from './documents';
import type { EventDoc } from './events';
import type { JournalDoc } from './journal';
import type { MovementDoc } from './movements';
import type { PartnerDoc } from './partners';
import type { PersonDoc } from './people';
import type { ProductDoc } from './products';
import type { SiteDoc } from './sites';

export * from './batches';
export * from './config';
export * from './documents';
export * from './document-types';
export * from './events';
export * from './journal';
export * from './movements';
export * from './partners';
export * from './people';
export * from './products';
export * from './sites';
export type { FromSchema, CollectionSchemaShape } from './json-schema-types';

export const collectionNames = [
  'sites',
  'products',
  'partners',
  'batches',
  'movements',
  'documents',
  'journal',
  'events',
  'config',
  // Issue 15: staff accounts (none in the first release).
  'people',
] as const;
export type CollectionName = (typeof collectionNames)[number];

export const collectionSchemas = {
  sites: siteSchema,
  products: productSchema,
  partners: partnerSchema,
  batches: batchSchema,
  movements: movementSchema,
  documents: documentSchema,
  journal: journalSchema,
  events: eventSchema,
  config: configSchema,
  people: personSchema,
} as const satisfies { readonly [K in CollectionName]: CollectionSchemaShape };

export type CollectionSchemas = typeof collectionSchemas;

/**
 * Reference data is visible to every site and written by HQ (batches: by their site of origin);
 * transactional data belongs to one site (`siteId`) — SYNC-PROTOCOL.md, Identity and scope.
 * Site reference data (people) is written by HQ like reference data but read like transactional
 * data: by HQ and by the site named in `siteId` only, so a PIN hash reaches no other site.
 */
export type CollectionKind = 'reference' | 'transactional' | 'site-reference';
export const collectionKinds: Readonly<Record<CollectionName, CollectionKind>> = {
  sites: 'reference',
  products: 'reference',
  partners: 'reference',
  batches: 'reference',
  config: 'reference',
  people: 'site-reference',
  movements: 'transactional',
  documents: 'transactional',
  journal: 'transactional',
  events: 'transactional',
};

/** Never updated once written: a mistake is corrected by a reversing document. */
export const appendOnlyCollections: ReadonlySet<CollectionName> = new Set<CollectionName>(['movements', 'journal', 'events']);

/** The document type stored in each collection. */
export interface CollectionDocTypes {
  sites: SiteDoc;
  products: ProductDoc;
  partners: PartnerDoc;
  batches: BatchDoc;
  movements: MovementDoc;
  documents: DocumentDoc;
  journal: JournalDoc;
  events: EventDoc;
  config: ConfigDoc;
  people: PersonDoc;
}

/** Whether a non-HQ terminal reads only the documents of its own site (and those addressed to it). */
export function readBySite(collection: CollectionName): boolean {
  return collectionKinds[collection] !== 'reference';
}
