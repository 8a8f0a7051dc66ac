import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PrintPageSize, PrintResult } from '../../shared/bridge';
import { bridge } from '../bridge';

export interface PrintOptions {
  title: string;
  mode: 'printer' | 'pdf';
  pageSize: PrintPageSize;
  landscape?: boolean;
  margins?: 'default' | 'none';
  suggestedName?: string;
  /** Extra CSS for the printed document (print stylesheets, label layout). */
  css?: string;
}

const baseCss = `
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #111; font-size: 11pt; margin: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #f2f2f2; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
`;

/**
 * Prints a React element through the bridge: rendered to static markup (React escapes every
 * value, so no HTML is built by concatenation), wrapped in a complete document.
 */
export function printElement(element: ReactElement, options: PrintOptions): Promise<PrintResult> {
  const body = renderToStaticMarkup(element);
  const title = renderToStaticMarkup(<>{options.title}</>);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${baseCss}${options.css ?? ''}</style></head><body>${body}</body></html>`;
  return bridge.print({
    html,
    mode: options.mode,
    pageSize: options.pageSize,
    landscape: options.landscape,
    margins: options.margins,
    suggestedName: options.suggestedName,
  });
}
