/**
 * BrowserWindow construction. Every window gets the same locked-down webPreferences; security.ts
 * additionally hardens every web contents centrally.
 */
import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-path';

/** The non-negotiable part of every window's webPreferences. */
export const LOCKED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Larder',
    // Shown once painted, so a slow disk does not flash a white window.
    show: false,
    webPreferences: { ...LOCKED_WEB_PREFERENCES, preload: preloadPath, spellcheck: false },
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('larder: could not load the renderer from dist/ (run `npm run build:renderer`)', error);
  });
  return win;
}

/**
 * The hidden window a print job renders in: no preload (it must not reach the bridge), and
 * JavaScript off, because the document is data to print, not code to run.
 */
export function createPrintWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 800,
    height: 1100,
    webPreferences: { ...LOCKED_WEB_PREFERENCES, javascript: false, spellcheck: false },
  });
}
