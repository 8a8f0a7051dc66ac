import type { InitialPairing } from '../../shared/bridge';
import type { PrintJobStore } from '../print-jobs';
import { registerAppInfo } from './app-info';
import { registerNotify } from './notify';
import { registerOpenExternal } from './open-external';
import { registerInitialPairing } from './pairing';
import { registerPrint } from './print';
import { registerSaveFile } from './save-file';

export interface IpcContext {
  readonly pairing: InitialPairing | null;
  readonly printJobs: PrintJobStore;
}

/** Registers every bridge channel; one file per capability. */
export function registerIpcHandlers(context: IpcContext): void {
  registerAppInfo();
  registerSaveFile();
  registerPrint(context.printJobs);
  registerOpenExternal();
  registerInitialPairing(context.pairing);
  registerNotify();
}
