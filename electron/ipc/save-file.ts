import { app, BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SaveFileResult } from '../../shared/bridge';
import { CHANNELS } from './channels';
import { handle } from './handle';
import { oneArg, validateSaveFileRequest } from './validate';

export function registerSaveFile(): void {
  handle(CHANNELS.saveFile, oneArg(validateSaveFileRequest), async (request, event): Promise<SaveFileResult> => {
    const parent = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.SaveDialogOptions = {
      // suggestedName is a bare file name (validated), so this stays in Documents.
      defaultPath: path.join(app.getPath('documents'), request.suggestedName),
      ...(request.filters ? { filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) } : {}),
    };
    const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (canceled || !filePath) return { status: 'cancelled' };
    // Awaited before answering: the renderer is told "saved" only once the bytes are on disk.
    await writeFile(filePath, request.data);
    return { status: 'saved', path: filePath };
  });
}
