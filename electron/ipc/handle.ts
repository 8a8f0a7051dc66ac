/**
 * The one way main registers a bridge channel: check the sender, validate the arguments, run.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { isTrustedIpcSender } from '../navigation-policy';
import type { ArgsValidator } from './validate';

export type BridgeRequestErrorReason = 'untrusted-sender' | 'invalid-payload';

/**
 * Electron passes only an error's message to the renderer, so the machine-readable reason leads
 * the message: the renderer sees "Error invoking remote method 'save-file': … invalid-payload: …".
 */
export class BridgeRequestError extends Error {
  override readonly name = 'BridgeRequestError';
  constructor(
    readonly reason: BridgeRequestErrorReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

export function handle<P, R>(
  channel: string,
  validate: ArgsValidator<P>,
  run: (payload: P, event: IpcMainInvokeEvent) => Promise<R>,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<R> => {
    // senderFrame is null once the frame navigated away or was destroyed: refused as well.
    if (!isTrustedIpcSender(event.senderFrame?.url)) throw new BridgeRequestError('untrusted-sender', channel);
    const checked = validate(args);
    if (!checked.ok) throw new BridgeRequestError('invalid-payload', `${channel}: ${checked.error}`);
    return run(checked.value, event);
  });
}
