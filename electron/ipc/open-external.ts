import { shell } from 'electron';
import type { OpenExternalResult } from '../../shared/bridge';
import { parseTrustedExternalUrl } from '../../shared/trusted-url';
import { CHANNELS } from './channels';
import { handle } from './handle';
import { oneArg, validateExternalUrlArg } from './validate';

export function registerOpenExternal(): void {
  handle(CHANNELS.openExternal, oneArg(validateExternalUrlArg), async (url): Promise<OpenExternalResult> => {
    const trusted = parseTrustedExternalUrl(url);
    if (trusted === null) return { status: 'refused', reason: 'untrusted-url' };
    // The normalised href is opened, not the caller's string: what was vetted is what opens.
    await shell.openExternal(trusted);
    return { status: 'opened' };
  });
}
