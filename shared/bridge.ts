/**
 * The one bridge between the renderer and its host, exposed as `window.larder`.
 *
 * Two implementations, chosen once at start-up (renderer/bridge/index.ts):
 * - Electron: electron/preload.ts, one `ipcRenderer.invoke` channel per method, checked with
 *   `satisfies LarderBridge`; the main process validates every payload.
 * - Browser mode: renderer/bridge/web-bridge.ts (download, print dialog, Notification API).
 *
 * Pure types only: shared/ is compiled without DOM or Node typings.
 *
 * Error policy: expected outcomes (the user cancelled, a link was refused, notifications are
 * off) are *results*; a promise rejects only on a programming error (a payload the host
 * refuses, an untrusted sender) or an unexpected host failure.
 */

import type { LauncherTerminal } from './launcher-handoff';

export type BridgeHost = 'electron' | 'browser';

export interface AppInfo {
  readonly host: BridgeHost;
  readonly name: string;
  /** The app version (package.json in Electron; 'unknown' in browser mode unless provided). */
  readonly version: string;
  /** `process.platform` in Electron ('win32' | 'darwin' | 'linux' …); 'web' in browser mode. */
  readonly platform: string;
  /** null in browser mode. */
  readonly electronVersion: string | null;
  /** BCP 47 tag of the host's UI locale, e.g. 'zh-CN'. */
  readonly locale: string;
}

export interface SaveFileFilter {
  readonly name: string;
  /** Without dots, e.g. ['csv'] or ['xlsx']. */
  readonly extensions: readonly string[];
}

export interface SaveFileRequest {
  /** A bare file name (no folders), e.g. 'stock-2025-01-31.csv'. */
  readonly suggestedName: string;
  /** Text is written as UTF-8; bytes as given. */
  readonly data: string | Uint8Array;
  /** Used by the browser download; defaults from the data kind. */
  readonly mimeType?: string;
  readonly filters?: readonly SaveFileFilter[];
}

export type SaveFileResult =
  /** Written by the host; `path` is where. */
  | { readonly status: 'saved'; readonly path: string }
  /** Browser mode: handed to the browser's download manager, which owns the outcome. */
  | { readonly status: 'downloaded' }
  | { readonly status: 'cancelled' };

/** Standard sheets, or a custom size in millimetres (labels). */
export type PrintPageSize = 'A4' | 'A5' | { readonly widthMm: number; readonly heightMm: number };

export interface PrintRequest {
  /**
   * A complete HTML document built with DOM APIs or escaped templates. Scripts in it never run
   * (the print surface has JavaScript disabled / is sandboxed).
   */
  readonly html: string;
  /** 'printer': the print dialog (or the default printer when `silent`); 'pdf': save as PDF. */
  readonly mode: 'printer' | 'pdf';
  readonly pageSize: PrintPageSize;
  readonly landscape?: boolean;
  /** 'none' for labels that are laid out edge to edge. Default 'default'. */
  readonly margins?: 'default' | 'none';
  /** printer mode, Electron only: print without a dialog (label printers at a packing bench). */
  readonly silent?: boolean;
  /** printer mode, Electron only: a printer name; the system default when omitted. */
  readonly deviceName?: string;
  /** printer mode: 1–20 (electron/ipc/validate.ts says why); the browser's dialog ignores it. */
  readonly copies?: number;
  /** pdf mode: suggested file name for the save dialog. */
  readonly suggestedName?: string;
}

export type PrintResult =
  | { readonly status: 'printed' }
  | { readonly status: 'saved'; readonly path: string }
  /**
   * Browser mode: the browser's print dialog was shown and it owns the outcome (the page cannot
   * learn whether the user printed or cancelled). For mode 'pdf', `hint` is 'choose-save-as-pdf':
   * the user saves the PDF by picking "Save as PDF" as the destination in that dialog.
   */
  | { readonly status: 'dialog-shown'; readonly hint: 'choose-save-as-pdf' | null }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly reason: string };

export type OpenExternalResult =
  | { readonly status: 'opened' }
  /** The URL is not on the vetted list (shared/trusted-url.ts). */
  | { readonly status: 'refused'; readonly reason: 'untrusted-url' };

/**
 * What the launcher or a pairing link hands the renderer once. Where it came from decides how
 * far it is trusted when the terminal is already paired (renderer/sync/repair-policy.ts).
 */
export type InitialPairing = LauncherPairing | LinkPairing;

/** From the process that started this terminal: Electron's environment, browser mode's one-time code. */
export interface LauncherPairing {
  readonly source: 'launcher';
  readonly endpointUrl: string;
  readonly token: string;
  /** Browser mode: every terminal the launcher created here, for Settings' demo switcher. */
  readonly terminals?: readonly LauncherTerminal[];
}

/** From a `#pair=` link in the address bar, which anyone could have written. */
export interface LinkPairing {
  readonly source: 'link';
  readonly endpointUrl: string;
  readonly token: string;
}

export interface NotifyRequest {
  readonly title: string;
  readonly body: string;
}

export type NotifyResult = { readonly status: 'shown' } | { readonly status: 'denied' } | { readonly status: 'unsupported' };

export interface LarderBridge {
  getAppInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  print(request: PrintRequest): Promise<PrintResult>;
  /** Opens a vetted https link in the system browser; anything else is refused. */
  openExternal(url: string): Promise<OpenExternalResult>;
  /**
   * Endpoint URL and terminal token supplied at launch (Electron: env LARDER_ENDPOINT_URL and
   * LARDER_TERMINAL_TOKEN; browser: a one-time `#code=…` from the launcher, or a `#pair=…` link),
   * or null. The renderer decides whether to adopt them and persists them itself.
   */
  getInitialPairing(): Promise<InitialPairing | null>;
  notify(request: NotifyRequest): Promise<NotifyResult>;
}
