/** Purchasing controls, the books, partner ledgers, valuation, KPIs and exports (issue 7): pure, screen-ready. */
export * from './export';
export * from './journal-view';
export * from './kpi';
export * from './partner-ledger';
export * from './purchasing';
export * from './receipt-progress';
export * from './valuation-report';
export * from './stock-summary';
export * from './stock-summary-table';
export * from './statement';
export * from './consolidation';
