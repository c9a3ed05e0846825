import type { RawFace } from './face-models.js';

/** What the main thread asks the faces thread. */
export type FacesAsk = { kind: 'info' } | { kind: 'detect'; rgb: ArrayBuffer; floor: number } | { kind: 'describe'; rgb: ArrayBuffer };

export type FacesRequest = FacesAsk & { id: number };

/** `descriptor`: the Float32Array's buffer, handed over rather than copied. */
/** `describes`: whether a descriptor model is installed (answered to `info`). */
export type FacesAnswer = { model: string; describes?: boolean; faces?: RawFace[]; descriptor?: ArrayBuffer };

export type FacesReply = ({ id: number; ok: true } & FacesAnswer) | { id: number; ok: false; error: string };
