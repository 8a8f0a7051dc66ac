/** Pure logic behind the store-operation screens (issue 6); screens only wire these up. */
export * from './count-batches';
export * from './count-session';
export * from './csv';
export * from './exceptions-view';
export * from './expiry-board';
export * from './food-safety';
export * from './pos-import';
export * from './scan';
export * from './search';
export * from './trace';
export * from './approval-queue';
export * from './message-centre';
