/**
 * Certificates are content-addressed files (SYNC-PROTOCOL.md, Files), uploaded — or kept until
 * the endpoint is back — by the session's file outbox (renderer/db/file-outbox.ts), which names
 * the hash on the batch only once the endpoint holds the file.
 */
export const MAX_CERTIFICATE_BYTES = 20 * 1024 * 1024;

export function isCertificateType(mimeType: string, fileName: string): boolean {
  return mimeType.startsWith('image/') || mimeType === 'application/pdf' || /\.(pdf|jpe?g|png|webp|heic)$/i.test(fileName);
}
