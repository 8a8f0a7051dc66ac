import { app, BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrintRequest, PrintResult } from '../../shared/bridge';
import type { PrintJobStore } from '../print-jobs';
import { createPrintWindow } from '../window';
import { CHANNELS } from './channels';
import { handle } from './handle';
import { isCancelReason, toPdfOptions, toPrintOptions } from './print-options';
import { oneArg, validatePrintRequest } from './validate';

/** Each job holds a hidden renderer; a runaway caller must not spawn hundreds of them. */
const MAX_CONCURRENT_JOBS = 4;
let running = 0;

function printToPrinter(win: BrowserWindow, request: PrintRequest): Promise<PrintResult> {
  return new Promise((resolve) => {
    win.webContents.print(toPrintOptions(request), (success, failureReason) => {
      if (success) resolve({ status: 'printed' });
      else if (isCancelReason(failureReason)) resolve({ status: 'cancelled' });
      else resolve({ status: 'failed', reason: failureReason || 'print-failed' });
    });
  });
}

async function printToPdf(win: BrowserWindow, request: PrintRequest, parent: BrowserWindow | null): Promise<PrintResult> {
  const pdf = await win.webContents.printToPDF(toPdfOptions(request));
  const options: Electron.SaveDialogOptions = {
    defaultPath: path.join(app.getPath('documents'), request.suggestedName ?? 'larder.pdf'),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return { status: 'cancelled' };
  await writeFile(filePath, pdf);
  return { status: 'saved', path: filePath };
}

async function runPrintJob(request: PrintRequest, parent: BrowserWindow | null, printJobs: PrintJobStore): Promise<PrintResult> {
  const job = printJobs.add(request.html);
  const win = createPrintWindow();
  try {
    // Resolves on did-finish-load, after inline images have decoded.
    await win.loadURL(job.url);
    return request.mode === 'printer' ? await printToPrinter(win, request) : await printToPdf(win, request, parent);
  } finally {
    printJobs.discard(job.id);
    win.destroy();
  }
}

export function registerPrint(printJobs: PrintJobStore): void {
  handle(CHANNELS.print, oneArg(validatePrintRequest), async (request, event): Promise<PrintResult> => {
    if (running >= MAX_CONCURRENT_JOBS) return { status: 'failed', reason: 'busy' };
    running += 1;
    try {
      return await runPrintJob(request, BrowserWindow.fromWebContents(event.sender), printJobs);
    } finally {
      running -= 1;
    }
  });
}
