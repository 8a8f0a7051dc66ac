/**
 * Process-wide hardening, applied to every web contents the app ever creates (main window, print
 * windows, anything a future feature adds), so no code path can forget it. Decisions are in
 * navigation-policy.ts (pure, tested); this file only wires them to Electron.
 */
import { app, session, shell, type WebContents } from 'electron';
import { decideNavigation, decideWindowOpen, isPermissionAllowed } from './navigation-policy';

/** Must run before `app` is ready: forces the sandbox on every renderer, whatever its options. */
export function enableSandboxEverywhere(): void {
  app.enableSandbox();
}

function openExternally(url: string): void {
  shell.openExternal(url).catch((error: unknown) => {
    console.error('larder: could not open external link', error);
  });
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const onNavigate = (event: { preventDefault(): void }, url: string): void => {
    const decision = decideNavigation(url);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external') openExternally(decision.url);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.action === 'open-external') openExternally(decision.url);
    return { action: 'deny' };
  });
}

/** Call before `app` is ready so even the first web contents is covered. */
export function installSecurityHandlers(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/** Needs `app` ready (the default session exists only then). */
export function installPermissionHandlers(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback) => {
    callback(isPermissionAllowed(permission, webContents.getURL()));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  // The renderer never downloads through Chromium (saving goes through the save-file channel).
  ses.on('will-download', (event) => event.preventDefault());
}
