export * from './wire';
export * from './schema-versions';
