export * from './wire';
export * from './schema-versions';
export * from './limits';
export * from './admin';
