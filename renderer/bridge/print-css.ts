/**
 * The @page rule the web bridge adds to a print document, so the browser's dialog starts on the
 * requested sheet (A4, A5, or a label size in mm). Pure, unit-tested.
 */
import type { PrintRequest } from '../../shared/bridge';

function mm(value: number): string {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`page size must be a positive number of mm, got ${value}`);
  // Rounded to 0.01 mm: finer is meaningless on paper and keeps the CSS tidy.
  return `${Math.round(value * 100) / 100}mm`;
}

export function pageCss(request: Pick<PrintRequest, 'pageSize' | 'landscape' | 'margins'>): string {
  const landscape = request.landscape ?? false;
  let size: string;
  if (typeof request.pageSize === 'string') {
    size = `${request.pageSize} ${landscape ? 'landscape' : 'portrait'}`;
  } else {
    // Explicit lengths take no orientation keyword, so landscape swaps them.
    const { widthMm, heightMm } = request.pageSize;
    size = landscape ? `${mm(heightMm)} ${mm(widthMm)}` : `${mm(widthMm)} ${mm(heightMm)}`;
  }
  const margin = request.margins === 'none' ? ' margin: 0;' : '';
  return `@page { size: ${size};${margin} }`;
}
