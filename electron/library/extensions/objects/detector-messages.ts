import type { Detection } from './detector-types.js';

/** What the main thread asks the detector's thread. */
export type DetectorAsk = { kind: 'info' } | { kind: 'detect'; rgb: ArrayBuffer; floor: number };

export type DetectorRequest = DetectorAsk & { id: number };

export type DetectorReply =
  | { id: number; ok: true; model: string; inputSize: number; detections: Detection[] }
  | { id: number; ok: false; error: string };
