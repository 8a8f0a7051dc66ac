export * from './held';
export * from './rules';
