/**
 * Till exports in China are often GBK (Excel's "CSV" on a Chinese Windows); others are UTF-8.
 * Strict UTF-8 first, GB18030 (a superset of GBK) when that fails, so names never turn to mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
