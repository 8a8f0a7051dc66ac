/** Scanner input: what a read is (parse), and which product, batch and quantity it names (resolve). */
export * from './aim';
export * from './check-digit';
export * from './errors';
export * from './gs1';
export { hasPredefinedLength, matchAi } from './gs1-ai';
export * from './parse';
export * from './resolve';
export * from './scale-barcode';
