/**
 * One `invoke` channel per bridge capability, kebab-case. Keyed by the LarderBridge method so a
 * new method without a channel (or a renamed one) fails to compile in preload and main alike.
 */
import type { LarderBridge } from '../../shared/bridge';

export const CHANNELS = {
  getAppInfo: 'app-info',
  saveFile: 'save-file',
  print: 'print',
  openExternal: 'open-external',
  getInitialPairing: 'get-initial-pairing',
  notify: 'notify',
} as const satisfies Record<keyof LarderBridge, string>;
