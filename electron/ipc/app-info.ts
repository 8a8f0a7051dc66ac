import { app } from 'electron';
import type { AppInfo } from '../../shared/bridge';
import { CHANNELS } from './channels';
import { handle } from './handle';
import { noArgs } from './validate';

export function registerAppInfo(): void {
  handle(CHANNELS.getAppInfo, noArgs, async (): Promise<AppInfo> => ({
    host: 'electron',
    // app.getName() would be package.json's lowercase `name`; the product name is fixed.
    name: 'Larder',
    version: app.getVersion(),
    platform: process.platform,
    electronVersion: process.versions.electron ?? null,
    locale: app.getLocale(),
  }));
}
