import { Notification } from 'electron';
import type { NotifyResult } from '../../shared/bridge';
import { CHANNELS } from './channels';
import { handle } from './handle';
import { oneArg, validateNotifyRequest } from './validate';

export function registerNotify(): void {
  handle(CHANNELS.notify, oneArg(validateNotifyRequest), async ({ title, body }): Promise<NotifyResult> => {
    if (!Notification.isSupported()) return { status: 'unsupported' };
    new Notification({ title, body, silent: false }).show();
    return { status: 'shown' };
  });
}
