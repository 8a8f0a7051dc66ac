/**
 * PrintRequest → Electron print / printToPDF options (pure; electron imported for types only).
 * The two APIs take custom page sizes in different units: print() in microns, printToPDF in inches.
 */
import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import type { PrintPageSize, PrintRequest } from '../../shared/bridge';

const MM_PER_INCH = 25.4;

export function toPrintOptions(request: PrintRequest): WebContentsPrintOptions {
  return {
    silent: request.silent ?? false,
    // Labels and receipts carry black bars and shaded headers that must print.
    printBackground: true,
    landscape: request.landscape ?? false,
    pageSize: microns(request.pageSize),
    margins: { marginType: request.margins === 'none' ? 'none' : 'default' },
    copies: request.copies ?? 1,
    ...(request.deviceName !== undefined ? { deviceName: request.deviceName } : {}),
  };
}

export function toPdfOptions(request: PrintRequest): PrintToPDFOptions {
  return {
    printBackground: true,
    landscape: request.landscape ?? false,
    pageSize: inches(request.pageSize),
    // printToPDF's default margins are ~0.4 in, which would crop an edge-to-edge label.
    ...(request.margins === 'none' ? { margins: { top: 0, bottom: 0, left: 0, right: 0 } } : {}),
  };
}

function microns(size: PrintPageSize): WebContentsPrintOptions['pageSize'] {
  return typeof size === 'string' ? size : { width: Math.round(size.widthMm * 1000), height: Math.round(size.heightMm * 1000) };
}

function inches(size: PrintPageSize): PrintToPDFOptions['pageSize'] {
  return typeof size === 'string' ? size : { width: size.widthMm / MM_PER_INCH, height: size.heightMm / MM_PER_INCH };
}

/** Electron reports a user cancel as a failure whose reason is "Print job canceled". */
export function isCancelReason(failureReason: string): boolean {
  return /cancel/i.test(failureReason);
}
