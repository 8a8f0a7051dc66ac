/**
 * The bridge the renderer uses, chosen once at start-up: the preload's `window.larder` in
 * Electron, the web implementation in a plain browser tab.
 */
import type { LarderBridge } from '../../shared/bridge';
import { usePairingNotices } from '../state/pairing-notices';
import { createWebBridge } from './web-bridge';

// Lives here, not in shared/: shared/ is compiled without DOM types, so it has no Window.
declare global {
  interface Window {
    larder?: LarderBridge;
  }
  /** package.json's version, put in by vite.config.ts. */
  const __LARDER_VERSION__: string;
}

export type { LarderBridge } from '../../shared/bridge';

export const bridge: LarderBridge =
  window.larder ??
  createWebBridge({
    version: __LARDER_VERSION__,
    onLauncherCodeProblem: (problem) => usePairingNotices.getState().reportLauncherProblem(problem),
  });
