/**
 * The preload: exposes exactly one object, `window.larder`, checked against LarderBridge.
 *
 * It runs sandboxed, so it may only require 'electron' (contextBridge, ipcRenderer); the build
 * bundles CHANNELS in. Each method forwards its one payload to one channel: ipcRenderer itself,
 * or a generic `invoke(channel, …)`, is never exposed, so the page cannot reach other channels.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type {
  AppInfo,
  InitialPairing,
  LarderBridge,
  NotifyRequest,
  NotifyResult,
  OpenExternalResult,
  PrintRequest,
  PrintResult,
  SaveFileRequest,
  SaveFileResult,
} from '../shared/bridge';
import { CHANNELS } from './ipc/channels';

// Results are typed by the bridge contract; main validated the payloads and built the results.
const bridge = {
  getAppInfo: () => ipcRenderer.invoke(CHANNELS.getAppInfo) as Promise<AppInfo>,
  saveFile: (request: SaveFileRequest) => ipcRenderer.invoke(CHANNELS.saveFile, request) as Promise<SaveFileResult>,
  print: (request: PrintRequest) => ipcRenderer.invoke(CHANNELS.print, request) as Promise<PrintResult>,
  openExternal: (url: string) => ipcRenderer.invoke(CHANNELS.openExternal, url) as Promise<OpenExternalResult>,
  getInitialPairing: () => ipcRenderer.invoke(CHANNELS.getInitialPairing) as Promise<InitialPairing | null>,
  notify: (request: NotifyRequest) => ipcRenderer.invoke(CHANNELS.notify, request) as Promise<NotifyResult>,
} satisfies LarderBridge;

contextBridge.exposeInMainWorld('larder', bridge);
