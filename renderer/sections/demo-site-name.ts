/**
 * The name the demo switcher shows for a terminal's site. The site document names it in the UI
 * language; before the first sync only the launcher's `siteName` is there. Terminals of an
 * earlier version decoded that name from a base64 link with `atob` alone, which turned its UTF-8
 * bytes into Latin-1 characters (人民路店 as "äººæ°‘è·¯åº—"), and the window kept that copy in its
 * local storage: such text is decoded again here.
 */
import type { SiteDoc } from '../../shared/schemas';

/** UTF-8 read as Latin-1 back to the text it was, or the text unchanged when it is not that. */
export function repairUtf8Mojibake(text: string): string {
  // Only Latin-1 characters, at least one beyond ASCII: the signature of bytes read one by one.
  const codes = Array.from(text, (c) => c.charCodeAt(0));
  if (!codes.some((code) => code >= 0x80) || codes.some((code) => code > 0xff)) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(codes));
  } catch {
    return text; // real Latin-1 text (café) is not valid UTF-8 as bytes
  }
}

export function demoSiteName(
  terminal: { siteId: string; siteName: string },
  sites: readonly Pick<SiteDoc, 'id' | 'name' | 'nameEn'>[] | null,
  language: string,
): string {
  const site = sites?.find((candidate) => candidate.id === terminal.siteId);
  if (site) return language === 'en' && site.nameEn ? site.nameEn : site.name;
  return repairUtf8Mojibake(terminal.siteName);
}
