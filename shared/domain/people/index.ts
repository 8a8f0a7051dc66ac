export * from './accounts';
export * from './lockout';
export * from './permissions';
export * from './pin';
