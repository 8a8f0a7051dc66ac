/**
 * Electron main process: app lifecycle only. Windows, protocol, security and IPC live in their
 * own modules; domain logic lives in shared/ and data access in renderer/db/.
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { registerIpcHandlers } from './ipc';
import { takePairingFromEnv } from './pairing-env';
import { PrintJobStore } from './print-jobs';
import { registerAppProtocol, registerAppSchemePrivileged } from './protocol';
import { enableSandboxEverywhere, installPermissionHandlers, installSecurityHandlers } from './security';
import { createMainWindow } from './window';

// Read and removed first, before anything can spawn a child process that would inherit the token.
const { pairing, problem } = takePairingFromEnv(process.env);
if (problem) console.error(`larder: launcher pairing ignored: ${problem}`);

/**
 * Tests give every run its own data directory; under test, sharing the developer's real
 * IndexedDB would make runs depend on each other, so the app refuses to start without one.
 */
function applyUserDataDir(): boolean {
  const userDataDir = process.env.LARDER_USER_DATA_DIR;
  if (userDataDir) {
    app.setPath('userData', path.resolve(userDataDir));
    return true;
  }
  if (process.env.LARDER_E2E === '1') {
    console.error('larder: LARDER_E2E=1 requires LARDER_USER_DATA_DIR (a fresh data directory per test)');
    return false;
  }
  return true;
}

// These three must happen before `ready`.
registerAppSchemePrivileged();
enableSandboxEverywhere();
installSecurityHandlers();

if (!applyUserDataDir()) {
  app.exit(1);
  // Two instances would open the same IndexedDB and race on the local ledger: focus the first.
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const preloadPath = path.join(__dirname, 'preload.cjs');
  // dist/ sits beside dist-electron/ under the app path, in development and inside the asar alike.
  const distDir = path.join(app.getAppPath(), 'dist');
  const printJobs = new PrintJobStore();
  let mainWindow: BrowserWindow | null = null;

  const openMainWindow = (): void => {
    mainWindow = createMainWindow(preloadPath);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && app.isReady()) openMainWindow();
  });

  app
    .whenReady()
    .then(async () => {
      installPermissionHandlers();
      await registerAppProtocol(distDir, printJobs);
      registerIpcHandlers({ pairing, printJobs });
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('larder: start-up failed', error);
      app.exit(1);
    });
}
