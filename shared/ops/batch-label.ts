import { toGtin14 } from './scan';

/**
 * What a batch label's QR code says: a GS1 element string in its human-readable form
 * ((01) GTIN, (17) expiry YYMMDD, (10) lot), so scanning the label at dispatch names the batch.
 * Without a valid barcode on the product, the lot code alone.
 */
export function batchLabelCode(barcodes: readonly string[], lotCode: string, expiryDate: string | undefined): string {
  const gtin = barcodes.map((code) => toGtin14(code)).find((value) => value !== undefined);
  if (!gtin) return lotCode;
  const expiry = expiryDate ? `(17)${expiryDate.slice(2, 4)}${expiryDate.slice(5, 7)}${expiryDate.slice(8, 10)}` : '';
  return `(01)${gtin}${expiry}(10)${lotCode}`;
}
