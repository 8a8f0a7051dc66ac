// Printing for the kitchen: QR codes as SVG data URLs (shown through <img>, so the QR text is
// never markup) and a test hook on what was printed.
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import QRCode from 'qrcode';
import type { PrintResult } from '../../../shared/bridge';
import { printElement, type PrintOptions } from '../../ui/print';

export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

declare global {
  interface Window {
    /** The last printed document's body, kept only under automation (navigator.webdriver). */
    __larderLastPrint?: { title: string; html: string };
  }
}

/**
 * Prints through the bridge. In browser mode the page cannot read the sandboxed print frame,
 * so under automation only the rendered markup is also kept on `window.__larderLastPrint`.
 */
export function printKitchenDocument(element: ReactElement, options: PrintOptions): Promise<PrintResult> {
  if (navigator.webdriver) window.__larderLastPrint = { title: options.title, html: renderToStaticMarkup(element) };
  return printElement(element, options);
}
