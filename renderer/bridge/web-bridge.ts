/**
 * The bridge in browser mode (no Electron): the same LarderBridge, built on what a page can do.
 * Each result says honestly what happened: a download was handed to the browser, a print dialog
 * was shown; the page cannot know whether the user then saved or printed.
 */
import type {
  AppInfo,
  InitialPairing,
  LarderBridge,
  NotifyRequest,
  NotifyResult,
  OpenExternalResult,
  PrintRequest,
  PrintResult,
  SaveFileRequest,
  SaveFileResult,
} from '../../shared/bridge';
import { parseTrustedExternalUrl } from '../../shared/trusted-url';
import { redeemLauncherCode, type LauncherCodeProblem } from './launcher-code';
import { readPairingFragment, type PairingFragment } from './pairing-fragment';
import { pageCss } from './print-css';

export interface WebBridgeOptions {
  /** Shown in Settings → About; browser mode has no package.json to read. */
  readonly version?: string;
  /** Told when the launcher's one-time code brought no pairing (used, expired, unreachable). */
  readonly onLauncherCodeProblem?: (problem: LauncherCodeProblem) => void;
}

/** Reads `#code=…` / `#pair=…` and erases them at once, so they stay out of history and bookmarks. */
function takePairingFromLocation(): PairingFragment {
  const fragment = readPairingFragment(window.location.hash);
  if (fragment.found) {
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${fragment.remainingHash}`);
  }
  return fragment;
}

function saveByDownload(request: SaveFileRequest): SaveFileResult {
  const { data, suggestedName } = request;
  const blob =
    typeof data === 'string'
      ? new Blob([data], { type: request.mimeType ?? 'text/plain;charset=utf-8' })
      : // slice() copies into a plain ArrayBuffer-backed array, which Blob accepts.
        new Blob([data.slice()], { type: request.mimeType ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = suggestedName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once cancels the download in some browsers; a minute is ample for it to start.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { status: 'downloaded' };
}

/** Kept long enough for browsers whose print dialog is asynchronous (Safari). */
const PRINT_FRAME_FALLBACK_MS = 5 * 60_000;

async function printInFrame(request: PrintRequest): Promise<PrintResult> {
  const css = pageCss(request);
  const frame = document.createElement('iframe');
  // No allow-scripts: the document is data to print, not code. allow-same-origin lets this page
  // add the @page rule and call print(); allow-modals permits the print dialog.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Zero-sized rather than display:none, which some browsers print blank.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = request.html;
  document.body.append(frame);

  let removeLater = true;
  try {
    await loaded;
    const doc = frame.contentDocument;
    const win = frame.contentWindow;
    if (!doc || !win) return { status: 'failed', reason: 'print-frame-unavailable' };
    const style = doc.createElement('style');
    style.textContent = css;
    doc.head.append(style);
    const remove = (): void => frame.remove();
    win.addEventListener('afterprint', remove, { once: true });
    window.setTimeout(remove, PRINT_FRAME_FALLBACK_MS);
    win.focus();
    win.print();
    removeLater = false;
    // The browser's own dialog offers "Save as PDF" as a destination: that is browser mode's PDF.
    return { status: 'dialog-shown', hint: request.mode === 'pdf' ? 'choose-save-as-pdf' : null };
  } finally {
    if (removeLater) frame.remove();
  }
}

async function notifyWithBrowser(request: NotifyRequest): Promise<NotifyResult> {
  if (typeof Notification === 'undefined') return { status: 'unsupported' };
  let permission = Notification.permission;
  if (permission === 'default') permission = await Notification.requestPermission();
  if (permission !== 'granted') return { status: 'denied' };
  new Notification(request.title, { body: request.body });
  return { status: 'shown' };
}

export function createWebBridge(options: WebBridgeOptions = {}): LarderBridge {
  // Read when the bridge is created (module load, before the app renders), so no router can
  // rewrite the hash first and the token is out of the address bar as early as possible.
  const handed = takePairingFromLocation();
  const resolveInitialPairing = async (): Promise<InitialPairing | null> => {
    if (handed.code === null) return handed.pairing;
    // The launcher's code wins over a `pair` beside it: only the launcher could have issued it.
    const outcome = await redeemLauncherCode(handed.code, window.location.origin);
    if (outcome.status === 'paired') return outcome.pairing;
    options.onLauncherCodeProblem?.(outcome.problem);
    return null;
  };
  // A code answers once: every caller shares the one exchange.
  let initialPairing: Promise<InitialPairing | null> | null = null;
  return {
    getAppInfo: async (): Promise<AppInfo> => ({
      host: 'browser',
      name: 'Larder',
      version: options.version ?? 'unknown',
      platform: 'web',
      electronVersion: null,
      locale: navigator.language,
    }),
    saveFile: async (request) => saveByDownload(request),
    print: (request) => printInFrame(request),
    openExternal: async (url): Promise<OpenExternalResult> => {
      const trusted = parseTrustedExternalUrl(url);
      if (trusted === null) return { status: 'refused', reason: 'untrusted-url' };
      // noopener: the opened page gets no handle back to this one (and window.open returns null).
      window.open(trusted, '_blank', 'noopener');
      return { status: 'opened' };
    },
    getInitialPairing: () => (initialPairing ??= resolveInitialPairing()),
    notify: notifyWithBrowser,
  };
}
