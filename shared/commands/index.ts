/** Named business writes: pure rules in, records out (ARCHITECTURE.md, "Commands are the one write path"). */
export * from './registry';
export * from './types';
export { configDocumentId } from './reference';
export type { RequestLineInput, RequestSubmitInput } from './requests';
export type { OrderLineInput, ReceiptLineInput } from './purchasing';
export type { PartnerDraft, ProductDraft } from './master-data';
export type { PersonDraft } from './people';
export { assertPermitted, commandPermission, permissionsNeeded } from './permissions';
