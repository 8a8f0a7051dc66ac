/** The stock-ledger domain core: pure rules shared by every process (ARCHITECTURE.md, DOMAIN.md). */
export * from './accounts';
export * from './dates';
export * from './errors';
export * from './exceptions';
export * from './expiry';
export * from './ids';
export * from './journal';
export type * from './ledger-view';
export * from './numbers';
export * from './opening-positions';
export * from './policy';
export * from './postings';
export * from './projection';
export * from './selection';
export * from './site-time';
export * from './valuation';
