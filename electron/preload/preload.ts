// The sandboxed preload: exposes `window.folio` (a client built from the contract) and nothing
// else. Bundled to one CommonJS file (dist/preload.cjs), as a sandboxed preload must be.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './create-bridge.js';

const bridge = createBridge(ipcRenderer, {
  pathForFile: (file) => webUtils.getPathForFile(file as File),
  isFile: (value) => value instanceof File,
});

contextBridge.exposeInMainWorld('folio', bridge);
