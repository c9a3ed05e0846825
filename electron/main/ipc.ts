// Registers one ipcMain channel per contract method (the loop and the checks are in ./ipc/).
import { ipcMain } from 'electron';
import type { Service } from '../library/service/service.js';
import type { CallContext } from '../library/service/types.js';
import { registerIpcHandlers } from './ipc/ipc-handlers.js';

export function registerContractChannels(service: Service, ctx: CallContext): () => void {
  return registerIpcHandlers(ipcMain, service, ctx);
}
