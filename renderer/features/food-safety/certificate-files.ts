/**
 * Certificates are content-addressed files (SYNC-PROTOCOL.md, Files): hashed here, PUT to the
 * endpoint under their sha-256, and named from the batch by hash. The upload happens before the
 * batch names the hash, so a batch never points at a file the endpoint lacks.
 */
export const MAX_CERTIFICATE_BYTES = 20 * 1024 * 1024;

export function isCertificateType(mimeType: string, fileName: string): boolean {
  return mimeType.startsWith('image/') || mimeType === 'application/pdf' || /\.(pdf|jpe?g|png|webp|heic)$/i.test(fileName);
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export class CertificateUploadError extends Error {
  override readonly name = 'CertificateUploadError';
  constructor(
    readonly reason: 'offline' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

/** Uploads the bytes; resolves with their hash once the endpoint holds them. */
export async function uploadCertificate(endpointUrl: string, token: string, file: { bytes: ArrayBuffer; type: string }): Promise<string> {
  const hash = await sha256Hex(file.bytes);
  let response: Response;
  try {
    response = await fetch(`${endpointUrl.replace(/\/$/, '')}/api/v1/files/${hash}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': file.type || 'application/octet-stream' },
      body: file.bytes,
    });
  } catch (error) {
    throw new CertificateUploadError('offline', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
    throw new CertificateUploadError('refused', body.message ?? body.error ?? `HTTP ${response.status}`);
  }
  return hash;
}
